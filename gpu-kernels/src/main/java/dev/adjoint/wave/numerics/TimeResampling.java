package dev.adjoint.wave.numerics;

/**
 * Resampling of traces from one time axis to another, by Keys' cubic convolution (the
 * Catmull-Rom spline, {@code a = -1/2}), with its exact adjoint.
 *
 * <p>A wavelet sampled at the user's interval goes to the propagator's computational step this
 * way, and modelled data comes back; the adjoint takes data residuals to the computational axis
 * and source adjoints back, as JUDI does. Each output sample combines the four nearest input
 * samples (indices clamped at the ends), so the operator is a sparse matrix with four entries per
 * row and its adjoint is that matrix's transpose. Where the two axes coincide it is the identity.
 *
 * <p>Each side has its own {@link Layout}: users' traces are trace-major, the propagators inject
 * from and sample into time-major arrays.
 */
public final class TimeResampling {
  /** How a set of traces is stored. */
  public enum Layout {
    /** {@code a[trace * samples + t]}: trace after trace. */
    TRACE_MAJOR,
    /** {@code a[t * traces + trace]}: one time step after another. */
    TIME_MAJOR;

    int index(int trace, int t, int traces, int samples) {
      return this == TRACE_MAJOR ? trace * samples + t : t * traces + trace;
    }
  }

  private final TimeAxis from;
  private final TimeAxis to;
  private final Layout fromLayout;
  private final Layout toLayout;
  private final int[] first;
  private final float[][] weights;

  /** The resampling from axis {@code from} (stored as {@code fromLayout}) to {@code to}. */
  public TimeResampling(TimeAxis from, Layout fromLayout, TimeAxis to, Layout toLayout) {
    this.from = from;
    this.to = to;
    this.fromLayout = fromLayout;
    this.toLayout = toLayout;
    this.first = new int[to.count()];
    this.weights = new float[to.count()][];
    for (int j = 0; j < to.count(); j++) {
      double s = j * to.step() / from.step();
      int i = (int) Math.floor(s + 1e-9);
      double f = Math.max(0, s - i);
      if (f < 1e-9) {
        f = 0;
      }
      first[j] = i - 1;
      weights[j] = new float[] {(float) keys(1 + f), (float) keys(f), (float) keys(1 - f), (float) keys(2 - f)};
    }
  }

  /** The input axis. */
  public TimeAxis from() {
    return from;
  }

  /** The output axis. */
  public TimeAxis to() {
    return to;
  }

  /** Resamples {@code traces} traces from {@link #from} to {@link #to}. */
  public float[] apply(float[] in, int traces) {
    requireLength(in, traces * from.count());
    float[] out = new float[traces * to.count()];
    for (int k = 0; k < traces; k++) {
      for (int j = 0; j < to.count(); j++) {
        double sum = 0;
        for (int q = 0; q < 4; q++) {
          sum += weights[j][q] * in[fromLayout.index(k, clamp(first[j] + q), traces, from.count())];
        }
        out[toLayout.index(k, j, traces, to.count())] = (float) sum;
      }
    }
    return out;
  }

  /** The adjoint of {@link #apply}: traces on {@link #to} back to {@link #from}. */
  public float[] adjoint(float[] in, int traces) {
    requireLength(in, traces * to.count());
    double[] acc = new double[traces * from.count()];
    for (int k = 0; k < traces; k++) {
      for (int j = 0; j < to.count(); j++) {
        double v = in[toLayout.index(k, j, traces, to.count())];
        for (int q = 0; q < 4; q++) {
          acc[fromLayout.index(k, clamp(first[j] + q), traces, from.count())] += weights[j][q] * v;
        }
      }
    }
    float[] out = new float[acc.length];
    for (int i = 0; i < acc.length; i++) {
      out[i] = (float) acc[i];
    }
    return out;
  }

  private int clamp(int i) {
    return Math.max(0, Math.min(from.count() - 1, i));
  }

  private static void requireLength(float[] in, int expected) {
    if (in.length != expected) {
      throw new IllegalArgumentException("traces have length " + in.length + ", expected " + expected);
    }
  }

  /** Keys' cubic convolution kernel with {@code a = -1/2}, at distance {@code x}. */
  private static double keys(double x) {
    x = Math.abs(x);
    if (x < 1) {
      return (1.5 * x - 2.5) * x * x + 1;
    }
    if (x < 2) {
      return ((-0.5 * x + 2.5) * x - 4) * x + 2;
    }
    return 0;
  }
}
