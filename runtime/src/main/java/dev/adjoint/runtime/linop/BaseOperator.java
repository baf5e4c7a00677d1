package dev.adjoint.runtime.linop;

/**
 * The common frame of the built-in operators: each implements only the accumulating products
 * {@code out += A x} and {@code out += A' y}, which is what pullbacks and sums need, and this
 * class derives the allocating ones and checks every argument's length once.
 */
abstract class BaseOperator implements LinearOperator {
  private final int domainSize;
  private final ElementType domainType;
  private final int rangeSize;
  private final ElementType rangeType;

  BaseOperator(int domainSize, ElementType domainType, int rangeSize, ElementType rangeType) {
    if (domainSize < 0 || rangeSize < 0) {
      throw new IllegalArgumentException("sizes must be non-negative, got " + domainSize + " and " + rangeSize);
    }
    this.domainSize = domainSize;
    this.domainType = domainType;
    this.rangeSize = rangeSize;
    this.rangeType = rangeType;
  }

  /** {@code out += A x}; lengths are already checked and {@code x} must be left unchanged. */
  abstract void addForward(double[] x, double[] out);

  /** {@code out += A' y}; lengths are already checked and {@code y} must be left unchanged. */
  abstract void addAdjoint(double[] y, double[] out);

  /** A short description for messages, such as {@code dft(128)}. */
  abstract String name();

  @Override
  public final int domainSize() {
    return domainSize;
  }

  @Override
  public final int rangeSize() {
    return rangeSize;
  }

  @Override
  public final ElementType domainType() {
    return domainType;
  }

  @Override
  public final ElementType rangeType() {
    return rangeType;
  }

  @Override
  public final double[] apply(double[] x) {
    Shapes.requireLength("x", x, domainLength(), this);
    double[] out = new double[rangeLength()];
    addForward(x, out);
    return out;
  }

  @Override
  public final double[] applyAdjoint(double[] y) {
    Shapes.requireLength("y", y, rangeLength(), this);
    double[] out = new double[domainLength()];
    addAdjoint(y, out);
    return out;
  }

  @Override
  public final void applyAdd(double[] x, double[] out) {
    Shapes.requireLength("x", x, domainLength(), this);
    Shapes.requireLength("out", out, rangeLength(), this);
    addForward(x, out);
  }

  @Override
  public final void applyAdjointAdd(double[] y, double[] out) {
    Shapes.requireLength("y", y, rangeLength(), this);
    Shapes.requireLength("out", out, domainLength(), this);
    addAdjoint(y, out);
  }

  @Override
  public String toString() {
    return name() + ": " + Shapes.signature(this);
  }
}
