package dev.adjoint.runtime.optim;

/**
 * A differentiable objective for the optimizers: one call returns the value and fills the
 * gradient, which is what a generated {@code fGradient} (or an adjoint written by hand) gives at
 * the price of about one reverse sweep.
 *
 * <pre>{@code
 * Objective loss = (x, g) -> {
 *   LossAdjoint.LossGradient r = LossAdjoint.lossGradient(x);
 *   System.arraycopy(r.x(), 0, g, 0, g.length);
 *   return r.value();
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Objective {
  /**
   * The value at {@code x}, with the gradient written into {@code gradOut} (of the same length).
   * Implementations must not keep or modify {@code x}.
   */
  double valueAndGradient(double[] x, double[] gradOut);

  /**
   * The value alone, which some line searches ask for at probe points. The default computes
   * and discards a gradient; override it when the value is cheaper on its own. The optimizers
   * count it as an f call and not a gradient call either way.
   */
  default double value(double[] x) {
    return valueAndGradient(x, new double[x.length]);
  }
}
