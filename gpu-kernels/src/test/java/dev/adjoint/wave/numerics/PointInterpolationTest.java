package dev.adjoint.wave.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.wave.Fixtures;
import org.junit.jupiter.api.Test;

class PointInterpolationTest {
  static final double[] ORIGIN2 = {100, 0};
  static final double[] SPACING2 = {10, 5};

  @Test
  void samplingAndInjectionAreAdjoint2d() {
    PaddedGrid grid = new PaddedGrid(new int[] {30, 20}, 5, 4);
    PointInterpolation p = new PointInterpolation(grid, ORIGIN2, SPACING2,
        new float[][] {{100, 133.3f, 389.9f, 250}, {0, 47.2f, 95, 50}}, "receiver");
    assertAdjoint(grid, p);
  }

  @Test
  void samplingAndInjectionAreAdjoint3d() {
    PaddedGrid grid = new PaddedGrid(new int[] {12, 10, 9}, 3, 2);
    PointInterpolation p = new PointInterpolation(grid, new double[] {0, 0, 0}, new double[] {10, 10, 10},
        new float[][] {{0, 55.5f, 110}, {12.3f, 90, 45}, {80, 3.3f, 41}}, "source");
    assertEquals(8, p.corners());
    assertAdjoint(grid, p);
  }

  @Test
  void bilinearWeightsReproduceLinearFieldsAndSumToOne() {
    PaddedGrid grid = new PaddedGrid(new int[] {30, 20}, 5, 4);
    float[] field = new float[grid.size()];
    for (int iz = 0; iz < 20; iz++) {
      for (int ix = 0; ix < 30; ix++) {
        double x = ORIGIN2[0] + ix * SPACING2[0];
        double z = ORIGIN2[1] + iz * SPACING2[1];
        field[grid.index(ix, iz)] = (float) (2 * x - 3 * z + 7);
      }
    }
    float[][] points = {{133.3f, 389.9f, 100, 390}, {47.2f, 95, 0, 0}};
    PointInterpolation p = new PointInterpolation(grid, ORIGIN2, SPACING2, points, "receiver");
    float[] v = p.sample(field);
    for (int i = 0; i < v.length; i++) {
      assertEquals(2 * points[0][i] - 3 * points[1][i] + 7, v[i], 1e-3, "point " + i);
      double sum = 0;
      for (int k = 0; k < p.corners(); k++) {
        sum += p.weight()[i * p.corners() + k];
      }
      assertEquals(1, sum, 1e-6);
    }
  }

  @Test
  void nodeGroupedInjectionEqualsPointByPointInjection() {
    PaddedGrid grid = new PaddedGrid(new int[] {30, 20}, 5, 4);
    float[][] points = {{100, 104, 108, 112, 150.5f}, {20, 20, 20, 21, 33}}; // neighbours share nodes
    PointInterpolation p = new PointInterpolation(grid, ORIGIN2, SPACING2, points, "receiver");
    float[] values = {1, -2, 3, 0.5f, 7};
    float[] direct = new float[grid.size()];
    p.inject(values, direct);
    float[] grouped = new float[grid.size()];
    for (int n = 0; n < p.nodes().length; n++) {
      for (int e = p.nodeStart()[n]; e < p.nodeStart()[n + 1]; e++) {
        grouped[p.nodes()[n]] += p.nodeWeight()[e] * values[p.nodePoint()[e]];
      }
    }
    for (int c = 0; c < direct.length; c++) {
      assertEquals(direct[c], grouped[c], 1e-6);
    }
    assertEquals(p.nodes().length, java.util.Arrays.stream(p.nodes()).distinct().count(), "each node once");
  }

  @Test
  void pointsOutsideTheModelAreRejectedWithTheirCoordinate() {
    PaddedGrid grid = new PaddedGrid(new int[] {30, 20}, 5, 4);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PointInterpolation(grid,
        ORIGIN2, SPACING2, new float[][] {{150, 395}, {10, 10}}, "receiver"));
    assertTrue(e.getMessage().contains("receiver 1") && e.getMessage().contains("x coordinate is 395.0")
        && e.getMessage().contains("[100.0, 390.0]"), e.getMessage());
    IllegalArgumentException z = assertThrows(IllegalArgumentException.class, () -> new PointInterpolation(grid,
        ORIGIN2, SPACING2, new float[][] {{150}, {-1}}, "source"));
    assertTrue(z.getMessage().contains("source 0") && z.getMessage().contains("z coordinate"), z.getMessage());
  }

  private static void assertAdjoint(PaddedGrid grid, PointInterpolation p) {
    float[] u = Fixtures.gaussian(grid.size(), 5);
    float[] v = Fixtures.gaussian(p.points(), 6);
    float[] injected = new float[grid.size()];
    p.inject(v, injected);
    double lhs = Fixtures.dot(p.sample(u), v);
    double rhs = Fixtures.dot(u, injected);
    assertEquals(lhs, rhs, 1e-6 * Math.abs(lhs));
  }
}
