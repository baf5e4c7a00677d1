package dev.adjoint.runtime.linop;

/** {@code a + b}; both products accumulate, so a sum needs no temporary. */
final class Sum extends BaseOperator {
  private final LinearOperator a;
  private final LinearOperator b;

  Sum(LinearOperator a, LinearOperator b) {
    super(a.domainSize(), a.domainType(), a.rangeSize(), a.rangeType());
    if (a.domainSize() != b.domainSize() || a.domainType() != b.domainType()
        || a.rangeSize() != b.rangeSize() || a.rangeType() != b.rangeType()) {
      throw new IllegalArgumentException("cannot add operators of different shapes: "
          + Shapes.signature(a) + " and " + Shapes.signature(b));
    }
    this.a = a;
    this.b = b;
  }

  @Override
  void addForward(double[] x, double[] out) {
    a.applyAdd(x, out);
    b.applyAdd(x, out);
  }

  @Override
  void addAdjoint(double[] y, double[] out) {
    a.applyAdjointAdd(y, out);
    b.applyAdjointAdd(y, out);
  }

  @Override
  String name() {
    return "(" + a + ") plus (" + b + ")";
  }

  @Override
  public String toString() {
    return name();
  }
}
