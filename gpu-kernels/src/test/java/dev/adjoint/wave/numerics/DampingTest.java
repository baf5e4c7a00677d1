package dev.adjoint.wave.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DampingTest {
  @Test
  void zeroInsideAndGrowingTowardsTheEdges() {
    PaddedGrid g = new PaddedGrid(new int[] {20, 15}, 10, 4);
    float[] eta = Damping.profile(g, new double[] {10, 10});
    for (int iz = 0; iz < 15; iz++) {
      for (int ix = 0; ix < 20; ix++) {
        assertEquals(0, eta[g.index(ix, iz)], "physical point (" + ix + ", " + iz + ")");
      }
    }
    double previous = 0;
    for (int ix = -1; ix >= -10; ix--) {
      double e = eta[g.index(ix, 7)];
      assertTrue(e > previous, "increasing into the left layer at " + ix);
      previous = e;
    }
    assertEquals(eta[g.index(-10, 7)], eta[g.index(29, 7)], 1e-12, "both sides alike");
    assertEquals(eta[g.index(-10, 7)] + eta[g.index(5, -10)], eta[g.index(-10, -10)], 1e-12, "axes add in corners");
  }
}
