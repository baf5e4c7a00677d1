package dev.adjoint.runtime.linop;

/** {@code second * first}: {@code first} is applied first. */
final class Composition extends BaseOperator {
  private final LinearOperator first;
  private final LinearOperator second;

  Composition(LinearOperator first, LinearOperator second) {
    super(first.domainSize(), first.domainType(), second.rangeSize(), second.rangeType());
    if (first.rangeSize() != second.domainSize() || first.rangeType() != second.domainType()) {
      throw new IllegalArgumentException("cannot compose: " + first + " yields "
          + Shapes.space(first.rangeSize(), first.rangeType()) + " but " + second + " takes "
          + Shapes.space(second.domainSize(), second.domainType()));
    }
    this.first = first;
    this.second = second;
  }

  @Override
  void addForward(double[] x, double[] out) {
    second.applyAdd(first.apply(x), out);
  }

  @Override
  void addAdjoint(double[] y, double[] out) {
    first.applyAdjointAdd(second.applyAdjoint(y), out);
  }

  @Override
  String name() {
    return "(" + first + ") then (" + second + ")";
  }

  @Override
  public String toString() {
    return name();
  }
}
