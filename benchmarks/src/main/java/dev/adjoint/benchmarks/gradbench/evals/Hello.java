package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.annotations.Differentiable;

/** GradBench's {@code hello} eval: {@code square} and its derivative, {@code double}. */
public final class Hello {
  private Hello() {}

  @Differentiable
  public static double square(double x) {
    return x * x;
  }
}
