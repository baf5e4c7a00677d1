package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.annotations.Differentiable;

/**
 * GradBench's {@code llsq} eval: the least-squares misfit of the polynomial with coefficients
 * {@code x} to the sign function, sampled at {@code n} points evenly spaced in [-1, 1]. The powers
 * of {@code t_i} are a running product, as in the eval's reference {@code llsq.hpp} (an earlier
 * version called {@code pow(t_i, j)}).
 */
public final class Llsq {
  private Llsq() {}

  @Differentiable
  public static double primal(double[] x, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double ti = sample(i, n);
      double inner = Math.signum(ti);
      double power = 1;
      for (int j = 0; j < x.length; j++) {
        inner -= x[j] * power;
        power *= ti;
      }
      sum += inner * inner;
    }
    return sum / 2;
  }

  /** The i-th of n points evenly spaced in [-1, 1]. */
  static double sample(int i, int n) {
    return -1 + i * 2.0 / (n - 1);
  }
}
