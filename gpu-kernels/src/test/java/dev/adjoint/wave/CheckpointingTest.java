package dev.adjoint.wave;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.runtime.checkpoint.Revolve;
import dev.adjoint.runtime.rules.Rrule;
import dev.adjoint.wave.cpu.CpuEngine;
import dev.adjoint.wave.engine.CheckpointedAdjoint;
import dev.adjoint.wave.engine.Discretization;
import dev.adjoint.wave.numerics.PaddedGrid;
import dev.adjoint.wave.numerics.PointInterpolation;
import dev.adjoint.wave.numerics.Stencil;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gradients with the forward wavefield recomputed from checkpoints equal the stored ones bit for
 * bit (Devito's test uses atol = rtol = 0), for every rule, in 2D and 3D, on every engine, and run
 * exactly Revolve's number of forward steps in {@code 2 checkpoints + 1} snapshots of memory.
 */
class CheckpointingTest {
  static Stream<Arguments> cases() {
    return Stream.of(EngineVariant.JAVA, EngineVariant.OPENCL).flatMap(e -> Stream.of(
        Arguments.of(e, 2, 1), Arguments.of(e, 2, 4), Arguments.of(e, 3, 3), Arguments.of(e, 2, 1000)));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void checkpointedGradientsEqualStoredOnesBitForBit(EngineVariant engine, int dims, int checkpoints) {
    Model model = dims == 3 ? Fixtures.twoLayers3d(13, 11, 10, 5) : Fixtures.twoLayers2d(31, 25, 8);
    double time = dims == 3 ? 120 : 200;
    Geometry shot = Fixtures.shot(model, time);
    float[] q = Wavelets.ricker(time, 1, 0.02);
    float[] m = model.slowness();
    float[][] stored = gradients(engine, model, shot, q, m, Options.defaults());
    float[][] checkpointed = gradients(engine, model, shot, q, m, Options.defaults().withCheckpoints(checkpoints));
    String[] names = {"J(m, q)' r", "rule 2: mBar", "rule 1: qBar", "rule 3: dmBar", "rule 4: qBar"};
    for (int i = 0; i < names.length; i++) {
      assertArrayEquals(stored[i], checkpointed[i], names[i] + " with " + checkpoints + " checkpoints, " + dims + "D");
    }
  }

  private static float[][] gradients(EngineVariant engine, Model model, Geometry shot, float[] q, float[] m,
      Options options) {
    try (Propagator p = engine.open(model, options)) {
      Modelling f = p.modelling(shot);
      float[] dy = Fixtures.gaussian(f.dataLength(), 31);
      float[] dm = Fixtures.gaussian(model.size(), 32);
      Rrule<float[]> forward = Wave.forwardRule(f, m, q);
      float[] mBar = new float[m.length];
      float[] qBar = new float[q.length];
      forward.pullback(dy, mBar, qBar);
      Rrule<float[]> born = Wave.bornRule(f, q, dm);
      float[] dmBar = new float[dm.length];
      float[] qBornBar = new float[q.length];
      born.pullback(dy, qBornBar, dmBar);
      return new float[][] {f.gradient(m, q, dy), mBar, qBar, dmBar, qBornBar};
    }
  }

  @Test
  void aCheckpointedRunsForwardStepsAreRevolvesAdvancesPlusOnePerReverseStep() {
    int[] shape = {21, 17};
    PaddedGrid grid = new PaddedGrid(shape, 4, 4);
    double[] spacing = {10, 10};
    Discretization disc = new Discretization(grid, Stencil.ofOrder(8), spacing);
    PointInterpolation point = new PointInterpolation(grid, new double[2], spacing, new float[][] {{100}, {80}}, "p");
    int steps = 301;
    try (CpuEngine e = new CpuEngine(disc)) {
      float[] a = new float[grid.size()];
      Arrays.fill(a, 0.1f);
      e.setModel(a, new float[grid.size()]);
      for (int checkpoints : new int[] {1, 2, 5, 10, 20}) {
        var store = e.newHistory(CheckpointedAdjoint.slots(checkpoints));
        CheckpointedAdjoint run = new CheckpointedAdjoint(e, steps, 1.0, false, true, true, store, checkpoints, 1);
        run.run(point, new float[steps], point, new float[steps]);
        int l = steps - 1;
        long expected = (checkpoints >= l ? l - 1 : Revolve.minimalAdvances(l, checkpoints)) + l;
        assertEquals(expected, run.forwardSteps(), checkpoints + " checkpoints");
      }
    }
  }

  @Test
  void theStoredWavefieldShrinksToTheCheckpoints() {
    Model model = Fixtures.twoLayers2d(31, 25, 8);
    Geometry shot = Fixtures.shot(model, 400);
    try (Propagator stored = Propagator.open(model, Options.defaults().withDevice(Device.JAVA));
        Propagator checkpointed = Propagator.open(model, Options.defaults().withDevice(Device.JAVA).withCheckpoints(10))) {
      Modelling a = stored.modelling(shot);
      Modelling b = checkpointed.modelling(shot);
      assertEquals((long) (a.timeSteps() - 1) * stored.snapshotBytes(), a.wavefieldBytes());
      assertEquals(21L * stored.snapshotBytes(), b.wavefieldBytes());
    }
  }

  @Test
  void checkpointedRulesPassTheirChecks() {
    Model model = Fixtures.twoLayers2d(25, 21, 8);
    try (Propagator p = Propagator.open(model, Options.defaults().withDevice(Device.JAVA).withCheckpoints(3)
        .withMaxVelocity(3))) {
      RulesTest.assertModelRule(p.modelling(Fixtures.shot(model, 250)), model.slowness(),
          Wavelets.ricker(250, 1, 0.02));
    }
  }
}
