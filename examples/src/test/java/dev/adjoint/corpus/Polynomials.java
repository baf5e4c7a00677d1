package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/** Polynomials whose Hessians are known in closed form: the dense Hessians must be exact. */
final class Polynomials {
  private Polynomials() {}

  /** x^2 y + 3 x y^3 - 2 y^2 + x. */
  @Differentiable
  static double cubic(double x, double y) {
    return x * x * y + 3 * x * y * y * y - 2 * y * y + x;
  }

  /** The sum of a_i^2 a_{i+1}, cyclic. */
  @Differentiable
  static double chain(double[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * a[i] * a[(i + 1) % a.length];
    }
    return s;
  }

  /** (x . x)^2 + c x_0 x_1, the dot product summed in a loop. */
  @Differentiable
  static double quartic(double[] x, double c) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return s * s + c * x[0] * x[1];
  }
}
