package dev.adjoint.runtime.linop;

/** Argument checks and array arithmetic shared by the operators. */
final class Shapes {
  private Shapes() {}

  static void requireLength(String name, double[] a, int expected, LinearOperator op) {
    if (a == null) {
      throw new NullPointerException(name + " is null (operator " + op + ")");
    }
    if (a.length != expected) {
      throw new IllegalArgumentException(name + " has length " + a.length + " but operator " + op
          + " needs length " + expected);
    }
  }

  /** {@code dst += src}. */
  static void addInto(double[] src, double[] dst) {
    for (int i = 0; i < src.length; i++) {
      dst[i] += src[i];
    }
  }

  /** {@code dst += alpha * src}. */
  static void addScaled(double alpha, double[] src, double[] dst) {
    for (int i = 0; i < src.length; i++) {
      dst[i] += alpha * src[i];
    }
  }

  static String space(int size, LinearOperator.ElementType type) {
    return type + "^" + size;
  }

  static String signature(LinearOperator op) {
    return space(op.domainSize(), op.domainType()) + " -> " + space(op.rangeSize(), op.rangeType());
  }
}
