package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.runtime.checkpoint.Revolve;
import dev.adjoint.runtime.tape.Tape;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code @Checkpointed} loops: the gradient equals the stored loop's bit for bit (as Devito tests
 * its checkpointing, atol = rtol = 0), matches central differences, and runs exactly Revolve's
 * number of steps again.
 */
class CheckpointingTest {
  private final Random rnd = new Random(2000);

  @ParameterizedTest
  @CsvSource({"1", "2", "7", "30"})
  void heatGradientIsTheStoredOneBitForBit(int nt) {
    double[] u0 = Checks.uniform(rnd, 9, -1, 1);
    var checkpointed = CheckpointingAdjoint.heatGradient(u0, 0.2, nt);
    var stored = CheckpointingAdjoint.heatStoredGradient(u0, 0.2, nt);
    assertEquals(stored.value(), checkpointed.value(), 0.0);
    assertArrayEquals(stored.u0(), checkpointed.u0(), 0.0);
    assertEquals(stored.kappa(), checkpointed.kappa(), 0.0);
    Checks.gradient(x -> {
      var r = Flat.read(x);
      return Checkpointing.heat(r.vec(9), r.scalar(), nt);
    }, Flat.of(u0, 0.2), Flat.of(checkpointed.u0(), checkpointed.kappa()));
  }

  @Test
  void waveGradientWithRotatingBuffersIsTheStoredOneBitForBit() {
    double[] c = Checks.uniform(rnd, 12, 0.2, 0.5);
    double[] u0 = Checks.uniform(rnd, 12, -1, 1);
    for (int nt : new int[] {1, 5, 40}) {
      var checkpointed = CheckpointingAdjoint.waveGradient(c, u0, nt);
      var stored = CheckpointingAdjoint.waveStoredGradient(c, u0, nt);
      assertEquals(stored.value(), checkpointed.value(), 0.0);
      assertArrayEquals(stored.c(), checkpointed.c(), 0.0);
      assertArrayEquals(stored.u0(), checkpointed.u0(), 0.0);
    }
    var g = CheckpointingAdjoint.waveGradient(c, u0, 6);
    Checks.gradient(x -> {
      var r = Flat.read(x);
      return Checkpointing.wave(r.vec(12), r.vec(12), 6);
    }, Flat.of(c, u0), Flat.of(g.c(), g.u0()));
  }

  @Test
  void aMatrixCountedDownWithAnIntAndABranchIsTheStoredOneBitForBit() {
    double[][] a = Checks.uniform(rnd, 3, 4, -1, 1);
    for (int steps : new int[] {0, 1, 3, 11}) {
      Object[] before = Checks.snapshot(a);
      var checkpointed = CheckpointingAdjoint.decayGradient(a, 0.3, steps);
      Checks.assertUnchanged(before, a);
      var stored = CheckpointingAdjoint.decayStoredGradient(a, 0.3, steps);
      assertEquals(stored.value(), checkpointed.value(), 0.0);
      assertEquals(stored.rate(), checkpointed.rate(), 0.0);
      for (int i = 0; i < a.length; i++) {
        assertArrayEquals(stored.a()[i], checkpointed.a()[i], 0.0);
      }
    }
  }

  @Test
  void aRowUpdatedThroughALocalAliasIsTheStoredOneBitForBit() {
    double[][] m0 = Checks.uniform(rnd, 3, 4, -1, 1);
    for (int nt : new int[] {1, 4, 13}) {
      var checkpointed = CheckpointingAdjoint.rowsGradient(m0, 0.4, nt);
      var stored = CheckpointingAdjoint.rowsStoredGradient(m0, 0.4, nt);
      assertEquals(stored.value(), checkpointed.value(), 0.0);
      assertEquals(stored.k(), checkpointed.k(), 0.0);
      for (int i = 0; i < m0.length; i++) {
        assertArrayEquals(stored.m0()[i], checkpointed.m0()[i], 0.0);
      }
    }
  }

  /** nt forward, Revolve's advances again, and one more per reverse step: nothing else. */
  @ParameterizedTest
  @CsvSource({"1", "4", "5", "15", "100"})
  void theStepsRunAgainAreRevolvesOptimum(int nt) {
    double[] u0 = Checks.uniform(rnd, 6, -1, 1);
    Checkpointing.stepsRun = 0;
    CheckpointingAdjoint.heatGradient(u0, 0.1, nt);
    assertEquals(2L * nt + Revolve.minimalAdvances(nt, 4), Checkpointing.stepsRun);
    Checkpointing.stepsRun = 0;
    CheckpointingAdjoint.heatStoredGradient(u0, 0.1, nt);
    assertEquals(nt, Checkpointing.stepsRun, "the stored loop runs each step once");
  }

  /**
   * The tape's peak (measured by the tape itself, on a fresh thread each time) grows with the
   * steps when every step is stored, and stays one step's records when the loop is checkpointed;
   * the snapshots (4 copies of the two buffers) are kept apart from the tape.
   */
  @Test
  void theTapesPeakStaysOneStepWhenCheckpointed() throws Exception {
    double[] u0 = Checks.uniform(rnd, 200, -1, 1);
    long stored50 = peakTapeBytes(() -> CheckpointingAdjoint.heatStoredGradient(u0, 0.1, 50));
    long stored400 = peakTapeBytes(() -> CheckpointingAdjoint.heatStoredGradient(u0, 0.1, 400));
    long checkpointed50 = peakTapeBytes(() -> CheckpointingAdjoint.heatGradient(u0, 0.1, 50));
    long checkpointed400 = peakTapeBytes(() -> CheckpointingAdjoint.heatGradient(u0, 0.1, 400));
    long oneStep = 200 * 8; // a step records the 200 elements it overwrites
    assertTrue(stored400 >= 4 * stored50 && stored400 >= 400 * oneStep, stored50 + " then " + stored400);
    assertTrue(checkpointed400 == checkpointed50 && checkpointed400 <= 4 * oneStep,
        checkpointed50 + " then " + checkpointed400);
  }

  static long peakTapeBytes(Runnable gradient) throws InterruptedException {
    long[] peak = new long[1];
    Thread t = new Thread(() -> {
      gradient.run();
      peak[0] = Tape.largestBytes();
    });
    t.start();
    t.join();
    return peak[0];
  }
}
