package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Differentiating through a generated pushforward: the gradient of a slope is a Hessian times the direction. */
class NestedTest {
  @Test
  void theGradientOfASlopeIsTheHessianTimesTheDirection() {
    double[] x = {0.4, -0.9, 1.1};
    double c = 2.5;
    double[] v = {0.3, 0.2, -0.7};
    double[][] h = PolynomialsAdjointAdjoint.quarticHessian(x, c); // 3 + 1 rows: x, then c
    var g = NestedAdjoint.slopeGradient(x, c, v);
    double[] expected = new double[3];
    double expectedC = 0;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        expected[i] += h[i][j] * v[j];
      }
      expectedC += h[3][i] * v[i];
    }
    assertArrayEquals(expected, g.x(), 1e-12);
    assertEquals(expectedC, g.c(), 1e-12);
    assertEquals(PolynomialsAdjoint.quarticTangent(x, c, v, 0.0).tangent(), g.value(), 0.0);
  }
}
