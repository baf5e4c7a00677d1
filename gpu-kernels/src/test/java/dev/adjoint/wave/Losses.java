package dev.adjoint.wave;

import dev.adjoint.annotations.Differentiable;

/**
 * Losses written as a user would, differentiated by the processor through the rules of
 * {@link Wave}.
 */
final class Losses {
  private Losses() {}

  /** The FWI misfit {@code 0.5 |F(m) q - observed|^2}. */
  @Differentiable(wrt = {"m"})
  static double misfit(Modelling f, float[] m, float[] q, float[] observed) {
    return halfSquaredDistance(Wave.forward(f, m, q), observed);
  }

  /** {@code 0.5 |J(q) dm - target|^2}: a loss through the Born operator, in both its arguments. */
  @Differentiable(wrt = {"q", "dm"})
  static double bornLoss(Modelling f, float[] q, float[] dm, float[] target) {
    return halfSquaredDistance(Wave.born(f, q, dm), target);
  }

  /** {@code 0.5 |d - target|^2}, summed in double; a differentiable helper the processor inlines. */
  @Differentiable(wrt = {"d"})
  static double halfSquaredDistance(float[] d, float[] target) {
    double s = 0;
    for (int i = 0; i < d.length; i++) {
      double r = d[i] - target[i];
      s += 0.5 * r * r;
    }
    return s;
  }
}
