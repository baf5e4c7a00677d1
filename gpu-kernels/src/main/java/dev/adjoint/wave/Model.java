package dev.adjoint.wave;

import java.util.Arrays;

/**
 * A 2D or 3D acoustic model, as JUDI's {@code Model}: the grid's shape, spacing and origin, the
 * slowness squared {@code m = 1 / v^2} on it, and the width of the absorbing layer added around
 * it.
 *
 * <p>Units are JUDI's: metres, milliseconds, km/s (= m/ms) and {@code m} in s²/km². Axes are
 * {@code (x, z)} in 2D and {@code (x, y, z)} in 3D, z pointing down; arrays on the grid are flat
 * with x fastest, {@code m[ix + nx * iz]} in 2D and {@code m[ix + nx * (iy + ny * iz)]} in 3D
 * (the memory order of JUDI's column-major arrays).
 *
 * <p>Immutable: the accessors return copies.
 */
public final class Model {
  /** JUDI's default absorbing-layer width, in points. */
  public static final int DEFAULT_ABSORBING_LAYER = 40;

  private final int[] shape;
  private final double[] spacing;
  private final double[] origin;
  private final float[] slowness;
  private final int absorbing;

  private Model(int[] shape, double[] spacing, double[] origin, float[] slowness, int absorbing) {
    this.shape = shape;
    this.spacing = spacing;
    this.origin = origin;
    this.slowness = slowness;
    this.absorbing = absorbing;
  }

  /**
   * A model from its slowness squared, with the default absorbing layer of
   * {@value #DEFAULT_ABSORBING_LAYER} points.
   *
   * @param shape {@code (nx, nz)} or {@code (nx, ny, nz)}
   * @param spacing grid spacing per axis, m
   * @param origin the coordinates of the first grid point, m
   * @param slowness {@code m = 1 / v^2} in s²/km², x fastest
   * @throws IllegalArgumentException for a shape that is not 2D or 3D, non-positive sizes or
   *     spacings, an array of the wrong length, or a slowness that is not positive and finite
   */
  public static Model of(int[] shape, double[] spacing, double[] origin, float[] slowness) {
    int dims = shape.length;
    if (dims != 2 && dims != 3) {
      throw new IllegalArgumentException("shape must have 2 or 3 entries, got " + Arrays.toString(shape));
    }
    if (spacing.length != dims || origin.length != dims) {
      throw new IllegalArgumentException("spacing and origin need " + dims + " entries like shape "
          + Arrays.toString(shape) + ", got " + Arrays.toString(spacing) + " and " + Arrays.toString(origin));
    }
    long size = 1;
    for (int d = 0; d < dims; d++) {
      if (shape[d] < 2) {
        throw new IllegalArgumentException("every grid size must be at least 2, got shape " + Arrays.toString(shape));
      }
      if (!(spacing[d] > 0) || !Double.isFinite(spacing[d])) {
        throw new IllegalArgumentException("spacing must be positive and finite (m), got " + Arrays.toString(spacing));
      }
      if (!Double.isFinite(origin[d])) {
        throw new IllegalArgumentException("origin must be finite (m), got " + Arrays.toString(origin));
      }
      size *= shape[d];
    }
    requireLength("slowness", slowness, size);
    requireSlowness("slowness", slowness);
    return new Model(shape.clone(), spacing.clone(), origin.clone(), slowness.clone(), DEFAULT_ABSORBING_LAYER);
  }

  /** A model from velocities in km/s; {@code m = 1 / v^2}. */
  public static Model fromVelocity(int[] shape, double[] spacing, double[] origin, float[] velocity) {
    float[] m = new float[velocity.length];
    for (int i = 0; i < m.length; i++) {
      if (!(velocity[i] > 0) || !Float.isFinite(velocity[i])) {
        throw new IllegalArgumentException("velocity[" + i + "] = " + velocity[i]
            + " km/s: velocities must be positive and finite");
      }
      m[i] = 1f / (velocity[i] * velocity[i]);
    }
    return of(shape, spacing, origin, m);
  }

  /** The same model with an absorbing layer of {@code points} points on each side (0: none). */
  public Model withAbsorbingLayer(int points) {
    if (points < 0) {
      throw new IllegalArgumentException("absorbing-layer width must be at least 0 points, got " + points);
    }
    return new Model(shape, spacing, origin, slowness, points);
  }

  /** The same grid with another slowness squared. */
  public Model withSlowness(float[] m) {
    requireLength("m", m, size());
    requireSlowness("m", m);
    return new Model(shape, spacing, origin, m.clone(), absorbing);
  }

  /** 2 or 3. */
  public int dimensions() {
    return shape.length;
  }

  /** The grid's shape, {@code (nx, nz)} or {@code (nx, ny, nz)}. */
  public int[] shape() {
    return shape.clone();
  }

  /** The spacing per axis, m. */
  public double[] spacing() {
    return spacing.clone();
  }

  /** The origin per axis, m. */
  public double[] origin() {
    return origin.clone();
  }

  /** The slowness squared {@code m}, s²/km². */
  public float[] slowness() {
    return slowness.clone();
  }

  /** The number of grid points. */
  public int size() {
    return slowness.length;
  }

  /** The absorbing-layer width, in points. */
  public int absorbingLayer() {
    return absorbing;
  }

  /** The largest velocity, km/s. */
  public double maxVelocity() {
    return maxVelocity(slowness);
  }

  /** The largest velocity {@code 1 / sqrt(min m)} of a slowness squared, km/s. */
  static double maxVelocity(float[] m) {
    float min = Float.POSITIVE_INFINITY;
    for (float v : m) {
      min = Math.min(min, v);
    }
    return 1 / Math.sqrt(min);
  }

  static void requireLength(String name, float[] a, long expected) {
    if (a == null) {
      throw new IllegalArgumentException(name + " is null; expected an array of length " + expected);
    }
    if (a.length != expected) {
      throw new IllegalArgumentException(name + " has length " + a.length + ", expected " + expected);
    }
  }

  /** Rejects a slowness that is not positive and finite, naming the first bad entry. */
  static void requireSlowness(String name, float[] m) {
    for (int i = 0; i < m.length; i++) {
      if (!(m[i] > 0) || !Float.isFinite(m[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] = " + m[i]
            + ": slowness squared (s²/km²) must be positive and finite, which a positive, finite velocity gives");
      }
    }
  }
}
