package dev.adjoint.wave.engine;

import dev.adjoint.wave.numerics.PointInterpolation;

/**
 * What one propagation run uses: how many wavefields, the history it writes or reads, whether it
 * accumulates a gradient, the points it injects into (with their values, time-major
 * {@code input[t * points + p]}) and the points it samples (into {@code outputSteps} time slots).
 *
 * @param fields the number of wavefields (1 to 3), each with two time levels
 * @param history the snapshots the run writes or images with, or null
 * @param gradient whether {@link Engine#step} may image into a gradient
 * @param injection where input values go in
 * @param input the injected values, time-major
 * @param sampling where the run samples, or null
 * @param outputSteps the number of time slots of the output
 */
public record RunSpec(int fields, History history, boolean gradient, PointInterpolation injection, float[] input,
    PointInterpolation sampling, int outputSteps) {
  /** Checks the sizes. */
  public RunSpec {
    if (fields < 1 || fields > Engine.MAX_FIELDS) {
      throw new IllegalArgumentException("a run has 1 to " + Engine.MAX_FIELDS + " wavefields, got " + fields);
    }
    if (input.length % injection.points() != 0) {
      throw new IllegalArgumentException("input length " + input.length + " is not a multiple of "
          + injection.points() + " points");
    }
  }

  /** The length of the output series. */
  public int outputLength() {
    return sampling == null ? 0 : sampling.points() * outputSteps;
  }
}
