package dev.adjoint.wave;

/**
 * The acquisition of one shot, as JUDI's {@code Geometry}: source and receiver coordinates, the
 * sampling interval {@code dt} and the recording time {@code t}, both in ms. Wavelets and data
 * have {@code round(t / dt) + 1} samples, from 0 to {@code t}.
 *
 * <p>Coordinates are in metres, {@code coordinates[axis][point]} with the model's axes
 * ({@code x, z} or {@code x, y, z}). Data of several receivers are stored trace after trace,
 * {@code d[r * samples + n]}, like a source wavelet per source: JUDI's {@code (nt, nrec)} layout.
 */
public final class Geometry {
  private final float[][] sources;
  private final float[][] receivers;
  private final double dt;
  private final double recordingTime;

  private Geometry(float[][] sources, float[][] receivers, double dt, double recordingTime) {
    this.sources = sources;
    this.receivers = receivers;
    this.dt = dt;
    this.recordingTime = recordingTime;
  }

  /**
   * A shot with the given points.
   *
   * @param sources {@code sources[axis][i]}, m
   * @param receivers {@code receivers[axis][i]}, m
   * @param dt the sampling interval of wavelets and data, ms
   * @param recordingTime the recording time, ms
   * @throws IllegalArgumentException for ragged or empty coordinates, non-finite values, or a
   *     non-positive interval or time
   */
  public static Geometry of(float[][] sources, float[][] receivers, double dt, double recordingTime) {
    if (!(dt > 0) || !Double.isFinite(dt)) {
      throw new IllegalArgumentException("dt must be positive and finite (ms), got " + dt);
    }
    if (!(recordingTime >= dt) || !Double.isFinite(recordingTime)) {
      throw new IllegalArgumentException("recording time must be finite and at least dt = " + dt + " ms, got "
          + recordingTime);
    }
    if (recordingTime / dt > 1e8) {
      throw new IllegalArgumentException("recording time / dt = " + recordingTime / dt + " samples per trace: too many");
    }
    float[][] s = copy("sources", sources);
    float[][] r = copy("receivers", receivers);
    if (s.length != r.length) {
      throw new IllegalArgumentException("sources have " + s.length + " coordinates per point but receivers have "
          + r.length);
    }
    return new Geometry(s, r, dt, recordingTime);
  }

  /** A 2D shot: sources at {@code (srcX, srcZ)}, receivers at {@code (recX, recZ)}. */
  public static Geometry of2d(float[] srcX, float[] srcZ, float[] recX, float[] recZ, double dt, double recordingTime) {
    return of(new float[][] {srcX, srcZ}, new float[][] {recX, recZ}, dt, recordingTime);
  }

  /**
   * {@code count} equally spaced values from {@code first} to {@code last}, as JUDI's
   * {@code range(first, stop=last, length=count)}.
   */
  public static float[] range(double first, double last, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
    float[] out = new float[count];
    for (int i = 0; i < count; i++) {
      out[i] = (float) (count == 1 ? first : first + (last - first) * i / (count - 1));
    }
    return out;
  }

  /** {@code count} copies of {@code value}. */
  public static float[] constant(double value, int count) {
    float[] out = new float[count];
    java.util.Arrays.fill(out, (float) value);
    return out;
  }

  /** The number of axes of the coordinates. */
  public int dimensions() {
    return sources.length;
  }

  /** The source coordinates, {@code [axis][i]} (a copy). */
  public float[][] sources() {
    return copy("sources", sources);
  }

  /** The receiver coordinates, {@code [axis][i]} (a copy). */
  public float[][] receivers() {
    return copy("receivers", receivers);
  }

  /** The number of sources. */
  public int sourceCount() {
    return sources[0].length;
  }

  /** The number of receivers. */
  public int receiverCount() {
    return receivers[0].length;
  }

  /** The sampling interval, ms. */
  public double dt() {
    return dt;
  }

  /** The recording time, ms. */
  public double recordingTime() {
    return recordingTime;
  }

  /** Samples per trace: {@code round(t / dt) + 1}. */
  public int samples() {
    return (int) Math.round(recordingTime / dt) + 1;
  }

  private static float[][] copy(String what, float[][] points) {
    if (points == null || points.length < 2 || points.length > 3) {
      throw new IllegalArgumentException(what + " must give 2 or 3 coordinate arrays (x, z or x, y, z)");
    }
    float[][] out = new float[points.length][];
    for (int d = 0; d < points.length; d++) {
      if (points[d] == null || points[d].length != points[0].length) {
        throw new IllegalArgumentException(what + " coordinate arrays must all have the same length");
      }
      for (float v : points[d]) {
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException(what + " coordinates must be finite, got " + v);
        }
      }
      out[d] = points[d].clone();
    }
    if (out[0].length == 0) {
      throw new IllegalArgumentException(what + " must hold at least one point");
    }
    return out;
  }
}
