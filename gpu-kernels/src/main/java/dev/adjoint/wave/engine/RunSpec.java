package dev.adjoint.wave.engine;

import dev.adjoint.wave.numerics.PointInterpolation;
import java.util.List;

/**
 * What one propagation run uses: how many wavefields, the history it writes or reads, whether it
 * accumulates a gradient, what it injects (one set per kind of source: data residuals at the
 * receivers, a wavelet at the sources) and the points it samples (into {@code outputSteps} time
 * slots).
 *
 * @param fields the number of wavefields (1 to 3), each with two time levels
 * @param history the snapshots the run writes or images with (or its checkpoints), or null
 * @param gradient whether {@link Engine#step} may image into a gradient
 * @param injections the injected sets, addressed by index in {@link Engine#inject}
 * @param sampling where the run samples, or null
 * @param outputSteps the number of time slots of the output
 */
public record RunSpec(int fields, History history, boolean gradient, List<Injection> injections,
    PointInterpolation sampling, int outputSteps) {
  /** Checks the sizes. */
  public RunSpec {
    if (fields < 1 || fields > Engine.MAX_FIELDS) {
      throw new IllegalArgumentException("a run has 1 to " + Engine.MAX_FIELDS + " wavefields, got " + fields);
    }
    if (injections.isEmpty()) {
      throw new IllegalArgumentException("a run injects at least one set of values");
    }
    injections = List.copyOf(injections);
  }

  /** A run with one injected set. */
  public RunSpec(int fields, History history, boolean gradient, PointInterpolation injection, float[] input,
      PointInterpolation sampling, int outputSteps) {
    this(fields, history, gradient, List.of(new Injection(injection, input)), sampling, outputSteps);
  }

  /** The length of the output series. */
  public int outputLength() {
    return sampling == null ? 0 : sampling.points() * outputSteps;
  }
}
