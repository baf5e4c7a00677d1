package dev.adjoint.runtime.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The vector tangents' layout: directions innermost inside, first for the user, and the conversions. */
class LanesTest {
  private static final double[][] TWO_DIRECTIONS = {{1, 2, 3}, {10, 20, 30}};

  @Test
  void interleavingPutsTheDirectionsInnermost() {
    assertArrayEquals(new double[] {1, 10, 2, 20, 3, 30}, Lanes.interleave(TWO_DIRECTIONS));
    assertArrayEquals(new float[] {1, 10, 2, 20}, Lanes.interleave(new float[][] {{1, 2}, {10, 20}}));
    assertArrayEquals(new double[0], Lanes.interleave(new double[0][]), "no directions");
  }

  @Test
  void splittingUndoesInterleaving() {
    double[][] back = Lanes.split(Lanes.interleave(TWO_DIRECTIONS), 2);
    assertArrayEquals(TWO_DIRECTIONS[0], back[0]);
    assertArrayEquals(TWO_DIRECTIONS[1], back[1]);
  }

  @Test
  void aMatrixKeepsItsRowsWithTheDirectionsInnermostInEach() {
    double[][][] dots = {{{1, 2}, {3}}, {{10, 20}, {30}}};
    double[][] flat = Lanes.interleave(dots);
    assertArrayEquals(new double[] {1, 10, 2, 20}, flat[0]);
    assertArrayEquals(new double[] {3, 30}, flat[1]);
    double[][][] back = Lanes.split(flat, 2);
    assertArrayEquals(dots[1][0], back[1][0]);
    assertArrayEquals(dots[1][1], back[1][1]);
    float[][] floats = Lanes.interleave(new float[][][] {{{1}}, {{2}}});
    assertArrayEquals(new float[] {1, 2}, floats[0]);
  }

  @Test
  void oneDirectionIsCopiedOutAndWrittenBack() {
    double[] flat = Lanes.interleave(TWO_DIRECTIONS);
    double[] second = Lanes.lane(flat, 2, 1);
    assertArrayEquals(new double[] {10, 20, 30}, second);
    second[1] = -1;
    assertSame(flat, Lanes.setLane(flat, 2, 1, second));
    assertArrayEquals(new double[] {1, 10, 2, -1, 3, 30}, flat);
    assertNull(Lanes.lane((double[]) null, 2, 0));
  }

  @Test
  void writingALaneIntoNothingAllocatesItsShape() {
    double[] fresh = Lanes.setLane(null, 3, 2, new double[] {5, 6});
    assertArrayEquals(new double[] {0, 0, 5, 0, 0, 6}, fresh);
    double[][] rows = Lanes.setLane((double[][]) null, 2, 0, new double[][] {{1}, {2, 3}});
    assertArrayEquals(new double[] {1, 0}, rows[0]);
    assertArrayEquals(new double[] {2, 0, 3, 0}, rows[1]);
    float[] floats = Lanes.setLane((float[]) null, 2, 1, new float[] {4});
    assertArrayEquals(new float[] {0, 4}, floats);
  }

  @Test
  void zerosHaveTheValuesShapeTimesTheDirections() {
    assertEquals(6, Lanes.zeros(3, new double[2]).length);
    double[][] z = Lanes.zeros(2, new double[][] {{1, 2, 3}, null});
    assertEquals(6, z[0].length);
    assertNull(z[1]);
    assertEquals(4, Lanes.zeros(4, new float[1]).length);
  }

  @Test
  void theEntryPointsCheckNamesTheParameter() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Lanes.check("fTangents", "xDots", new double[][] {{1, 2}}, 1, 3));
    assertEquals("fTangents: xDots[0] must have length 3", e.getMessage());
  }

  @Test
  void aMatrixTangentOfAnotherShapeIsRejectedByName() {
    double[][] value = {{1, 2}, {3}};
    double[][][] dots = {{{1, 2}, {3}}, {{1, 2}, {3, 4}}};
    var e = assertThrows(IllegalArgumentException.class, () -> Lanes.check("fTangents", "mDots", dots, 2, value));
    assertEquals("fTangents: mDots[1][1] has length 2, expected 1", e.getMessage());
    var nullRow = assertThrows(IllegalArgumentException.class,
        () -> Lanes.check("fTangents", "mDots", new double[][][] {{{0, 0}, null}}, 1, value));
    assertEquals("fTangents: mDots[0][1] is null, expected length 1", nullRow.getMessage());
    Lanes.checkShapeOrNull("fTangents", "selfDots[d].w()", null, value); // a field's null tangent is zero
  }

  @Test
  void tangentsTooLargeForAnArrayAreAnErrorNotAWrappedSize() {
    assertThrows(ArithmeticException.class, () -> Lanes.zeros(1 << 20, new double[1 << 12]));
  }
}
