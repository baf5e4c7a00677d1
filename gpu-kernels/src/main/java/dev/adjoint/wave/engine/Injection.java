package dev.adjoint.wave.engine;

import dev.adjoint.wave.numerics.PointInterpolation;

/**
 * Values that a run injects at off-grid points, time-major: {@code values[t * points + p]}.
 *
 * @param points where they go in
 * @param values the values, one row of {@code points.points()} per time step
 */
public record Injection(PointInterpolation points, float[] values) {
  /** Checks that the values fill whole time steps. */
  public Injection {
    if (values.length % points.points() != 0) {
      throw new IllegalArgumentException("input length " + values.length + " is not a multiple of "
          + points.points() + " points");
    }
  }
}
