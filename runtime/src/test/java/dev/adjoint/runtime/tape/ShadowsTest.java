package dev.adjoint.runtime.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ShadowsTest {
  @Test
  void shadowsAndSnapshotsHaveTheShapeOfTheirArrays() {
    double[][] ragged = {{1, 2}, null, {3}};
    double[][] zeros = Shadows.zerosLike(ragged);
    assertArrayEquals(new double[] {0, 0}, zeros[0]);
    assertNull(zeros[1]);
    double[][] copy = Shadows.snapshot(ragged);
    assertNotSame(ragged[0], copy[0]);
    ragged[0][0] = 9;
    Shadows.restore(copy, ragged);
    assertArrayEquals(new double[] {1, 2}, ragged[0]);
    double[] into = {1, 1};
    Shadows.addInto(new double[] {2, 3}, into);
    assertArrayEquals(new double[] {3, 4}, into);
  }

  /** A caller may pass null for an array the callee does not use: its shadow is null too. */
  @Test
  void aNullArrayHasANullShadowAndNothingToRestore() {
    assertNull(Shadows.zerosLike((double[]) null));
    assertNull(Shadows.zerosLike((float[]) null));
    assertNull(Shadows.zerosLike((double[][]) null));
    assertNull(Shadows.snapshot((double[]) null));
    assertNull(Shadows.snapshot((int[]) null));
    assertNull(Shadows.snapshot((float[][]) null));
    assertDoesNotThrow(() -> Shadows.restore((double[]) null, null));
    assertDoesNotThrow(() -> Shadows.addInto((double[]) null, new double[2]));
    assertDoesNotThrow(() -> Shadows.addInto(new float[2], (float[]) null));
  }

  @Test
  void aSnapshotIsTakenIntoTheArrayItReusesWhereTheShapesMatch() {
    double[] a = {1, 2, 3};
    double[] slot = new double[3];
    assertSame(slot, Shadows.snapshot(a, slot));
    assertArrayEquals(a, slot);
    double[] fresh = Shadows.snapshot(a, new double[2]); // the wrong length: a new copy
    assertArrayEquals(a, fresh);
    assertNotSame(a, Shadows.snapshot(a, null));
    double[][] m = {{1, 2}, {3, 4, 5}};
    double[][] mSlot = {new double[2], new double[1]};
    double[] keptRow = mSlot[0];
    double[][] taken = Shadows.snapshot(m, mSlot);
    assertSame(mSlot, taken);
    assertSame(keptRow, taken[0], "a row of the right length is copied into");
    assertArrayEquals(m[1], taken[1]);
    assertNotSame(m[1], taken[1]);
    float[] f = {1f, 2f};
    assertArrayEquals(f, Shadows.snapshot(f, new float[2]));
    int[] k = {7, 8};
    assertArrayEquals(k, Shadows.snapshot(k, new int[2]));
  }
}
