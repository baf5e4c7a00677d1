package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.annotations.Differentiable;

/**
 * The function of GradBench's {@code saddle}, {@code f(x, y) = (x1^2 + x2^2) - (y1^2 + y2^2)} for
 * points {@code x = (x1, x2)} and {@code y = (y1, y2)}. Its own class, since {@link Saddle}'s
 * methods call its generated derivatives.
 */
final class SaddleCost {
  private SaddleCost() {}

  @Differentiable
  static double f(double x1, double x2, double y1, double y2) {
    return (x1 * x1 + x2 * x2) - (y1 * y1 + y2 * y2);
  }
}
