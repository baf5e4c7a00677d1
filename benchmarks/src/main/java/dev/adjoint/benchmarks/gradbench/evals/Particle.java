package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.annotations.Differentiable;

/**
 * GradBench's {@code particle} (Pearlmutter and Siskind): a charged particle starts at (0, 8) with
 * velocity (0.75, 0) and moves by naive Euler steps of 0.1 under the force {@code -grad p} of
 * {@link ParticlePotential}, until its next step would cross the x axis; a linear interpolation
 * then finds where it crosses, and the objective is that point's x squared. The control {@code w}
 * that brings it to the origin is found by {@link GradientDescent}.
 *
 * <p>The force is itself a derivative, so the objective's gradient is a nested one. The two
 * methods here differ only in how they take the inner gradient: by two tangents of the potential,
 * or by its generated gradient ({@code potentialPullbackInto}). The outer derivative of either is
 * then generated in either mode, giving GradBench's four variants: ff, fr (forward over forward,
 * over reverse), rf and rr.
 */
final class Particle {
  private Particle() {}

  static final double STEP = 0.1;

  /** The objective, with the force from two tangents of the potential. */
  @Differentiable
  static double crossingByTangents(double w) {
    double x1 = 0;
    double x2 = 8;
    double v1 = 0.75;
    double v2 = 0;
    while (true) {
      double a1 = -ParticlePotentialAdjoint.potentialPushforwardInto(x1, x2, w, 1, 0, 0, null);
      double a2 = -ParticlePotentialAdjoint.potentialPushforwardInto(x1, x2, w, 0, 1, 0, null);
      double next1 = x1 + STEP * v1;
      double next2 = x2 + STEP * v2;
      if (next2 <= 0) {
        break;
      }
      x1 = next1;
      x2 = next2;
      v1 = v1 + STEP * a1;
      v2 = v2 + STEP * a2;
    }
    double lastStep = -x2 / v2;
    double crossing = x1 + lastStep * v1;
    return crossing * crossing;
  }

  /** The objective, with the force from the potential's generated gradient. */
  @Differentiable
  static double crossingByGradient(double w) {
    double x1 = 0;
    double x2 = 8;
    double v1 = 0.75;
    double v2 = 0;
    while (true) {
      double[] g = ParticlePotentialAdjoint.potentialPullbackInto(x1, x2, w, 1);
      double next1 = x1 + STEP * v1;
      double next2 = x2 + STEP * v2;
      if (next2 <= 0) {
        break;
      }
      x1 = next1;
      x2 = next2;
      v1 = v1 - STEP * g[0];
      v2 = v2 - STEP * g[1];
    }
    double lastStep = -x2 / v2;
    double crossing = x1 + lastStep * v1;
    return crossing * crossing;
  }

  /** The final w of the descent from w0, with the outer and inner modes as GradBench names them. */
  static double solve(String modes, double w0) {
    boolean innerForward = modes.charAt(1) == 'f';
    boolean outerForward = modes.charAt(0) == 'f';
    java.util.function.ToDoubleFunction<double[]> objective = innerForward
        ? w -> crossingByTangents(w[0]) : w -> crossingByGradient(w[0]);
    java.util.function.Function<double[], double[]> gradient;
    if (outerForward) {
      gradient = innerForward ? w -> new double[] {ParticleAdjoint.crossingByTangentsTangent(w[0], 1).tangent()}
          : w -> new double[] {ParticleAdjoint.crossingByGradientTangent(w[0], 1).tangent()};
    } else {
      gradient = innerForward ? w -> new double[] {ParticleAdjoint.crossingByTangentsGradient(w[0]).w()}
          : w -> new double[] {ParticleAdjoint.crossingByGradientGradient(w[0]).w()};
    }
    return GradientDescent.argmin(objective, gradient, new double[] {w0})[0];
  }
}
