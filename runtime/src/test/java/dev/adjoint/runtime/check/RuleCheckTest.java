package dev.adjoint.runtime.check;

import dev.adjoint.runtime.linalg.Vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RuleCheckTest {

  /** The JUDI tutorial's mycos, element-wise. */
  static double[] mycos(double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.cos(x[i]) + 1;
    }
    return y;
  }

  static void mycosPullback(double[] x, double[] dy, double[] xBar) {
    for (int i = 0; i < x.length; i++) {
      xBar[i] += -Math.sin(x[i]) * dy[i];
    }
  }

  /** A function whose output length differs from its input's: prefix sums of squares, then the total. */
  static double[] cumulativeSquares(double[] x) {
    double[] y = new double[x.length + 1];
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * x[i];
      y[i] = s;
    }
    y[x.length] = s * s;
    return y;
  }

  static void cumulativeSquaresPullback(double[] x, double[] dy, double[] xBar) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    double sBar = 2 * s * dy[x.length];
    for (int i = x.length - 1; i >= 0; i--) {
      sBar += dy[i];
      xBar[i] += 2 * x[i] * sBar;
    }
  }

  static double[] point(int n, long seed) {
    return Vectors.gaussian(n, new Random(seed));
  }

  @Test
  void correctElementwiseRulePasses() {
    RuleCheckResult r = RuleCheck.check(RuleCheckTest::mycos, RuleCheckTest::mycosPullback, point(16, 1));
    assertTrue(r.passed(), r.message());
    assertTrue(r.maxRelativeError() < 1e-8, r.message());
    assertTrue(r.accumulates());
    assertTrue(r.preservesArguments());
    assertEquals(RuleCheck.DEFAULT_TRIALS, r.trials());
  }

  @Test
  void correctRuleWithDifferentOutputLengthPasses() {
    RuleCheckResult r = RuleCheck.assertRule(
        RuleCheckTest::cumulativeSquares, RuleCheckTest::cumulativeSquaresPullback, point(9, 2));
    assertTrue(r.maxRelativeError() < 1e-8, r.message());
  }

  @Test
  void floatRulesNeedAndGetALargerStep() {
    // mycos computed in float: the double default step drowns the difference in float rounding
    java.util.function.Function<double[], double[]> inFloat = x -> {
      double[] y = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        y[i] = (float) Math.cos((float) x[i]) + 1f;
      }
      return y;
    };
    double[] x = point(16, 3);
    Random rnd = new Random(4);
    assertFalse(RuleCheck.check(inFloat, RuleCheckTest::mycosPullback, x, 5, 1e-3, rnd).passed());
    RuleCheckResult r = RuleCheck.check(inFloat, RuleCheckTest::mycosPullback, x, 5, 1e-3, new Random(4), 1e-2);
    assertTrue(r.passed(), r.message());
    assertThrows(IllegalArgumentException.class,
        () -> RuleCheck.check(inFloat, RuleCheckTest::mycosPullback, x, 5, 1e-3, new Random(4), 0));
  }

  @Test
  void signErrorIsCaught() {
    ArrayPullback wrong = (x, dy, xBar) -> {
      for (int i = 0; i < x.length; i++) {
        xBar[i] += Math.sin(x[i]) * dy[i];
      }
    };
    RuleCheckResult r = RuleCheck.check(RuleCheckTest::mycos, wrong, point(8, 3));
    assertFalse(r.passed());
    assertTrue(r.maxRelativeError() > 0.5, r.message());
    AssertionError e = assertThrows(AssertionError.class,
        () -> RuleCheck.assertRule(RuleCheckTest::mycos, wrong, point(8, 3)));
    assertTrue(e.getMessage().startsWith("rule check failed"), e.getMessage());
  }

  @Test
  void errorInOneComponentIsCaught() {
    ArrayPullback wrong = (x, dy, xBar) -> {
      mycosPullback(x, dy, xBar);
      xBar[2] *= 1.001; // xBar starts at zero only in the first call, but the checker sees both
    };
    RuleCheckResult r = RuleCheck.check(RuleCheckTest::mycos, wrong, point(4, 4));
    assertFalse(r.passed(), r.message());
  }

  @Test
  void overwritingTheAdjointIsCaught() {
    ArrayPullback overwrites = (x, dy, xBar) -> {
      for (int i = 0; i < x.length; i++) {
        xBar[i] = -Math.sin(x[i]) * dy[i];
      }
    };
    RuleCheckResult r = RuleCheck.check(RuleCheckTest::mycos, overwrites, point(8, 5));
    assertFalse(r.accumulates());
    assertFalse(r.passed());
    assertTrue(r.maxRelativeError() < 1e-8, "the values themselves are right: " + r.message());
    assertTrue(r.message().contains("overwrote xBar"), r.message());
  }

  @Test
  void mutatingThePrimalIsCaught() {
    ArrayPullback mutates = (x, dy, xBar) -> {
      mycosPullback(x, dy, xBar);
      x[0] = 0;
    };
    RuleCheckResult r = RuleCheck.check(RuleCheckTest::mycos, mutates, point(8, 6));
    assertFalse(r.preservesArguments());
    assertFalse(r.passed());
    assertTrue(r.message().contains("modified"), r.message());
  }

  @Test
  void mutatingTheSeedIsCaught() {
    ArrayPullback mutates = (x, dy, xBar) -> {
      mycosPullback(x, dy, xBar);
      dy[1] = 0;
    };
    assertFalse(RuleCheck.check(RuleCheckTest::mycos, mutates, point(8, 7)).preservesArguments());
  }

  @Test
  void scalarRuleIsChecked() {
    // f(x) = log(1 + |x|^2); pullback 2 x dy / (1 + |x|^2)
    double[] x = point(7, 8);
    ScalarPullback right = (v, dy, vBar) -> {
      double s = 1 + Vectors.dot(v, v);
      for (int i = 0; i < v.length; i++) {
        vBar[i] += 2 * v[i] * dy / s;
      }
    };
    ScalarPullback wrong = (v, dy, vBar) -> {
      for (int i = 0; i < v.length; i++) {
        vBar[i] += 2 * v[i] * dy;
      }
    };
    RuleCheckResult ok = RuleCheck.assertScalarRule(v -> Math.log(1 + Vectors.dot(v, v)), right, x);
    assertTrue(ok.maxRelativeError() < 1e-8, ok.message());
    assertFalse(RuleCheck.checkScalar(v -> Math.log(1 + Vectors.dot(v, v)), wrong, x).passed());
  }

  @Test
  void twoArgumentRuleIsCheckedThroughAFlatInput() {
    // z = a .* b with a, b packed into one input of length 2n.
    int n = 5;
    RuleCheckResult r = RuleCheck.check(
        ab -> {
          double[] z = new double[n];
          for (int i = 0; i < n; i++) {
            z[i] = ab[i] * ab[n + i];
          }
          return z;
        },
        (ab, dz, abBar) -> {
          for (int i = 0; i < n; i++) {
            abBar[i] += dz[i] * ab[n + i];
            abBar[n + i] += dz[i] * ab[i];
          }
        },
        point(2 * n, 9), 10, 1e-8, new Random(10));
    assertTrue(r.passed(), r.message());
    assertEquals(10, r.trials());
  }

  @Test
  void linearRuleDotProductIsExact() {
    double[][] a = GradCheckTest.randomMatrix(6, 4, 11);
    ArrayPullback transpose = (x, dy, xBar) -> {
      double[] t = GradCheckTest.matrix(a, true).apply(dy);
      for (int i = 0; i < t.length; i++) {
        xBar[i] += t[i];
      }
    };
    DotProductResult r = RuleCheck.assertLinearRule(GradCheckTest.matrix(a, false), transpose, new double[4], 1e-13);
    assertTrue(r.within(1e-13), r.toString());

    ArrayPullback wrong = (x, dy, xBar) -> {
      transpose.accumulate(x, dy, xBar);
      xBar[0] += dy[0];
    };
    assertFalse(RuleCheck.dotProduct(GradCheckTest.matrix(a, false), wrong, new double[4], new Random(12)).within(1e-6));
  }

  @Test
  void nonPositiveTrialCountIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> RuleCheck.check(
        RuleCheckTest::mycos, RuleCheckTest::mycosPullback, new double[2], 0, 1e-6, new Random(1)));
  }
}
