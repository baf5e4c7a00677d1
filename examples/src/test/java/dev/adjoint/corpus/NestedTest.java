package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Differentiating through generated derivatives: the gradient of a slope is a Hessian times the
 * direction; a gradient's energy has the same derivatives whether its inner gradient comes from
 * reverse or forward mode, and whether it is differentiated in reverse or forward mode, exactly
 * those of the closed form.
 */
class NestedTest {
  /** cubic's gradient and Hessian in closed form: cubic = x^2 y + 3 x y^3 - 2 y^2 + x. */
  private static double[] gradient(double x, double y) {
    return new double[] {2 * x * y + 3 * y * y * y + 1, x * x + 9 * x * y * y - 4 * y};
  }

  private static double[][] hessian(double x, double y) {
    return new double[][] {{2 * y, 2 * x + 9 * y * y}, {2 * x + 9 * y * y, 18 * x * y - 4}};
  }

  /** d/d(x, y, s) of 0.5 s^2 |g|^2 is s^2 H g and s |g|^2. */
  @Test
  void aGradientsEnergyHasTheSameDerivativesInAllFourModes() {
    double x = 0.7;
    double y = -0.4;
    double s = 1.3;
    double[] g = gradient(x, y);
    double[][] h = hessian(x, y);
    double[] expected = {s * s * (h[0][0] * g[0] + h[0][1] * g[1]), s * s * (h[1][0] * g[0] + h[1][1] * g[1]),
        s * (g[0] * g[0] + g[1] * g[1])};
    var rr = NestedAdjoint.gradientEnergyGradient(x, y, s);
    var rf = NestedAdjoint.gradientEnergyByTangentsGradient(x, y, s);
    assertArrayEquals(expected, new double[] {rr.x(), rr.y(), rr.s()}, 1e-12);
    assertArrayEquals(expected, new double[] {rf.x(), rf.y(), rf.s()}, 1e-12);
    double[] v = {0.3, -1.1, 0.6};
    double slope = expected[0] * v[0] + expected[1] * v[1] + expected[2] * v[2];
    assertEquals(slope, NestedAdjoint.gradientEnergyTangent(x, y, s, v[0], v[1], v[2]).tangent(), 1e-12);
    assertEquals(slope, NestedAdjoint.gradientEnergyByTangentsTangent(x, y, s, v[0], v[1], v[2]).tangent(), 1e-12);
    assertEquals(0.5 * s * s * (g[0] * g[0] + g[1] * g[1]), rr.value(), 1e-12);
  }

  /** Through ten descent steps, each calling the gradient: forward and reverse over reverse agree with differences. */
  @Test
  void descentThroughAGradientDifferentiatesInBothModes() {
    double x = 0.3;
    double y = 0.2;
    var grad = NestedAdjoint.descendedGradient(x, y);
    double h = 1e-6;
    double dx = (Nested.descended(x + h, y) - Nested.descended(x - h, y)) / (2 * h);
    double dy = (Nested.descended(x, y + h) - Nested.descended(x, y - h)) / (2 * h);
    assertEquals(dx, grad.x(), 1e-7);
    assertEquals(dy, grad.y(), 1e-7);
    assertEquals(grad.x(), NestedAdjoint.descendedTangent(x, y, 1, 0).tangent(), 1e-12);
    assertEquals(grad.y(), NestedAdjoint.descendedTangent(x, y, 0, 1).tangent(), 1e-12);
  }

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
