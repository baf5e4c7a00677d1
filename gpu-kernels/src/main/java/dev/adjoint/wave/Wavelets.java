package dev.adjoint.wave;

/** Source wavelets. */
public final class Wavelets {
  private Wavelets() {}

  /**
   * JUDI's Ricker wavelet: {@code (1 - 2 r^2) exp(-r^2)} with {@code r = pi f0 (t - 1/f0)}, for
   * {@code t = 0, dt, ..., time}, so it peaks at {@code t = 1 / f0}.
   *
   * @param time the length, ms
   * @param dt the sampling interval, ms
   * @param f0 the peak frequency in kHz (JUDI's unit: 0.01 is 10 Hz)
   * @return {@code round(time / dt) + 1} samples
   */
  public static float[] ricker(double time, double dt, double f0) {
    if (!(dt > 0) || !(time >= 0) || !Double.isFinite(time) || !Double.isFinite(dt)) {
      throw new IllegalArgumentException("need time >= 0 and dt > 0 (ms), got time = " + time + ", dt = " + dt);
    }
    if (!(f0 > 0) || !Double.isFinite(f0)) {
      throw new IllegalArgumentException("peak frequency f0 must be positive (kHz; 0.01 is 10 Hz), got " + f0);
    }
    if (time / dt > 1e8) {
      throw new IllegalArgumentException("time / dt = " + time / dt + " samples: too many");
    }
    int n = (int) Math.round(time / dt) + 1;
    float[] q = new float[n];
    for (int i = 0; i < n; i++) {
      double r = Math.PI * f0 * (i * dt - 1 / f0);
      q[i] = (float) ((1 - 2 * r * r) * Math.exp(-r * r));
    }
    return q;
  }
}
