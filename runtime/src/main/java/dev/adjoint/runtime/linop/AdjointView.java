package dev.adjoint.runtime.linop;

/** {@code a'}, sharing {@code a}: no copy, and the adjoint of the view is {@code a} itself. */
final class AdjointView extends BaseOperator {
  private final LinearOperator a;

  AdjointView(LinearOperator a) {
    super(a.rangeSize(), a.rangeType(), a.domainSize(), a.domainType());
    this.a = a;
  }

  @Override
  void addForward(double[] x, double[] out) {
    a.applyAdjointAdd(x, out);
  }

  @Override
  void addAdjoint(double[] y, double[] out) {
    a.applyAdd(y, out);
  }

  @Override
  public LinearOperator adjoint() {
    return a;
  }

  @Override
  String name() {
    return "adjoint of (" + a + ")";
  }

  @Override
  public String toString() {
    return name();
  }
}
