package dev.adjoint.wave.numerics;

/**
 * A uniform time axis starting at 0: {@code count} samples {@code step} ms apart.
 *
 * @param step the sampling interval, ms
 * @param count the number of samples, so the axis ends at {@code (count - 1) * step}
 */
public record TimeAxis(double step, int count) {
  /** Validates the axis. */
  public TimeAxis {
    if (!(step > 0) || !Double.isFinite(step)) {
      throw new IllegalArgumentException("time step must be positive and finite, got " + step);
    }
    if (count < 2) {
      throw new IllegalArgumentException("a time axis needs at least 2 samples, got " + count);
    }
  }

  /** The last sample's time, ms. */
  public double end() {
    return (count - 1) * step;
  }

  /**
   * The computational axis for a recording of length {@code end} ms: the fewest equal steps no
   * longer than {@code maxStep}, so that it ends exactly where the recording does.
   */
  public static TimeAxis covering(double end, double maxStep) {
    int steps = (int) Math.ceil(end / maxStep - 1e-9);
    steps = Math.max(steps, 1);
    return new TimeAxis(end / steps, steps + 1);
  }
}
