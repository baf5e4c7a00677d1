package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RunningExtremaTest {

  @Test
  void runningMaximumGivesItsWholeAdjointToTheEarlierOfTiedEntries() {
    double[] x = {1, 3, 3, 2};
    var g = RunningExtremaAdjoint.largestSquaredGradient(x, 2);
    assertEquals(36.0, g.value());
    // m = max(x) w = 6 from x[1]; d(m^2)/dx[1] = 2 m w, d(m^2)/dw = 2 m x[1]
    assertArrayEquals(new double[] {0, 24, 0, 0}, g.x(), 0.0);
    assertEquals(36.0, g.w(), 0.0);
  }

  @Test
  void challengerFirstGivesItToTheLaterOfTiedEntries() {
    double[] x = {1, 3, 3, 2};
    var g = RunningExtremaAdjoint.largestSquaredChallengerFirstGradient(x, 2);
    assertEquals(36.0, g.value());
    assertArrayEquals(new double[] {0, 0, 24, 0}, g.x(), 0.0);
    assertEquals(36.0, g.w(), 0.0);
  }

  @Test
  void runningMaximumMatchesCentralDifferencesAndTaylor() {
    Random rnd = new Random(11);
    for (int n : new int[] {1, 2, 17}) {
      double[] x = Checks.gaussian(rnd, n);
      double w = 0.7;
      for (boolean challengerFirst : new boolean[] {false, true}) {
        double[] xBar;
        double wBar;
        if (challengerFirst) {
          var g = RunningExtremaAdjoint.largestSquaredChallengerFirstGradient(x, w);
          xBar = g.x();
          wBar = g.w();
        } else {
          var g = RunningExtremaAdjoint.largestSquaredGradient(x, w);
          xBar = g.x();
          wBar = g.w();
        }
        java.util.function.ToDoubleFunction<double[]> f = v -> challengerFirst
            ? RunningExtrema.largestSquaredChallengerFirst(java.util.Arrays.copyOf(v, n), v[n])
            : RunningExtrema.largestSquared(java.util.Arrays.copyOf(v, n), v[n]);
        double[] at = Flat.of(x, w);
        double[] gradient = Flat.of(xBar, wBar);
        Checks.gradient(f, at, gradient);
        Checks.taylor(f, at, gradient, 31 + n);
        // The largest entry alone gets a gradient: 2 m w.
        int argmax = 0;
        for (int i = 1; i < n; i++) {
          argmax = x[i] > x[argmax] ? i : argmax;
        }
        double[] expected = new double[n];
        expected[argmax] = 2 * x[argmax] * w * w;
        assertArrayEquals(expected, xBar, 1e-12);
      }
    }
  }

  @Test
  void minimumCountingDownFromAStartThatMayWinThroughout() {
    double[] x = {0.4, -0.3, 0.9, 0.2, -0.6};
    // the start value is below every challenger: the loop's adjoint is all the start's
    var low = RunningExtremaAdjoint.smallestCountingDownGradient(x, -10);
    assertEquals(-30.0, low.value());
    assertArrayEquals(new double[5], low.x(), 0.0);
    assertEquals(3.0, low.start(), 0.0);
    // above them: the smallest challenger's entry gets 3 (cos x + 2 x), the start nothing
    var high = RunningExtremaAdjoint.smallestCountingDownGradient(x, 10);
    assertEquals(RunningExtrema.smallestCountingDown(x, 10), high.value());
    assertEquals(0.0, high.start(), 0.0);
    java.util.function.ToDoubleFunction<double[]> f =
        v -> RunningExtrema.smallestCountingDown(java.util.Arrays.copyOf(v, 5), v[5]);
    Checks.gradient(f, Flat.of(x, 10.0), Flat.of(high.x(), high.start()));
    Checks.taylor(f, Flat.of(x, 10.0), Flat.of(high.x(), high.start()), 5);
    int winner = 1; // sin(-0.3) + 0.09 is the smallest
    double[] expected = new double[5];
    expected[winner] = 3 * (Math.cos(x[winner]) + 2 * x[winner]);
    assertArrayEquals(expected, high.x(), 1e-12);
  }

  @Test
  void minimumWithALongIndexAndNoTrips() {
    double[] x = {0.5, -1.2, 0.8, 1.5, -0.4, 0.9};
    var g = RunningExtremaAdjoint.smallestLongIndexGradient(x);
    assertEquals(RunningExtrema.smallestLongIndex(x), g.value());
    Checks.gradient(RunningExtrema::smallestLongIndex, x.clone(), g.x());
    // min over i >= 2 of x[i] x[i-1] is x[2] x[1] = -0.96
    assertArrayEquals(new double[] {0, 0.8, -1.2, 0, 0, 0}, g.x(), 1e-15);
    // two entries: the loop runs no trip, the start value (a constant) wins, the gradient is zero
    var none = RunningExtremaAdjoint.smallestLongIndexGradient(new double[] {1, 2});
    assertEquals(1e300, none.value());
    assertArrayEquals(new double[2], none.x(), 0.0);
  }

  @Test
  void rowLogSumExpsIsTheRowSoftmax() {
    Random rnd = new Random(5);
    double[][] a = Checks.uniform(rnd, 4, 7, -3, 3);
    a[2][3] = a[2][5] = 9; // a tie for a row's maximum
    Object[] before = Checks.snapshot((Object) a);
    var g = RunningExtremaAdjoint.rowLogSumExpsGradient(a);
    Checks.assertUnchanged(before, (Object) a);
    assertEquals(RunningExtrema.rowLogSumExps(a), g.value());
    for (int r = 0; r < a.length; r++) {
      double sum = 0;
      for (double v : a[r]) {
        sum += Math.exp(v);
      }
      for (int c = 0; c < a[r].length; c++) {
        assertEquals(Math.exp(a[r][c]) / sum, g.a()[r][c], 1e-14, "row " + r + ", column " + c);
      }
    }
    java.util.function.ToDoubleFunction<double[]> f = v -> RunningExtrema.rowLogSumExps(Flat.read(v).mat(4, 7));
    Checks.gradient(f, Flat.of((Object) a), Flat.of((Object) g.a()));
    Checks.taylor(f, Flat.of((Object) a), Flat.of((Object) g.a()), 9);
  }

  @Test
  void nearestDistanceInFloat() {
    Random rnd = new Random(8);
    float[] p = Checks.uniformFloats(rnd, 3, -1, 1);
    float[][] centres = Checks.uniformFloats(rnd, 5, 3, -1, 1);
    var g = RunningExtremaAdjoint.nearestDistanceGradient(p, centres);
    assertEquals(RunningExtrema.nearestDistance(p, centres), g.value());
    int nearest = 0;
    float best = Float.MAX_VALUE;
    for (int j = 0; j < centres.length; j++) {
      float d = 0;
      for (int k = 0; k < 3; k++) {
        d += (p[k] - centres[j][k]) * (p[k] - centres[j][k]);
      }
      if (d < best) {
        best = d;
        nearest = j;
      }
    }
    for (int j = 0; j < centres.length; j++) {
      for (int k = 0; k < 3; k++) {
        float expected = j == nearest ? -2 * (p[k] - centres[j][k]) : 0;
        assertEquals(expected, g.centres()[j][k], 1e-6f, "centre " + j + ", coordinate " + k);
      }
    }
    for (int k = 0; k < 3; k++) {
      assertEquals(2 * (p[k] - centres[nearest][k]), g.p()[k], 1e-6f);
    }
  }

  @Test
  void bodiesWithRecordsOfTheirOwnAreReversedTripByTrip() {
    double[] x = {0.3, -1.7, 1.1, -0.2};
    var square = RunningExtremaAdjoint.largestSquareOverwrittenGradient(x);
    assertEquals(RunningExtrema.largestSquareOverwritten(x), square.value());
    assertArrayEquals(new double[] {0, 2 * -1.7, 0, 0}, square.x(), 1e-15);
    Checks.gradient(RunningExtrema::largestSquareOverwritten, x.clone(), square.x());
    var exp = RunningExtremaAdjoint.largestExpGradient(x);
    assertEquals(RunningExtrema.largestExp(x), exp.value());
    assertArrayEquals(new double[] {0, 0, Math.exp(1.1), 0}, exp.x(), 1e-15);
    Checks.gradient(RunningExtrema::largestExp, x.clone(), exp.x());
  }
}
