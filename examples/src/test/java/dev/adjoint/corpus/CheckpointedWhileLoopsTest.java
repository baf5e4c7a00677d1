package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.runtime.checkpoint.OnlineRevolve;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code @Checkpointed} loops whose trip count is known only at their end (the online schedule):
 * the gradient equals the stored loop's bit for bit, matches central differences, runs exactly the
 * online schedule's number of steps again, and keeps a tape that does not grow with the steps.
 */
class CheckpointedWhileLoopsTest {
  private final Random rnd = new Random(2001);

  /** Runs to convergence (tol) or to the cap, whichever comes first; the ends are held at 0 and 1. */
  @ParameterizedTest
  @CsvSource({"1e-3, 1000", "1e-3, 7", "1e30, 5", "0, 1", "0, 40"})
  void aRelaxationRunUntilItConvergesIsTheStoredOneBitForBit(double tol, int cap) {
    double[] u0 = start(10);
    var checkpointed = CheckpointedWhileLoopsAdjoint.relaxGradient(u0, 0.3, tol, cap);
    var stored = CheckpointedWhileLoopsAdjoint.relaxStoredGradient(u0, 0.3, tol, cap);
    assertEquals(stored.value(), checkpointed.value(), 0.0);
    assertArrayEquals(stored.u0(), checkpointed.u0(), 0.0);
    assertEquals(stored.c(), checkpointed.c(), 0.0);
  }

  @Test
  void theRelaxationsGradientMatchesCentralDifferences() {
    double[] u0 = start(8);
    var g = CheckpointedWhileLoopsAdjoint.relaxGradient(u0, 0.3, 0, 25); // the cap ends it: a smooth function
    Checks.gradient(x -> {
      var r = Flat.read(x);
      return CheckpointedWhileLoops.relax(r.vec(8), r.scalar(), 0, 25);
    }, Flat.of(u0, 0.3), Flat.of(g.u0(), g.c()));
  }

  /** nt steps forward, the online schedule's recomputations, and one more per reverse step. */
  @Test
  void theStepsRunAgainAreTheOnlineSchedules() {
    double[] u0 = start(10);
    CheckpointedWhileLoops.stepsRun = 0;
    CheckpointedWhileLoops.relax(u0, 0.3, 1e-4, 10_000);
    int nt = CheckpointedWhileLoops.stepsRun;
    assertTrue(nt > 30 && nt < 10_000, "converged after " + nt + " steps");
    CheckpointedWhileLoops.stepsRun = 0;
    CheckpointedWhileLoopsAdjoint.relaxGradient(u0, 0.3, 1e-4, 10_000);
    assertEquals(2L * nt + OnlineRevolve.recomputations(nt, 3), CheckpointedWhileLoops.stepsRun);
    CheckpointedWhileLoops.stepsRun = 0;
    CheckpointedWhileLoopsAdjoint.relaxStoredGradient(u0, 0.3, 1e-4, 10_000);
    assertEquals(nt, CheckpointedWhileLoops.stepsRun, "the stored loop runs each step once");
  }

  @Test
  void theTapesPeakDoesNotGrowWithTheSteps() throws Exception {
    double[] u0 = start(200);
    long stored50 = CheckpointingTest.peakTapeBytes(() -> CheckpointedWhileLoopsAdjoint.relaxStoredGradient(u0, 0.3, 0, 50));
    long stored400 = CheckpointingTest.peakTapeBytes(() -> CheckpointedWhileLoopsAdjoint.relaxStoredGradient(u0, 0.3, 0, 400));
    long checkpointed50 = CheckpointingTest.peakTapeBytes(() -> CheckpointedWhileLoopsAdjoint.relaxGradient(u0, 0.3, 0, 50));
    long checkpointed400 = CheckpointingTest.peakTapeBytes(() -> CheckpointedWhileLoopsAdjoint.relaxGradient(u0, 0.3, 0, 400));
    long oneStep = 200 * 8; // a step records the elements it overwrites
    assertTrue(stored400 >= 4 * stored50 && stored400 >= 400 * oneStep, stored50 + " then " + stored400);
    assertTrue(checkpointed400 == checkpointed50 && checkpointed400 <= 4 * oneStep,
        checkpointed50 + " then " + checkpointed400);
  }

  @ParameterizedTest
  @CsvSource({"0", "1", "2", "9", "33"})
  void aDoLoopIsTheStoredOneBitForBit(int rounds) {
    double[] x0 = Checks.uniform(rnd, 5, 0.1, 0.9);
    var checkpointed = CheckpointedWhileLoopsAdjoint.logisticGradient(x0, 3.1, rounds);
    var stored = CheckpointedWhileLoopsAdjoint.logisticStoredGradient(x0, 3.1, rounds);
    assertEquals(stored.value(), checkpointed.value(), 0.0);
    assertArrayEquals(stored.x0(), checkpointed.x0(), 0.0);
    assertEquals(stored.r(), checkpointed.r(), 0.0);
    Checks.gradient(x -> {
      var r = Flat.read(x);
      return CheckpointedWhileLoops.logistic(r.vec(5), r.scalar(), rounds);
    }, Flat.of(x0, 3.1), Flat.of(checkpointed.x0(), checkpointed.r()));
  }

  /** Newton's square roots: the converged roots' derivative is 1 / (2 sqrt(a)) per element. */
  @Test
  void aForLoopWhoseConditionTestsTheStateIsTheStoredOneBitForBit() {
    double[] a = Checks.uniform(rnd, 6, 0.5, 4);
    var checkpointed = CheckpointedWhileLoopsAdjoint.rootsGradient(a, 1e-13);
    var stored = CheckpointedWhileLoopsAdjoint.rootsStoredGradient(a, 1e-13);
    assertEquals(stored.value(), checkpointed.value(), 0.0);
    assertArrayEquals(stored.a(), checkpointed.a(), 0.0);
    for (int i = 0; i < a.length; i++) {
      assertEquals((i + 1) / (2 * Math.sqrt(a[i])), checkpointed.a()[i], 1e-9);
    }
  }

  private double[] start(int n) {
    double[] u0 = Checks.uniform(rnd, n, -1, 1);
    u0[0] = 0;
    u0[n - 1] = 1;
    return u0;
  }
}
