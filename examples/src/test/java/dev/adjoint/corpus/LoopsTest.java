package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class LoopsTest {

  @Test
  void countersSteppedInsideExpressions() {
    double[] x = {0.3, -0.5, 0.8, 1.1};
    var g = LoopsAdjoint.countersGradient(x.clone());
    assertEquals(Loops.counters(x.clone()), g.value());
    Checks.gradient(v -> Loops.counters(v), x, g.x());
    // s = sum x_j^2 (j + 1) + sum sin(x_j); t = x0 + 2 x1 and p = 1
    double[] expected = new double[4];
    for (int j = 0; j < 4; j++) {
      expected[j] = 2 * x[j] * (j + 1) + Math.cos(x[j]);
    }
    expected[0] += 1;
    expected[1] += 2;
    for (int j = 0; j < 4; j++) {
      assertEquals(expected[j], g.x()[j], 1e-14);
    }
  }

  @Test
  void forLoopCarryingAProduct() {
    double x = 0.8;
    var g = LoopsAdjoint.powerSeriesGradient(x, 7);
    assertEquals(Loops.powerSeries(x, 7), g.value());
    Checks.gradient(v -> Loops.powerSeries(v[0], 7), Flat.of(x), Flat.of(g.x()));
    Checks.taylor(v -> Loops.powerSeries(v[0], 7), Flat.of(x), Flat.of(g.x()), 21);
    // sum_{i<7} x^(i+1)/(i+1) has derivative sum_{i<7} x^i.
    double expected = 0;
    for (int i = 0; i < 7; i++) {
      expected += Math.pow(x, i);
    }
    assertEquals(expected, g.x(), 1e-11);
    Checks.rejectsNaNSeed(() -> LoopsAdjoint.powerSeriesPullback(x, 7, Double.NaN));
  }

  @Test
  void zeroTripLoopHasZeroGradient() {
    var g = LoopsAdjoint.powerSeriesGradient(0.8, 0);
    assertEquals(0.0, g.value(), 0.0);
    assertEquals(0.0, g.x(), 0.0);
  }

  @Test
  void doWhileHeronIteration() {
    double a = 2.7;
    var g = LoopsAdjoint.heronGradient(a);
    assertEquals(Loops.heron(a), g.value());
    Checks.gradient(v -> Loops.heron(v[0]), Flat.of(a), Flat.of(g.a()));
    Checks.taylor(v -> Loops.heron(v[0]), Flat.of(a), Flat.of(g.a()), 22);
    // Converged: the derivative of sqrt.
    assertEquals(0.5 / Math.sqrt(a), g.a(), 1e-10);
    Checks.rejectsNaNSeed(() -> LoopsAdjoint.heronPullback(a, Double.NaN));
  }

  @Test
  void whileLoopWithTripCountFromTheActiveValue() {
    for (double x : new double[] {5.3, 0.7, 1.9}) {
      var g = LoopsAdjoint.halvingsGradient(x);
      assertEquals(Loops.halvings(x), g.value());
      Checks.gradient(v -> Loops.halvings(v[0]), Flat.of(x), Flat.of(g.x()));
    }
    Checks.rejectsNaNSeed(() -> LoopsAdjoint.halvingsPullback(5.3, Double.NaN));
  }

  @Test
  void earlyReturnFromInsideTheLoop() {
    // 40 iterations: the iterate passes 10 and returns from inside the loop; 6: it runs to the end.
    for (int maxIterations : new int[] {40, 6}) {
      double x = 1.0;
      double c = 0.3;
      var g = LoopsAdjoint.escapeTimeGradient(x, c, maxIterations);
      assertEquals(Loops.escapeTime(x, c, maxIterations), g.value());
      Checks.gradient(v -> Loops.escapeTime(v[0], v[1], maxIterations), Flat.of(x, c), Flat.of(g.x(), g.c()));
    }
    Checks.rejectsNaNSeed(() -> LoopsAdjoint.escapeTimePullback(1.0, 0.3, 40, Double.NaN));
  }

  @Test
  void breakAndContinue() {
    // limit 3.0 breaks early; limit 100 never does.
    for (double limit : new double[] {3.0, 100}) {
      double x = 0.4;
      var g = LoopsAdjoint.breakContinueGradient(x, 12, limit);
      assertEquals(Loops.breakContinue(x, 12, limit), g.value());
      Checks.gradient(v -> Loops.breakContinue(v[0], 12, v[1]), Flat.of(x, limit), Flat.of(g.x(), g.limit()));
    }
    Checks.rejectsNaNSeed(() -> LoopsAdjoint.breakContinuePullback(0.4, 12, 3.0, Double.NaN));
  }

  @Test
  void triangularNestWithDecrementingInnerLoop() {
    double x = 0.7;
    var g = LoopsAdjoint.triangularGradient(x, 5);
    assertEquals(Loops.triangular(x, 5), g.value());
    Checks.gradient(v -> Loops.triangular(v[0], 5), Flat.of(x), Flat.of(g.x()));
    Checks.rejectsNaNSeed(() -> LoopsAdjoint.triangularPullback(x, 5, Double.NaN));
  }

  @Test
  void doWhileSeriesMatchesExp() {
    double x = 1.3;
    var g = LoopsAdjoint.expSeriesGradient(x);
    assertEquals(Loops.expSeries(x), g.value());
    Checks.gradient(v -> Loops.expSeries(v[0]), Flat.of(x), Flat.of(g.x()));
    assertEquals(Math.exp(x), g.x(), 1e-9);
    Checks.rejectsNaNSeed(() -> LoopsAdjoint.expSeriesPullback(x, Double.NaN));
  }

  @Test
  void whileCountingAParameterDown() {
    double x = 0.5;
    var g = LoopsAdjoint.countdownGradient(x, 7);
    assertEquals(Loops.countdown(x, 7), g.value());
    Checks.gradient(v -> Loops.countdown(v[0], 7), Flat.of(x), Flat.of(g.x()));
    Checks.rejectsNaNSeed(() -> LoopsAdjoint.countdownPullback(x, 7, Double.NaN));
  }

  @Test
  void longLoopCounter() {
    double x = 2.0;
    var g = LoopsAdjoint.longCounterGradient(x, 30L);
    assertEquals(Loops.longCounter(x, 30L), g.value());
    Checks.gradient(v -> Loops.longCounter(v[0], 30L), Flat.of(x), Flat.of(g.x()));
    Checks.rejectsNaNSeed(() -> LoopsAdjoint.longCounterPullback(x, 30L, Double.NaN));
  }

  @Test
  void nestedLoopsWithDataDependentInnerTripCounts() {
    double x = 0.7;
    var g = LoopsAdjoint.nestedDataDependentGradient(x, 4);
    assertEquals(Loops.nestedDataDependent(x, 4), g.value());
    Checks.gradient(v -> Loops.nestedDataDependent(v[0], 4), Flat.of(x), Flat.of(g.x()));
    Checks.rejectsNaNSeed(() -> LoopsAdjoint.nestedDataDependentPullback(x, 4, Double.NaN));
  }

  @Test
  void runningMinimumOverAHelper() {
    java.util.Random rnd = new java.util.Random(404);
    double[] p = Checks.uniform(rnd, 3, -1, 1);
    double[][] centres = Checks.uniform(rnd, 6, 3, -1, 1);
    Object[] before = Checks.snapshot(p, centres);
    var g = LoopsAdjoint.nearestCentreGradient(p, centres);
    Checks.assertUnchanged(before, p, centres);
    assertEquals(Loops.nearestCentre(p, centres), g.value());
    Checks.gradient(v -> {
      var r = Flat.read(v);
      return Loops.nearestCentre(r.vec(3), r.mat(6, 3));
    }, Flat.of(p, centres), Flat.of(g.p(), g.centres()));
    // Only the nearest centre has a nonzero gradient.
    int nonzero = 0;
    for (double[] row : g.centres()) {
      nonzero += java.util.Arrays.stream(row).anyMatch(x -> x != 0) ? 1 : 0;
    }
    assertEquals(1, nonzero);
    Checks.rejectsNaNSeed(() -> LoopsAdjoint.nearestCentrePullback(p, centres, Double.NaN));
  }

  @Test
  void runningMaximumAndAMinimumThatReadsIt() {
    double[] x = {0.3, -0.5, 1.2, 0.7, 2.1, -1.4, 1.9};
    var g = LoopsAdjoint.runningRangeGradient(x);
    assertEquals(Loops.runningRange(x), g.value());
    Checks.gradient(Loops::runningRange, x.clone(), g.x());
    Checks.taylor(Loops::runningRange, x.clone(), g.x(), 23);
  }

  @Test
  @Tag(UnoptimisedCorpusTest.STRONG_ZEROS)
  void zeroAdjointIsAStrongZero() {
    // s = sqrt(0) + sqrt(4) = 2 > 1, so the value is the cap and the gradient is exactly zero:
    // the loop's reverse is skipped rather than adding 0 * (1 / (2 sqrt(0))) = NaN.
    var capped = LoopsAdjoint.cappedRootSumGradient(new double[] {0, 4});
    assertEquals(1.0, capped.value());
    assertArrayEquals(new double[] {0, 0}, capped.x(), 0.0);
    // Below the cap the loop's reverse runs: d/dx sqrt(x) = 1 / (2 sqrt(x)).
    var open = LoopsAdjoint.cappedRootSumGradient(new double[] {0.04, 0.09});
    assertArrayEquals(new double[] {2.5, 1.0 / 0.6}, open.x(), 1e-12);
  }

  @Test
  void recordBlockHoldingDoublesFloatsShortsCharsAndChoices() {
    java.util.Random rnd = new java.util.Random(77);
    for (int n : new int[] {0, 1, 9}) {
      double[] x = Checks.uniform(rnd, n, -1, 1);
      var g = LoopsAdjoint.recordsOfEveryKindGradient(x, 3);
      assertEquals(Loops.recordsOfEveryKind(x, 3), g.value());
      if (n > 0) {
        Checks.gradient(v -> Loops.recordsOfEveryKind(v, 3), x.clone(), g.x());
        Checks.taylor(v -> Loops.recordsOfEveryKind(v, 3), x.clone(), g.x(), 31);
      }
    }
  }

  @Test
  void recordBlocksOfLoopsCountingDownAndWithALongIndex() {
    double[] x = Checks.uniform(new java.util.Random(78), 7, -1.5, 1.5);
    var g = LoopsAdjoint.countingDownAndLongGradient(x);
    assertEquals(Loops.countingDownAndLong(x), g.value());
    Checks.gradient(Loops::countingDownAndLong, x.clone(), g.x());
    Checks.taylor(Loops::countingDownAndLong, x.clone(), g.x(), 32);
  }

  @Test
  void recordBlockOfAnInnerLoopInsideABranchingOuterLoop() {
    double[][] a = Checks.uniform(new java.util.Random(79), 5, 4, -1, 0.6);
    a[2] = new double[0]; // an empty row: a block of no trips
    var g = LoopsAdjoint.blockInsideABranchingLoopGradient(a);
    assertEquals(Loops.blockInsideABranchingLoop(a), g.value());
    Checks.gradient(v -> Loops.blockInsideABranchingLoop(unflatten(v, a)), Flat.of(a), Flat.of(g.a()));
  }

  /** Flat.read for a ragged array. */
  private static double[][] unflatten(double[] v, double[][] shape) {
    double[][] out = new double[shape.length][];
    int at = 0;
    for (int i = 0; i < shape.length; i++) {
      out[i] = java.util.Arrays.copyOfRange(v, at, at + shape[i].length);
      at += shape[i].length;
    }
    return out;
  }

  @Test
  void loopCallingASweepOnTheSameTapeKeepsItsRecordsOnTheTape() {
    double[] x = Checks.uniform(new java.util.Random(80), 6, -1, 1);
    var g = LoopsAdjoint.recordsAroundARecursiveCallGradient(x);
    assertEquals(Loops.recordsAroundARecursiveCall(x), g.value(), 1e-12);
    Checks.gradient(Loops::recordsAroundARecursiveCall, x.clone(), g.x());
    Checks.taylor(Loops::recordsAroundARecursiveCall, x.clone(), g.x(), 33);
  }

  @Test
  void recordBlockLocalsStayClearOfTheUsersNames() {
    double[] x = Checks.uniform(new java.util.Random(81), 5, -1, 1);
    var g = LoopsAdjoint.namesLikeARecordBlockGradient(x);
    assertEquals(Loops.namesLikeARecordBlock(x), g.value());
    Checks.gradient(Loops::namesLikeARecordBlock, x.clone(), g.x());
  }
}
