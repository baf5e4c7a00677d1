package dev.adjoint.examples.wave;

import dev.adjoint.annotations.Differentiable;
import dev.adjoint.wave.Modelling;
import dev.adjoint.wave.Wave;

/**
 * The FWI misfit of one shot, {@code 0.5 |F(max(m, mMin)) q - observed|^2}, written as a user
 * would and differentiated with respect to {@code m} through {@code Wave.forward}'s rule (its
 * {@code d(F q)/dm} part). The floor {@code mMin} keeps every velocity the inversion tries below
 * the one the time step was chosen for; where it is active the gradient is zero.
 */
final class FwiMisfit {
  private FwiMisfit() {}

  @Differentiable(wrt = {"m"})
  static double misfit(Modelling shot, float[] m, float[] q, float[] observed, float mMin) {
    float[] bounded = new float[m.length];
    for (int i = 0; i < m.length; i++) {
      bounded[i] = Math.max(m[i], mMin);
    }
    float[] d = Wave.forward(shot, bounded, q);
    double s = 0;
    for (int i = 0; i < d.length; i++) {
      double r = d[i] - observed[i];
      s += 0.5 * r * r;
    }
    return s;
  }
}
