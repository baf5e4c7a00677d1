package dev.adjoint.runtime.tape;

/**
 * Tangents of several directions at once, for the generated vector tangents
 * ({@code fTangents}, {@code fPushforwardsInto}): a value of type {@code T} has a tangent of type
 * {@code T[]}, indexed by direction first, so {@code xDots[d]} is the tangent of a scalar
 * {@code x} in direction {@code d} and {@code aDots[d]} a whole tangent array of {@code a}.
 */
public final class Lanes {
  private Lanes() {}

  /** Zero tangents of {@code a} in {@code k} directions (null rows stay null). */
  public static double[][] zeros(int k, double[] a) {
    double[][] z = new double[k][];
    for (int d = 0; d < k; d++) {
      z[d] = a == null ? null : new double[a.length];
    }
    return z;
  }

  public static float[][] zeros(int k, float[] a) {
    float[][] z = new float[k][];
    for (int d = 0; d < k; d++) {
      z[d] = a == null ? null : new float[a.length];
    }
    return z;
  }

  public static double[][][] zeros(int k, double[][] a) {
    double[][][] z = new double[k][][];
    for (int d = 0; d < k; d++) {
      z[d] = Shadows.zerosLike(a);
    }
    return z;
  }

  public static float[][][] zeros(int k, float[][] a) {
    float[][][] z = new float[k][][];
    for (int d = 0; d < k; d++) {
      z[d] = Shadows.zerosLike(a);
    }
    return z;
  }

  /** A deep copy: each direction's tangent array copied. */
  public static double[][] copy(double[][] dots) {
    if (dots == null) {
      return null;
    }
    double[][] c = new double[dots.length][];
    for (int d = 0; d < dots.length; d++) {
      c[d] = dots[d] == null ? null : dots[d].clone();
    }
    return c;
  }

  public static float[][] copy(float[][] dots) {
    if (dots == null) {
      return null;
    }
    float[][] c = new float[dots.length][];
    for (int d = 0; d < dots.length; d++) {
      c[d] = dots[d] == null ? null : dots[d].clone();
    }
    return c;
  }

  public static double[][][] copy(double[][][] dots) {
    if (dots == null) {
      return null;
    }
    double[][][] c = new double[dots.length][][];
    for (int d = 0; d < dots.length; d++) {
      c[d] = Shadows.snapshot(dots[d]);
    }
    return c;
  }

  public static float[][][] copy(float[][][] dots) {
    if (dots == null) {
      return null;
    }
    float[][][] c = new float[dots.length][][];
    for (int d = 0; d < dots.length; d++) {
      c[d] = Shadows.snapshot(dots[d]);
    }
    return c;
  }

  /** The tangents of row {@code i} of a matrix, in each direction: the rows themselves, shared. */
  public static double[][] row(double[][][] dots, int i) {
    double[][] r = new double[dots.length][];
    for (int d = 0; d < dots.length; d++) {
      r[d] = dots[d][i];
    }
    return r;
  }

  public static float[][] row(float[][][] dots, int i) {
    float[][] r = new float[dots.length][];
    for (int d = 0; d < dots.length; d++) {
      r[d] = dots[d][i];
    }
    return r;
  }

  /**
   * Checks the tangents a caller passes: {@code k} directions, each a tangent array shaped like
   * its value's.
   *
   * @throws IllegalArgumentException naming the method and parameter otherwise
   */
  public static void check(String method, String parameter, Object dots, int k, int valueLength) {
    if (dots == null) {
      throw new IllegalArgumentException(method + ": " + parameter + " must not be null");
    }
    int n = java.lang.reflect.Array.getLength(dots);
    if (n != k) {
      throw new IllegalArgumentException(method + ": " + parameter + " has " + n + " directions, expected " + k);
    }
    for (int d = 0; d < k; d++) {
      Object row = java.lang.reflect.Array.get(dots, d);
      if (valueLength >= 0 && (row == null || java.lang.reflect.Array.getLength(row) != valueLength)) {
        throw new IllegalArgumentException(method + ": " + parameter + "[" + d + "] must have length " + valueLength);
      }
    }
  }
}
