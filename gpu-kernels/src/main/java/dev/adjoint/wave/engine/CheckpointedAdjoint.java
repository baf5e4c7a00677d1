package dev.adjoint.wave.engine;

import dev.adjoint.runtime.checkpoint.Revolve;
import dev.adjoint.wave.numerics.PointInterpolation;
import java.util.List;

/**
 * The adjoint runs of {@link Propagations} with the forward wavefield recomputed from checkpoints
 * instead of stored: Griewank and Walther's binomial schedule ({@link Revolve}) keeps
 * {@code snapshots} forward states (both time levels) and re-runs forward steps from them, so a
 * gradient needs {@code 2 snapshots + 1} padded fields instead of one per time step, at the price
 * of {@link Revolve#minimalAdvances} extra forward steps.
 *
 * <p>The forward state before step {@code i} is {@code (u^{i-1}, u^i)}; reverse step {@code i}
 * runs forward step {@code i} once more into the difference slot, which gives exactly the
 * {@code u^{i+1} - 2u^i + u^{i-1}} the stored run would have kept (same kernels, same order), and
 * then the adjoint iteration that images with it. So a checkpointed gradient equals the stored
 * one bit for bit.
 *
 * <p>Wavefields: 0 the recomputed forward field, 1 the adjoint field, 2 (Born) the background's
 * adjoint. Injected sets: 0 the residual at the receivers, 1 the wavelet at the sources. The store
 * holds checkpoint {@code c} in slots {@code 2c, 2c + 1} and the difference in slot
 * {@code 2 snapshots}.
 */
public final class CheckpointedAdjoint {
  private final Engine engine;
  private final int steps;
  private final float weight;
  private final int k;
  private final boolean born;
  private final boolean wavelet;
  private final boolean image;
  private final History store;
  private final int snapshots;
  private long forwardSteps;

  /**
   * @param born the adjoint of {@link Propagations#born} (else of {@link Propagations#forward})
   * @param wavelet whether to compute the wavelet's adjoint (sampled at the sources)
   * @param image whether to image into the gradient
   * @param store a history of {@link #slots(int)} snapshots
   * @param snapshots the checkpoint budget
   * @param k the imaging subsampling factor
   */
  public CheckpointedAdjoint(Engine engine, int steps, double dt, boolean born, boolean wavelet, boolean image,
      History store, int snapshots, int k) {
    this.engine = engine;
    this.steps = steps;
    this.weight = (float) (-k / (dt * dt));
    this.k = k;
    this.born = born;
    this.wavelet = wavelet;
    this.image = image;
    this.store = store;
    this.snapshots = snapshots;
  }

  /** The store's size for {@code snapshots} checkpoints: two levels each, and the difference. */
  public static int slots(int snapshots) {
    return 2 * snapshots + 1;
  }

  /**
   * Runs the adjoint: injects {@code residual} at {@code receivers}, recomputes the forward field
   * from {@code sourceValues} at {@code sources}, and samples the wavelet's adjoint there.
   */
  public RunResult run(PointInterpolation receivers, float[] residual, PointInterpolation sources,
      float[] sourceValues) {
    List<Injection> sets = List.of(new Injection(receivers, residual), new Injection(sources, sourceValues));
    engine.begin(new RunSpec(born ? 3 : 2, store, image, sets, wavelet ? sources : null, steps));
    forwardSteps = 0;
    adjointIteration(steps - 1, Engine.NONE);
    new Revolve(steps - 1, snapshots).run(new Revolve.Actions() {
      @Override
      public void advance(int from, int to) {
        for (int i = from; i < to; i++) {
          forwardStep(i, Engine.NONE);
        }
      }

      @Override
      public void save(int slot, int step) {
        engine.saveField(0, store, slot);
      }

      @Override
      public void restore(int slot, int step) {
        engine.restoreField(0, store, slot);
      }

      @Override
      public void reverse(int step) {
        int difference = 2 * snapshots;
        forwardStep(step, difference);
        adjointIteration(step, image && step % k == 0 ? difference : Engine.NONE);
      }
    });
    return engine.end();
  }

  /** Forward steps run by the last {@link #run}: Revolve's advances plus one per reverse step. */
  public long forwardSteps() {
    return forwardSteps;
  }

  private void forwardStep(int i, int differenceSlot) {
    engine.step(0, differenceSlot, Engine.NONE, Engine.NONE, 0);
    engine.inject(0, 1, i, differenceSlot);
    forwardSteps++;
  }

  /** Adjoint iteration {@code n} of {@link Propagations#adjoint} or {@link Propagations#bornAdjoint}. */
  private void adjointIteration(int n, int imagingSlot) {
    int difference = born && wavelet ? Engine.SCRATCH : Engine.NONE;
    engine.step(1, difference, Engine.NONE, imagingSlot, weight);
    engine.inject(1, 0, n, difference);
    int sampled = born ? 2 : 1;
    if (born && wavelet) {
      engine.step(2, Engine.NONE, difference, Engine.NONE, 0);
    }
    if (wavelet && n >= 1) {
      engine.sample(sampled, n - 1);
    }
  }
}
