package dev.adjoint.wave.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.wave.Fixtures;
import dev.adjoint.wave.engine.Discretization;
import dev.adjoint.wave.numerics.PaddedGrid;
import dev.adjoint.wave.numerics.Stencil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vector API kernel against the scalar one on rows that are not a multiple of the vector
 * width, so that its scalar remainder runs too (the propagators' grids pad rows to 16 points, so
 * it never does there), with every optional term switched on.
 */
class VectorRowsTest {
  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void vectorAndScalarKernelsAgreeIncludingTheRemainder(int dims) {
    int[] shape = dims == 2 ? new int[] {29, 13} : new int[] {21, 7, 6};
    PaddedGrid grid = new PaddedGrid(shape, 2, 4, 1);
    double[] spacing = dims == 2 ? new double[] {10, 12} : new double[] {10, 12, 9};
    RowLayout layout = new RowLayout(new Discretization(grid, Stencil.ofOrder(8), spacing));
    assertTrue((grid.padded(0) - 8) % 16 != 0, "the rows leave a remainder");
    int n = grid.size();
    float[][] vector = step(new VectorRows(layout), layout, n);
    float[][] scalar = step(new ScalarRows(layout), layout, n);
    for (int k = 0; k < vector.length; k++) {
      for (int c = 0; c < n; c++) {
        assertEquals(scalar[k][c], vector[k][c], 1e-4f * (1 + Math.abs(scalar[k][c])), "array " + k + " point " + c);
      }
    }
  }

  /** One step on fixed random inputs; returns the new level, the difference and the gradient. */
  private static float[][] step(RowKernel kernel, RowLayout layout, int n) {
    float[] current = Fixtures.gaussian(n, 1);
    float[] older = Fixtures.gaussian(n, 2);
    float[] a = scaled(Fixtures.gaussian(n, 3), 0.01f);
    float[] eps = scaled(Fixtures.gaussian(n, 4), 0.05f);
    float[] difference = new float[n + 7];
    float[] source = Fixtures.gaussian(n + 3, 5);
    float[] weight = Fixtures.gaussian(n, 6);
    float[] snapshot = Fixtures.gaussian(n + 5, 7);
    float[] gradient = Fixtures.gaussian(n, 8);
    Step s = new Step(current, older, a, eps, difference, source, weight, snapshot, gradient, 0.3f, 7, 3, 5);
    kernel.rows(s, 0, layout.rows);
    return new float[][] {older, difference, gradient};
  }

  private static float[] scaled(float[] a, float f) {
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.abs(a[i]) * f;
    }
    return a;
  }
}
