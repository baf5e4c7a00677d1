package dev.adjoint.wave;

/**
 * One propagation that ran: what it computed, where, and how long it took.
 *
 * @param operation e.g. "forward", "adjoint", "born", "born adjoint", "forward (keeping wavefield)"
 * @param device the engine's description
 * @param points grid points each step updates per wavefield (the padded interior)
 * @param steps time steps
 * @param wavefields wavefields advanced together (2 for Born, 1 or 2 for adjoints)
 * @param seconds wall-clock time
 */
public record PropagationRecord(String operation, String device, long points, int steps, int wavefields,
    double seconds) {
  /** Grid-point updates per second, in millions. */
  public double megapointsPerSecond() {
    return seconds == 0 ? 0 : (double) points * steps * wavefields / seconds / 1e6;
  }

  @Override
  public String toString() {
    return String.format("%-28s %7.3f s  %6.0f Mpts/s  (%d steps x %d points x %d field%s, %s)", operation, seconds,
        megapointsPerSecond(), steps, points, wavefields, wavefields == 1 ? "" : "s", device);
  }
}
