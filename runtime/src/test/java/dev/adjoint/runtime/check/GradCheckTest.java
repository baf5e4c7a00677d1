package dev.adjoint.runtime.check;

import dev.adjoint.runtime.linalg.Vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class GradCheckTest {

  /** f(x) = sum_i sin(x_i) x_{i+1} + exp(x_0 / 3); x_last appears only linearly. */
  static double f(double[] x) {
    double s = Math.exp(x[0] / 3);
    for (int i = 0; i + 1 < x.length; i++) {
      s += Math.sin(x[i]) * x[i + 1];
    }
    return s;
  }

  static double[] gradF(double[] x) {
    double[] g = new double[x.length];
    g[0] = Math.exp(x[0] / 3) / 3;
    for (int i = 0; i + 1 < x.length; i++) {
      g[i] += Math.cos(x[i]) * x[i + 1];
      g[i + 1] += Math.sin(x[i]);
    }
    return g;
  }

  static double[] point(int n, long seed) {
    return Vectors.gaussian(n, new Random(seed));
  }

  @Test
  void centralDifferenceMatchesAnalyticGradient() {
    double[] x = point(12, 1);
    double[] fd = GradCheck.centralDifference(GradCheckTest::f, x);
    assertArrayEquals(gradF(x), fd, 1e-8);
  }

  @Test
  void centralDifferenceDoesNotModifyThePoint() {
    double[] x = point(5, 2);
    double[] copy = x.clone();
    GradCheck.centralDifference(GradCheckTest::f, x, 1e-4);
    assertArrayEquals(copy, x, 0.0);
  }

  @Test
  void centralDifferenceScalesStepWithLargeCoordinates() {
    // exp(x/1e4) at x = 1e5: a fixed absolute step of 6e-6 would lose many digits to rounding.
    double[] x = {1e5};
    double[] fd = GradCheck.centralDifference(v -> Math.exp(v[0] / 1e4), x);
    double exact = Math.exp(10) / 1e4;
    assertEquals(exact, fd[0], 1e-8 * exact);
  }

  @Test
  void checkPassesForCorrectGradientWithTinyError() {
    double[] x = point(20, 3);
    GradientCheckResult r = GradCheck.check(GradCheckTest::f, x, gradF(x), 1e-6);
    assertTrue(r.passed(), r.message());
    assertTrue(r.maxRelativeError() < 1e-8, r.message());
    assertEquals(0, r.failingCount());
  }

  @Test
  void checkFindsTheWrongComponent() {
    double[] x = point(10, 4);
    double[] g = gradF(x);
    g[7] *= 1.01;
    GradientCheckResult r = GradCheck.check(GradCheckTest::f, x, g, 1e-6);
    assertFalse(r.passed());
    assertEquals(7, r.worstIndex());
    assertEquals(1, r.failingCount());
    assertTrue(r.maxRelativeError() > 1e-3 && r.maxRelativeError() < 1e-2, r.message());
  }

  @Test
  void zeroComponentsAreNotFlaggedAsRoundOff() {
    // f ignores x[1] and x[3]: their finite differences are rounding noise around 0.
    ToDoubleFunction<double[]> h = v -> 1e3 + Math.cos(v[0]) * v[2] * v[2];
    double[] x = {0.3, 5.0, -1.2, 7.0};
    double[] g = {-Math.sin(0.3) * 1.44, 0, 2 * Math.cos(0.3) * -1.2, 0};
    GradientCheckResult r = GradCheck.check(h, x, g, 1e-6);
    assertTrue(r.passed(), r.message());
  }

  @Test
  void smallButWrongComponentIsFlagged() {
    ToDoubleFunction<double[]> h = v -> v[0] * v[0] + 1e-4 * v[1];
    double[] x = {1.0, 1.0};
    GradientCheckResult r = GradCheck.check(h, x, new double[] {2.0, 0.0}, 1e-6);
    assertFalse(r.passed(), r.message());
    assertEquals(1, r.worstIndex());
  }

  @Test
  void nanGradientFails() {
    double[] x = point(4, 5);
    double[] g = gradF(x);
    g[2] = Double.NaN;
    GradientCheckResult r = GradCheck.check(GradCheckTest::f, x, g, 1e-6);
    assertFalse(r.passed());
    assertEquals(2, r.worstIndex());
    assertTrue(Double.isNaN(r.maxRelativeError()));
  }

  @Test
  void assertGradientThrowsReadableMessage() {
    double[] x = point(6, 6);
    double[] g = gradF(x);
    g[4] = -g[4] + 1;
    AssertionError e = assertThrows(AssertionError.class,
        () -> GradCheck.assertGradient(GradCheckTest::f, x, g, 1e-6));
    assertTrue(e.getMessage().startsWith("gradient check failed"), e.getMessage());
    assertTrue(e.getMessage().contains("at index 4"), e.getMessage());
    assertTrue(e.getMessage().contains("rel. error"), e.getMessage());
  }

  @Test
  void assertGradientReturnsResultWhenItPasses() {
    double[] x = point(6, 7);
    GradientCheckResult r = GradCheck.assertGradient(GradCheckTest::f, x, gradF(x), 1e-6);
    assertTrue(r.passed());
  }

  @Test
  void gradientOfWrongLengthIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> GradCheck.check(GradCheckTest::f, new double[3], new double[2], 1e-6));
  }

  // ---------------------------------------------------------------- float flavour

  /** The same function, computed in single precision as generated float code would. */
  static double fFloat(float[] x) {
    float s = (float) Math.exp(x[0] / 3f);
    for (int i = 0; i + 1 < x.length; i++) {
      s += (float) Math.sin(x[i]) * x[i + 1];
    }
    return s;
  }

  static float[] toFloat(double[] a) {
    float[] f = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      f[i] = (float) a[i];
    }
    return f;
  }

  @Test
  void floatCheckPassesForCorrectGradientAtFloatTolerance() {
    float[] x = toFloat(point(10, 8));
    double[] xd = Vectors.toDouble(x);
    float[] g = toFloat(gradF(xd));
    GradientCheckResult r = GradCheck.check(GradCheckTest::fFloat, x, g, 1e-3);
    assertTrue(r.passed(), r.message());
  }

  @Test
  void floatCheckCatchesAOnePercentError() {
    float[] x = toFloat(point(10, 9));
    float[] g = toFloat(gradF(Vectors.toDouble(x)));
    g[3] *= 1.01f;
    GradientCheckResult r = GradCheck.check(GradCheckTest::fFloat, x, g, 1e-3);
    assertFalse(r.passed(), r.message());
    assertEquals(3, r.worstIndex());
    assertThrows(AssertionError.class, () -> GradCheck.assertGradient(GradCheckTest::fFloat, x, g, 1e-3));
  }

  // ---------------------------------------------------------------- Taylor test

  @Test
  void taylorOrdersAreOneAndTwoForCorrectGradient() {
    double[] x = point(8, 10);
    double[] d = point(8, 11);
    TaylorResult t = GradCheck.taylor(GradCheckTest::f, x, gradF(x), d);
    assertEquals(1.0, t.firstOrderRate(), 0.05, t.table());
    assertEquals(2.0, t.secondOrderRate(), 0.05, t.table());
    assertTrue(t.isSecondOrder());
    assertEquals(GradCheck.TAYLOR_STEPS, t.steps().length);
    assertEquals(t.steps()[0] / 2, t.steps()[1], 0.0);
  }

  @Test
  void taylorSecondOrderDropsToOneForWrongGradient() {
    double[] x = point(8, 12);
    double[] d = point(8, 13);
    double[] g = gradF(x);
    g[0] += 0.05;
    TaylorResult t = GradCheck.taylor(GradCheckTest::f, x, g, d);
    assertEquals(1.0, t.secondOrderRate(), 0.1, t.table());
    assertFalse(t.isSecondOrder());
    AssertionError e = assertThrows(AssertionError.class, () -> GradCheck.assertTaylor(GradCheckTest::f, x, g, d));
    assertTrue(e.getMessage().contains("|f1-f0-h g.d|"), e.getMessage());
  }

  @Test
  void taylorIgnoresRoundOffFloorForLinearFunction() {
    // For a linear function the second-order remainder is pure rounding noise at every step.
    double[] c = point(5, 14);
    ToDoubleFunction<double[]> lin = v -> Vectors.dot(c, v) + 3;
    double[] x = point(5, 15);
    TaylorResult t = GradCheck.taylor(lin, x, c.clone(), point(5, 16));
    assertTrue(Double.isNaN(t.secondOrderRate()), t.table());
    assertTrue(t.isSecondOrder(), t.table());
    assertEquals(1.0, t.firstOrderRate(), 0.05, t.table());
  }

  @Test
  void taylorStopsCountingOnceRemaindersReachRoundOff() {
    // With many halvings the smallest remainders are noise; the median must still read 2.
    double[] x = point(6, 17);
    double[] d = point(6, 18);
    TaylorResult t = GradCheck.taylor(GradCheckTest::f, x, gradF(x), d, 1e-1, 40);
    assertTrue(t.secondOrder()[39] < t.roundOffFloor(), t.table());
    assertEquals(2.0, t.secondOrderRate(), 0.05, t.table());
  }

  @Test
  void observedOrderIsMedianOfLogRatios() {
    double[] r = {1, 0.25, 0.0625, 0.03125, 1e-30};
    // log2 ratios 2, 2, 1 (the last pair is below the floor): median 2
    assertEquals(2.0, GradCheck.observedOrder(r, 1e-20), 1e-15);
    assertTrue(Double.isNaN(GradCheck.observedOrder(new double[] {1e-30, 1e-31}, 1e-20)));
  }

  // ---------------------------------------------------------------- dot-product test

  static Function<double[], double[]> matrix(double[][] a, boolean transpose) {
    return v -> {
      int rows = transpose ? a[0].length : a.length;
      double[] out = new double[rows];
      for (int i = 0; i < a.length; i++) {
        for (int j = 0; j < a[0].length; j++) {
          if (transpose) {
            out[j] += a[i][j] * v[i];
          } else {
            out[i] += a[i][j] * v[j];
          }
        }
      }
      return out;
    };
  }

  static double[][] randomMatrix(int m, int n, long seed) {
    Random rnd = new Random(seed);
    double[][] a = new double[m][n];
    for (double[] row : a) {
      for (int j = 0; j < n; j++) {
        row[j] = rnd.nextGaussian();
      }
    }
    return a;
  }

  @Test
  void dotProductOfMatrixAndItsTransposeAgrees() {
    double[][] a = randomMatrix(7, 5, 19);
    DotProductResult r = GradCheck.dotProduct(matrix(a, false), matrix(a, true), 5, new Random(20));
    assertTrue(r.within(1e-14), r.toString());
    assertEquals(r.forwardProduct(), r.adjointProduct(), 1e-12 * Math.abs(r.forwardProduct()));
  }

  @Test
  void dotProductCatchesAWrongAdjoint() {
    double[][] a = randomMatrix(5, 5, 21);
    Function<double[], double[]> notTheAdjoint = matrix(a, false);
    DotProductResult r = GradCheck.dotProduct(matrix(a, false), notTheAdjoint, 5, new Random(22));
    assertFalse(r.within(1e-3), r.toString());
    assertThrows(AssertionError.class, () -> GradCheck.assertAdjoint(matrix(a, false), notTheAdjoint, 5, 1e-12));
  }

  @Test
  void dotProductRejectsShapeMismatch() {
    double[][] a = randomMatrix(4, 3, 23);
    assertThrows(IllegalArgumentException.class,
        () -> GradCheck.dotProduct(matrix(a, false), matrix(a, false), new double[3], new double[4]));
  }

  @Test
  void centralDifferenceOfAFunctionThatOverwritesItsArgumentUsesTheRealStep() {
    // f squares its argument in place before summing: the step must be taken before f runs
    java.util.function.ToDoubleFunction<double[]> f = v -> {
      double s = 0;
      for (int i = 0; i < v.length; i++) {
        v[i] = v[i] * v[i];
        s += v[i];
      }
      return s;
    };
    double[] x = {0.5, -1.5, 2.0};
    double[] fd = GradCheck.centralDifference(f, x);
    for (int i = 0; i < x.length; i++) {
      org.junit.jupiter.api.Assertions.assertEquals(2 * x[i], fd[i], 1e-6 * Math.max(1, Math.abs(2 * x[i])));
    }
  }
}
