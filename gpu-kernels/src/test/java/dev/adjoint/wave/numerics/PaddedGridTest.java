package dev.adjoint.wave.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.wave.Fixtures;
import org.junit.jupiter.api.Test;

class PaddedGridTest {
  @Test
  void layoutIsXFastestWithLayersAndHalo() {
    PaddedGrid g = new PaddedGrid(new int[] {7, 5, 4}, 3, 2);
    assertEquals(16 + 4, g.padded(0), "13 updated points per row, rounded up to 16, and the halos");
    assertEquals(5 + 6 + 4, g.padded(1));
    assertEquals(1, g.stride(0));
    assertEquals(g.padded(0), g.stride(1));
    assertEquals(g.padded(0) * g.padded(1), g.stride(2));
    assertEquals(5 + g.stride(1) * 5 + g.stride(2) * 5, g.index(0, 0, 0));
    assertEquals((long) 13 * 11 * 10, g.interiorSize());
    assertTrue(g.inInterior(g.index(0, 0, 0)));
    assertTrue(g.inInterior(g.index(9, 0, 0)), "the right absorbing layer");
    assertFalse(g.inInterior(g.index(10, 0, 0)), "a spare column");
    assertFalse(g.inInterior(0));
  }

  @Test
  void extendRepeatsEdgesAndRestrictIsItsAdjointOnTheInterior() {
    PaddedGrid g = new PaddedGrid(new int[] {9, 6}, 4, 2);
    float[] m = Fixtures.gaussian(g.physicalSize(), 1);
    float[] padded = g.extend(m);
    assertEquals(m[0], padded[g.index(-4, -4)]);
    assertEquals(m[8 + 9 * 5], padded[g.index(12, 9)]);
    float[] y = Fixtures.gaussian(g.size(), 2);
    for (int c = 0; c < y.length; c++) {
      if (!g.inInterior(c)) {
        y[c] = 0; // the halo is never updated, so gradients there are zero
      }
    }
    double lhs = Fixtures.dot(padded, y);
    double rhs = Fixtures.dot(m, g.restrictAdjoint(y));
    assertEquals(lhs, rhs, 1e-5 * Math.abs(lhs));
  }
}
