package dev.adjoint.wave.engine;

import dev.adjoint.wave.numerics.PointInterpolation;

/**
 * The time loops of the four propagations, written once against {@link Engine}'s primitives.
 *
 * <p>With {@code A = m/dt^2 (1 + eps)}, {@code B = m/dt^2 (1 - eps)} and {@code K = lap + 2m/dt^2}
 * (all symmetric), one step is {@code A u^{n+1} = K u^n - B u^{n-1} + s^n}, from
 * {@code u^0 = u^{-1} = 0}, and the data are {@code d^n = R u^n}. Its exact adjoint runs the same
 * step backwards: {@code A z^n = K z^{n+1} - B z^{n+2} + R' r^n}, and the adjoint of {@code s^n}
 * is {@code z^{n+1}}. The Born source is {@code s^n = -dm/dt^2 (u^{n+1} - 2 u^n + u^{n-1})}, the
 * derivative of the step with respect to {@code m}, so {@link #born} is the exact Jacobian of
 * {@link #forward} and imaging with {@code z^{n+1}} its exact adjoint.
 *
 * <p>Snapshots of {@code u^{n+1} - 2u^n + u^{n-1}} are kept for steps {@code n = 0, k, 2k, ...}
 * ({@code k} the subsampling factor); with {@code k > 1} the imaging sum is approximated by
 * {@code k} times its subsampled terms, as JUDI and Devito do.
 */
public final class Propagations {
  private Propagations() {}

  /** The number of snapshots a forward run of {@code steps} samples keeps with subsampling {@code k}. */
  public static int snapshots(int steps, int k) {
    return (steps - 2) / k + 1;
  }

  /**
   * Forward modelling: injects {@code sourceValues} (time-major) at {@code sources}, samples
   * {@code receivers} (null: none) at every step, and keeps every {@code k}-th snapshot in
   * {@code history} (null: none).
   */
  public static RunResult forward(Engine engine, int steps, PointInterpolation sources, float[] sourceValues,
      PointInterpolation receivers, History history, int k) {
    engine.begin(new RunSpec(1, history, false, sources, sourceValues, receivers, steps));
    for (int n = 0; n < steps; n++) {
      if (receivers != null) {
        engine.sample(0, n);
      }
      if (n == steps - 1) {
        break;
      }
      int slot = snapshotSlot(history, n, k);
      engine.step(0, slot, Engine.NONE, Engine.NONE, 0);
      engine.inject(0, 0, n, slot);
    }
    return engine.end();
  }

  /**
   * The adjoint of {@link #forward}: injects {@code residual} (time-major) at {@code receivers},
   * samples {@code sources} (null: none) as the source adjoint, and images with {@code history}
   * (null: no gradient) into the adjoint of {@code m} on the padded grid.
   */
  public static RunResult adjoint(Engine engine, int steps, double dt, PointInterpolation receivers, float[] residual,
      PointInterpolation sources, History history, int k) {
    engine.begin(new RunSpec(1, history, history != null, receivers, residual, sources, steps));
    float weight = (float) (-k / (dt * dt));
    for (int n = steps - 1; n >= 0; n--) {
      engine.step(0, Engine.NONE, Engine.NONE, imagingSlot(history, n, k, steps), weight);
      engine.inject(0, 0, n, Engine.NONE);
      if (sources != null && n >= 1) {
        engine.sample(0, n - 1);
      }
    }
    return engine.end();
  }

  /**
   * The Born (linearised) modelling of the perturbation the engine holds
   * ({@link Engine#setPerturbation}): the background field {@code u} and the scattered field
   * {@code du} advance together, and the receivers sample {@code du}. Keeps the background's
   * snapshots in {@code history} when it is not null.
   */
  public static RunResult born(Engine engine, int steps, PointInterpolation sources, float[] sourceValues,
      PointInterpolation receivers, History history, int k) {
    engine.begin(new RunSpec(2, history, false, sources, sourceValues, receivers, steps));
    for (int n = 0; n < steps; n++) {
      engine.sample(1, n);
      if (n == steps - 1) {
        break;
      }
      int slot = snapshotSlot(history, n, k);
      int difference = slot == Engine.NONE ? Engine.SCRATCH : slot;
      engine.step(0, difference, Engine.NONE, Engine.NONE, 0);
      engine.inject(0, 0, n, difference);
      engine.step(1, Engine.NONE, difference, Engine.NONE, 0);
    }
    return engine.end();
  }

  /**
   * The adjoint of {@link #born}: the adjoint field {@code z} of the scattered wave images with
   * {@code history} into the adjoint of the perturbation (null: skip), and, when {@code sources}
   * is not null, drives a second adjoint field {@code y} of the background wave through the Born
   * source's transpose, whose samples at the sources are the adjoint of the source wavelet.
   */
  public static RunResult bornAdjoint(Engine engine, int steps, double dt, PointInterpolation receivers,
      float[] residual, PointInterpolation sources, History history, int k) {
    boolean sourceAdjoint = sources != null;
    engine.begin(new RunSpec(sourceAdjoint ? 2 : 1, history, history != null, receivers, residual, sources, steps));
    float weight = (float) (-k / (dt * dt));
    int difference = sourceAdjoint ? Engine.SCRATCH : Engine.NONE;
    for (int n = steps - 1; n >= 0; n--) {
      engine.step(0, difference, Engine.NONE, imagingSlot(history, n, k, steps), weight);
      engine.inject(0, 0, n, difference);
      if (sourceAdjoint) {
        engine.step(1, Engine.NONE, difference, Engine.NONE, 0);
        if (n >= 1) {
          engine.sample(1, n - 1);
        }
      }
    }
    return engine.end();
  }

  private static int snapshotSlot(History history, int n, int k) {
    return history != null && n % k == 0 ? n / k : Engine.NONE;
  }

  private static int imagingSlot(History history, int n, int k, int steps) {
    return history != null && n <= steps - 2 && n % k == 0 ? n / k : Engine.NONE;
  }
}
