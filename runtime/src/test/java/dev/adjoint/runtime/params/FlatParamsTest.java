package dev.adjoint.runtime.params;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlatParamsTest {
  private final double[] w = {1, 2, 3};
  private final float[] f = {4f, 5f};
  private final double[][] g = {{6, 7}, {8}};
  private final float[][] h = {{9f}, {10f, 11f}};

  @Test
  void flattensInOrderRowByRowAndWidensFloats() {
    assertEquals(13, FlatParams.size(w, 0.5, f, 2.5f, g, h));
    assertArrayEquals(new double[] {1, 2, 3, 0.5, 4, 5, 2.5, 6, 7, 8, 9, 10, 11},
        FlatParams.flatten(w, 0.5, f, 2.5f, g, h), 0.0);
  }

  @Test
  void readsBackTheSameShapes() {
    double[] flat = FlatParams.flatten(w, 0.5, f, 2.5f, g, h);
    FlatParams.Reader r = FlatParams.reader(flat, flat.length);
    assertArrayEquals(w, r.like(w), 0.0);
    assertEquals(0.5, r.scalar());
    assertArrayEquals(f, r.like(f), 0f);
    assertEquals(2.5f, r.floatScalar());
    double[][] g2 = r.like(g);
    assertArrayEquals(g[0], g2[0], 0.0);
    assertArrayEquals(g[1], g2[1], 0.0);
    float[][] h2 = r.like(h);
    assertArrayEquals(h[1], h2[1], 0f);
    assertTrue(g2[0] != g[0], "fresh arrays");
  }

  @Test
  void copiesIntoTheModelsArraysAndChecksShapes() {
    double[][] target = {{0, 0}, {0}};
    FlatParams.copy(g, target);
    assertArrayEquals(g[1], target[1], 0.0);
    assertThrows(IllegalArgumentException.class, () -> FlatParams.copy(w, new double[2]));
    assertThrows(IllegalArgumentException.class, () -> FlatParams.copy(h, new float[][] {{1f}}));
  }

  @Test
  void rejectsAWrongLengthANullAndANonParameter() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FlatParams.reader(new double[3], 4));
    assertTrue(e.getMessage().contains("3 values") && e.getMessage().contains("holds 4"), e.getMessage());
    assertThrows(NullPointerException.class, () -> FlatParams.size(w, null));
    assertThrows(IllegalArgumentException.class, () -> FlatParams.size("w"));
  }
}
