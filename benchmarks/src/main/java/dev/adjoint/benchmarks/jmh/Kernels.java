package dev.adjoint.benchmarks.jmh;

import dev.adjoint.annotations.Differentiable;

/** Loop-heavy functions for measuring the cost of a gradient against its primal. */
public final class Kernels {
  private Kernels() {}

  /**
   * {@code steps} explicit steps of the 1-D heat equation {@code u_t = u_xx} (diffusion number
   * {@code r}, fixed ends) from {@code u0}, swapping two time levels; returns the final energy
   * {@code sum u^2}.
   */
  @Differentiable
  public static double heat(double[] u0, double r, int steps) {
    int n = u0.length;
    double[] u = new double[n];
    double[] next = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = u0[i];
    }
    for (int step = 0; step < steps; step++) {
      next[0] = u[0];
      next[n - 1] = u[n - 1];
      for (int i = 1; i < n - 1; i++) {
        next[i] = u[i] + r * (u[i - 1] - 2 * u[i] + u[i + 1]);
      }
      double[] swap = u;
      u = next;
      next = swap;
    }
    double energy = 0;
    for (int i = 0; i < n; i++) {
      energy += u[i] * u[i];
    }
    return energy;
  }

  /** {@code sum (x_i - y_i)^2}: an accumulation loop. */
  @Differentiable
  public static double sumOfSquares(double[] x, double[] y) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double d = x[i] - y[i];
      sum += d * d;
    }
    return sum;
  }

  /**
   * {@code sum_i p((A x)_i)} for the polynomial p with coefficients {@code c} (Horner's rule): a
   * nested matrix-vector loop followed by a polynomial evaluation per row.
   */
  @Differentiable
  public static double matVecPolynomial(double[][] a, double[] x, double[] c) {
    double total = 0;
    for (int i = 0; i < a.length; i++) {
      double y = 0;
      for (int j = 0; j < x.length; j++) {
        y += a[i][j] * x[j];
      }
      double p = 0;
      for (int k = c.length - 1; k >= 0; k--) {
        p = p * y + c[k];
      }
      total += p;
    }
    return total;
  }
}
