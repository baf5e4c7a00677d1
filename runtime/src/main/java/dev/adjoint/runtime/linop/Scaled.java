package dev.adjoint.runtime.linop;

/** {@code alpha * a} for real {@code alpha}, whose adjoint is {@code alpha * a'}. */
final class Scaled extends BaseOperator {
  private final LinearOperator a;
  private final double alpha;

  Scaled(LinearOperator a, double alpha) {
    super(a.domainSize(), a.domainType(), a.rangeSize(), a.rangeType());
    if (!Double.isFinite(alpha)) {
      throw new IllegalArgumentException("scale factor must be finite, got " + alpha);
    }
    this.a = a;
    this.alpha = alpha;
  }

  @Override
  void addForward(double[] x, double[] out) {
    Shapes.addScaled(alpha, a.apply(x), out);
  }

  @Override
  void addAdjoint(double[] y, double[] out) {
    Shapes.addScaled(alpha, a.applyAdjoint(y), out);
  }

  @Override
  String name() {
    return alpha + " * (" + a + ")";
  }

  @Override
  public String toString() {
    return name();
  }
}
