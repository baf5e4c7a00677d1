package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/** Straight-line scalar code: arithmetic, the java.lang.Math rules, casts and overwritten locals. */
final class ScalarMath {
  static final double HALF = 0.5;
  static final double SHIFT = 2.5;
  static final int THREE = 3;

  private ScalarMath() {}

  /** The four operations, unary minus and constants. */
  @Differentiable
  static double polynomial(double x, double y) {
    return THREE * x * x * y - x / y + SHIFT * y - -x + HALF;
  }

  @Differentiable
  static double trig(double x, double y) {
    return Math.sin(x) * Math.cos(y) + Math.tan(x * y);
  }

  /** Arguments of asin and acos stay inside (-1, 1). */
  @Differentiable
  static double inverseTrig(double x, double y) {
    return Math.asin(x) + Math.acos(y) + Math.atan(x * y) + Math.atan2(y, x);
  }

  @Differentiable
  static double hyperbolic(double x) {
    return Math.sinh(x) * Math.cosh(HALF * x) - Math.tanh(x * x);
  }

  @Differentiable
  static double expLog(double x, double y) {
    return Math.exp(x) * Math.log(y) + Math.expm1(x * y) + Math.log1p(x * x) - Math.log10(y + x * x);
  }

  @Differentiable
  static double powersAndRoots(double x, double y) {
    return Math.sqrt(x) + Math.cbrt(y) * x + Math.pow(x, y) + Math.pow(y, THREE) + Math.hypot(x, y);
  }

  /** Math.fma, the fused multiply-add of numerical kernels (Horner's rule). */
  @Differentiable
  static double fused(double x, double y) {
    double p = Math.fma(Math.fma(0.5, x, -1.0), x, y);
    double q = Math.fma(x, y, 2.0);
    return Math.fma(p, p, q) + StrictMath.fma(x, y, x);
  }

  /** The piecewise-constant rules (floor, ceil, rint, signum) contribute nothing to the gradient. */
  @Differentiable
  static double piecewise(double x, double y) {
    double a = Math.abs(x) * y + Math.min(x, y) * Math.max(x * x, y);
    double b = Math.floor(x) * y + Math.ceil(y) * x + Math.rint(x * y);
    return a + b + Math.signum(x - y) * x * x;
  }

  @Differentiable
  static double strict(double x, double y) {
    return StrictMath.sin(x) * StrictMath.exp(y) + StrictMath.pow(x * x + 1, y) + StrictMath.atan2(x, y)
        + StrictMath.sqrt(StrictMath.hypot(x, y)) + StrictMath.log(StrictMath.cosh(y));
  }

  /** Scalars declared with {@code var} and overwritten, so the reverse sweep needs old values. */
  @Differentiable
  static double overwrite(double x) {
    var y = x * x;
    y = Math.sin(y) + y;
    y = y * x;
    double z = y;
    z = z - x;
    x = z * y;
    return x + z;
  }

  /** Every compound assignment, including ones whose right side reads the target. */
  @Differentiable
  static double compound(double x, double y) {
    double s = x;
    s += y;
    s -= HALF * x;
    s *= y;
    s /= 1 + x * x;
    s += s * s;
    s -= -y;
    s *= s;
    s++;
    s--;
    ++s;
    return s;
  }

  /** Ternaries, integral and boolean parameters, and widening and truncating casts. */
  @Differentiable
  static double ternaryAndCasts(double x, int k, long m, boolean flip) {
    double a = flip ? -x : x;
    double b = (k > 2 && m < 10L) ? a * k : a / m;
    int truncated = (int) (x * 10);
    long wide = m * k + truncated;
    double c = (double) wide * x + (float) k;
    return b + c + (k % 2 == 0 ? x * x : (double) k * x);
  }

  /** Every comparison operator and the logical ones choose between differentiable branches. */
  @Differentiable
  static double comparisonsAndLogic(double x, double y) {
    boolean close = Math.abs(x - y) <= 0.1;
    boolean ordered = x < y;
    double r;
    if (!close && (ordered || x == y)) {
      r = x * y;
    } else if (x >= y && y != 0 && !ordered) {
      r = x / y;
    } else {
      r = x + y;
    }
    if ((x > 0) != (y > 0)) {
      r = -r;
    }
    return close ? r * r : r;
  }
}
