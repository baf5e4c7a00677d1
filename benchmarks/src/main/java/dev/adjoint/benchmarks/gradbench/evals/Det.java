package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.annotations.Differentiable;

/**
 * GradBench's {@code det} eval: the determinant of a row-major {@code ell x ell} matrix by
 * expansion by minors along the first remaining row, as cmpad's {@code det_of_minor} does
 * (factorial cost on purpose). The columns already removed are the set bits of an integer.
 */
public final class Det {
  private Det() {}

  @Differentiable
  public static double det(double[] a, int ell) {
    return detOfMinor(a, ell, 0, 0);
  }

  /** The determinant of the minor made of rows {@code row..ell-1} and the columns not in {@code removed}. */
  @Differentiable
  static double detOfMinor(double[] a, int ell, int row, int removed) {
    if (row == ell - 1) {
      return a[row * ell + firstColumnNotIn(removed)];
    }
    double det = 0;
    int sign = 1;
    for (int col = 0; col < ell; col++) {
      if (contains(removed, col)) {
        continue;
      }
      double minor = detOfMinor(a, ell, row + 1, with(removed, col));
      if (sign > 0) {
        det = det + a[row * ell + col] * minor;
      } else {
        det = det - a[row * ell + col] * minor;
      }
      sign = -sign;
    }
    return det;
  }

  static boolean contains(int set, int col) {
    return (set & (1 << col)) != 0;
  }

  static int with(int set, int col) {
    return set | (1 << col);
  }

  static int firstColumnNotIn(int set) {
    return Integer.numberOfTrailingZeros(~set);
  }
}
