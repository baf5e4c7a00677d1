package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.annotations.Differentiable;

/**
 * The electric potential of GradBench's {@code particle}: two unit charges, at {@code (10, 10 - w)}
 * and {@code (10, 0)}, seen from {@code (x1, x2)}. Its own class, since {@link Particle}'s methods
 * call its generated derivatives.
 */
final class ParticlePotential {
  private ParticlePotential() {}

  @Differentiable
  static double potential(double x1, double x2, double w) {
    double d1 = Math.sqrt((10 - x1) * (10 - x1) + (10 - w - x2) * (10 - w - x2));
    double d2 = Math.sqrt((10 - x1) * (10 - x1) + (0 - x2) * (0 - x2));
    return 1 / d1 + 1 / d2;
  }
}
