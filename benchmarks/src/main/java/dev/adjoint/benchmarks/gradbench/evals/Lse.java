package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.annotations.Differentiable;

/** GradBench's {@code lse} eval: a numerically stable log-sum-exp (also used by {@link Gmm}). */
public final class Lse {
  private Lse() {}

  @Differentiable
  public static double logsumexp(double[] x) {
    double max = x[0];
    for (int i = 1; i < x.length; i++) {
      max = Math.max(max, x[i]);
    }
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += Math.exp(x[i] - max);
    }
    return Math.log(sum) + max;
  }
}
