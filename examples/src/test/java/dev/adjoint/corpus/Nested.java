package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/**
 * A differentiable method that calls a generated tangent: the processor differentiates through it
 * once the adjoint class exists (the method waits a round for it), so its gradient is a
 * Hessian-vector product of {@link Polynomials#quartic} (reverse over forward).
 */
final class Nested {
  private Nested() {}

  /** The derivative of quartic at (x, c) in the direction (v, 0). */
  @Differentiable(wrt = {"x", "c"})
  static double slope(double[] x, double c, double[] v) {
    return PolynomialsAdjoint.quarticPushforwardInto(x, c, v, 0.0, null);
  }
}
