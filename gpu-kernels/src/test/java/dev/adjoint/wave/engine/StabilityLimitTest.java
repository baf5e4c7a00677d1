package dev.adjoint.wave.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.wave.cpu.CpuEngine;
import dev.adjoint.wave.numerics.PaddedGrid;
import dev.adjoint.wave.numerics.PointInterpolation;
import dev.adjoint.wave.numerics.Stencil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stability limit the propagators choose their time step from is the real one: just below it
 * a kicked field stays bounded for thousands of steps, just above it the field explodes.
 */
class StabilityLimitTest {
  @ParameterizedTest
  @ValueSource(ints = {2, 4, 8})
  void stableJustBelowTheLimitAndUnstableJustAbove(int order) {
    Stencil stencil = Stencil.ofOrder(order);
    double[] spacing = {10, 10};
    double v = 3;
    double limit = stencil.stabilityLimit(spacing, v);
    assertFalse(grows(stencil, spacing, v, 0.98 * limit), "0.98 of the limit is stable");
    assertTrue(grows(stencil, spacing, v, 1.02 * limit), "1.02 of the limit is unstable");
  }

  /** Whether a unit kick grows past 1e3 within 3000 steps (no damping, zero edges). */
  private static boolean grows(Stencil stencil, double[] spacing, double v, double dt) {
    int n = 31;
    PaddedGrid grid = new PaddedGrid(new int[] {n, n}, 0, stencil.radius());
    Discretization disc = new Discretization(grid, stencil, spacing);
    float[] a = new float[grid.size()];
    for (int c = 0; c < a.length; c++) {
      a[c] = grid.inInterior(c) ? (float) (dt * dt * v * v) : 0f;
    }
    float[][] everywhere = new float[2][n * n];
    for (int i = 0; i < n * n; i++) {
      everywhere[0][i] = (float) (i % n * spacing[0]);
      everywhere[1][i] = (float) (i / n * spacing[1]);
    }
    PointInterpolation all = new PointInterpolation(grid, new double[] {0, 0}, spacing, everywhere, "point");
    PointInterpolation centre = new PointInterpolation(grid, new double[] {0, 0}, spacing,
        new float[][] {{150.5f}, {149.5f}}, "source");
    int steps = 3000;
    float[] kick = new float[steps];
    kick[0] = 1;
    try (CpuEngine engine = new CpuEngine(disc)) {
      engine.setModel(a, new float[grid.size()]);
      float[] out = Propagations.forward(engine, steps, centre, kick, all, null, 1).output();
      float max = 0;
      for (int t = steps - 10; t < steps; t++) {
        for (int p = 0; p < n * n; p++) {
          float value = out[t * n * n + p];
          max = Float.isFinite(value) ? Math.max(max, Math.abs(value)) : Float.POSITIVE_INFINITY;
        }
      }
      return max > 1e3f;
    }
  }
}
