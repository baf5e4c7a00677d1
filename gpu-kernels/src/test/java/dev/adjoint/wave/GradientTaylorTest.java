package dev.adjoint.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Taylor tests of gradients taken by the generated adjoints through the propagator rules: for
 * steps {@code h}, {@code |f(x + h dx) - f(x)|} shrinks like {@code h} and
 * {@code |f(x + h dx) - f(x) - h <g, dx>|} like {@code h^2}; the observed orders must be 1 and 2
 * within 10% (Devito's test).
 */
class GradientTaylorTest {
  @Test
  void fwiMisfitGradientIsSecondOrder() {
    Model truth = Fixtures.twoLayers2d(41, 33, 10);
    float[] m0 = smoothed(truth.slowness(), 41, 33);
    try (Propagator p = Propagator.open(truth.withSlowness(m0), Options.defaults().withMaxVelocity(2.6))) {
      Modelling f = p.modelling(Fixtures.shot(truth, 400));
      float[] q = Wavelets.ricker(400, 1, 0.015);
      float[] observed = f.forward(truth.slowness(), q);
      LossesAdjoint.MisfitGradient g = LossesAdjoint.misfitGradient(f, m0, q, observed);
      float[] dm = new float[m0.length];
      for (int i = 0; i < dm.length; i++) {
        dm[i] = truth.slowness()[i] - m0[i];
      }
      double[] slopes = taylorSlopes(m -> Losses.misfit(f, m, q, observed), m0, g.m(), dm, 0.5);
      assertEquals(1, slopes[0], 0.1, "first-order slope");
      assertEquals(2, slopes[1], 0.2, "second-order slope");
    }
  }

  @Test
  void lossThroughTheBornOperatorHasSecondOrderGradientsInThePerturbationAndTheWavelet() {
    Model background = Fixtures.twoLayers2d(41, 33, 10);
    try (Propagator p = Propagator.open(background, Options.defaults())) {
      Modelling f = p.modelling(Fixtures.shot(background, 400));
      float[] q = Wavelets.ricker(400, 1, 0.015);
      float[] dm = Fixtures.gaussian(background.size(), 21);
      float[] shifted = dm.clone();
      float[] noise = Fixtures.gaussian(dm.length, 22);
      for (int i = 0; i < dm.length; i++) {
        shifted[i] += 0.3f * noise[i];
      }
      float[] target = f.born(q, shifted); // a residual of moderate size keeps float rounding below the remainders
      LossesAdjoint.BornLossGradient g = LossesAdjoint.bornLossGradient(f, q, dm, target);
      float[] ddm = Fixtures.gaussian(dm.length, 23);
      double[] s1 = taylorSlopes(x -> Losses.bornLoss(f, q, x, target), dm, g.dm(), ddm, 0.1);
      assertEquals(1, s1[0], 0.1, "first-order slope in dm");
      assertEquals(2, s1[1], 0.2, "second-order slope in dm");
      float[] dq = Fixtures.gaussian(q.length, 24);
      double[] s2 = taylorSlopes(x -> Losses.bornLoss(f, x, dm, target), q, g.q(), dq, 0.02);
      assertEquals(1, s2[0], 0.1, "first-order slope in q");
      assertEquals(2, s2[1], 0.2, "second-order slope in q");
    }
  }

  /**
   * The observed orders of the Taylor remainders for {@code h = h0 / 2^k}, {@code k = 0..7}: the
   * medians of {@code log2(r(h) / r(h/2))} over the pairs where they mean something. For the first
   * order that is where the linear term dominates ({@code r2 < r1 / 10}); for both, where the
   * remainders stand above float rounding ({@code 1e-6 |f|}: the propagators compute in float).
   */
  static double[] taylorSlopes(ToDoubleFunction<float[]> f, float[] x, float[] g, float[] dx, double h0) {
    int n = 8;
    double f0 = f.applyAsDouble(x);
    double gd = 0;
    for (int i = 0; i < x.length; i++) {
      gd += (double) g[i] * dx[i];
    }
    double[] r1 = new double[n];
    double[] r2 = new double[n];
    for (int k = 0; k < n; k++) {
      double h = h0 / Math.pow(2, k);
      float[] xh = x.clone();
      for (int i = 0; i < xh.length; i++) {
        xh[i] += (float) (h * dx[i]);
      }
      double fh = f.applyAsDouble(xh);
      r1[k] = Math.abs(fh - f0);
      r2[k] = Math.abs(fh - f0 - h * gd);
      System.out.printf("h=%.4e r1=%.6e r2=%.6e%n", h, r1[k], r2[k]);
    }
    double floor = 1e-6 * Math.abs(f0);
    java.util.List<Double> first = new java.util.ArrayList<>();
    java.util.List<Double> second = new java.util.ArrayList<>();
    for (int k = 0; k + 1 < n; k++) {
      if (r1[k + 1] > floor && r2[k] < r1[k] / 10) {
        first.add(Math.log(r1[k] / r1[k + 1]) / Math.log(2));
      }
      if (r2[k + 1] > floor) {
        second.add(Math.log(r2[k] / r2[k + 1]) / Math.log(2));
      }
    }
    return new double[] {median(first), median(second)};
  }

  private static double median(java.util.List<Double> v) {
    if (v.size() < 2) {
      return Double.NaN; // too few pairs to tell: the assertions fail
    }
    java.util.Collections.sort(v);
    int m = v.size() / 2;
    return v.size() % 2 == 1 ? v.get(m) : 0.5 * (v.get(m - 1) + v.get(m));
  }

  /** A box-smoothed copy of a 2D model (radius 3 points), as an FWI starting model. */
  static float[] smoothed(float[] m, int nx, int nz) {
    float[] out = new float[m.length];
    int r = 3;
    for (int z = 0; z < nz; z++) {
      for (int x = 0; x < nx; x++) {
        double s = 0;
        int n = 0;
        for (int dz = -r; dz <= r; dz++) {
          for (int dx = -r; dx <= r; dx++) {
            int xx = Math.max(0, Math.min(nx - 1, x + dx));
            int zz = Math.max(0, Math.min(nz - 1, z + dz));
            s += m[xx + nx * zz];
            n++;
          }
        }
        out[x + nx * z] = (float) (s / n);
      }
    }
    return out;
  }
}
