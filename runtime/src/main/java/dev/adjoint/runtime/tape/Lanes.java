package dev.adjoint.runtime.tape;

/**
 * Tangents of several directions at once, for the generated vector tangents. Inside the generated
 * code ({@code fPushforwardsInto}) the directions are innermost, so that a statement's loop over
 * them reads and writes consecutive memory: a scalar {@code x} has the tangents {@code xDots[d]},
 * and an array has tangents of its own shape whose innermost arrays are {@code k} times as long,
 * entry {@code i} in direction {@code d} at {@code aDots[i * k + d]} (a matrix's at
 * {@code mDots[i][j * k + d]}). The public {@code fTangents} takes and returns the directions
 * first ({@code aDots[d][i]}), as a user builds them; {@link #interleave} and {@link #split} convert.
 */
public final class Lanes {
  private Lanes() {}

  /** Zero tangents of {@code a} in {@code k} directions (null for null). */
  public static double[] zeros(int k, double[] a) {
    return a == null ? null : new double[Math.multiplyExact(a.length, k)];
  }

  public static float[] zeros(int k, float[] a) {
    return a == null ? null : new float[Math.multiplyExact(a.length, k)];
  }

  /** Zero tangents of matrix {@code a} in {@code k} directions (null rows stay null). */
  public static double[][] zeros(int k, double[][] a) {
    if (a == null) {
      return null;
    }
    double[][] z = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      z[i] = zeros(k, a[i]);
    }
    return z;
  }

  public static float[][] zeros(int k, float[][] a) {
    if (a == null) {
      return null;
    }
    float[][] z = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      z[i] = zeros(k, a[i]);
    }
    return z;
  }

  /** Directions first ({@code dots[d][i]}) to directions innermost ({@code [i * k + d]}), a new array. */
  public static double[] interleave(double[][] dots) {
    int k = dots.length;
    int n = k == 0 ? 0 : dots[0].length;
    double[] flat = new double[Math.multiplyExact(n, k)];
    for (int d = 0; d < k; d++) {
      setLane(flat, k, d, dots[d]);
    }
    return flat;
  }

  public static float[] interleave(float[][] dots) {
    int k = dots.length;
    int n = k == 0 ? 0 : dots[0].length;
    float[] flat = new float[Math.multiplyExact(n, k)];
    for (int d = 0; d < k; d++) {
      setLane(flat, k, d, dots[d]);
    }
    return flat;
  }

  /** A matrix's tangents, directions first ({@code dots[d][i][j]}), to rows with the directions innermost. */
  public static double[][] interleave(double[][][] dots) {
    double[][] flat = null;
    for (int d = 0; d < dots.length; d++) {
      flat = setLane(flat, dots.length, d, dots[d]);
    }
    return flat;
  }

  public static float[][] interleave(float[][][] dots) {
    float[][] flat = null;
    for (int d = 0; d < dots.length; d++) {
      flat = setLane(flat, dots.length, d, dots[d]);
    }
    return flat;
  }

  /** The inverse of {@link #interleave}: {@code k} tangent arrays, one per direction. */
  public static double[][] split(double[] flat, int k) {
    double[][] dots = new double[k][];
    for (int d = 0; d < k; d++) {
      dots[d] = lane(flat, k, d);
    }
    return dots;
  }

  public static float[][] split(float[] flat, int k) {
    float[][] dots = new float[k][];
    for (int d = 0; d < k; d++) {
      dots[d] = lane(flat, k, d);
    }
    return dots;
  }

  public static double[][][] split(double[][] flat, int k) {
    double[][][] dots = new double[k][][];
    for (int d = 0; d < k; d++) {
      dots[d] = lane(flat, k, d);
    }
    return dots;
  }

  public static float[][][] split(float[][] flat, int k) {
    float[][][] dots = new float[k][][];
    for (int d = 0; d < k; d++) {
      dots[d] = lane(flat, k, d);
    }
    return dots;
  }

  /** The tangent array of direction {@code d}, a new array (null for null). */
  public static double[] lane(double[] flat, int k, int d) {
    if (flat == null) {
      return null;
    }
    double[] one = new double[flat.length / k];
    for (int i = 0; i < one.length; i++) {
      one[i] = flat[i * k + d];
    }
    return one;
  }

  public static float[] lane(float[] flat, int k, int d) {
    if (flat == null) {
      return null;
    }
    float[] one = new float[flat.length / k];
    for (int i = 0; i < one.length; i++) {
      one[i] = flat[i * k + d];
    }
    return one;
  }

  public static double[][] lane(double[][] flat, int k, int d) {
    if (flat == null) {
      return null;
    }
    double[][] one = new double[flat.length][];
    for (int i = 0; i < flat.length; i++) {
      one[i] = lane(flat[i], k, d);
    }
    return one;
  }

  public static float[][] lane(float[][] flat, int k, int d) {
    if (flat == null) {
      return null;
    }
    float[][] one = new float[flat.length][];
    for (int i = 0; i < flat.length; i++) {
      one[i] = lane(flat[i], k, d);
    }
    return one;
  }

  /**
   * Writes direction {@code d}'s tangent array {@code one} into {@code flat}, which is allocated
   * to {@code one}'s shape when null; returns {@code flat}. A rule called once per direction gives
   * its tangents this way.
   */
  public static double[] setLane(double[] flat, int k, int d, double[] one) {
    if (one == null) {
      return flat;
    }
    double[] all = flat != null ? flat : new double[Math.multiplyExact(one.length, k)];
    for (int i = 0; i < one.length; i++) {
      all[i * k + d] = one[i];
    }
    return all;
  }

  public static float[] setLane(float[] flat, int k, int d, float[] one) {
    if (one == null) {
      return flat;
    }
    float[] all = flat != null ? flat : new float[Math.multiplyExact(one.length, k)];
    for (int i = 0; i < one.length; i++) {
      all[i * k + d] = one[i];
    }
    return all;
  }

  public static double[][] setLane(double[][] flat, int k, int d, double[][] one) {
    if (one == null) {
      return flat;
    }
    double[][] all = flat != null ? flat : new double[one.length][];
    for (int i = 0; i < one.length; i++) {
      all[i] = setLane(all[i], k, d, one[i]);
    }
    return all;
  }

  public static float[][] setLane(float[][] flat, int k, int d, float[][] one) {
    if (one == null) {
      return flat;
    }
    float[][] all = flat != null ? flat : new float[one.length][];
    for (int i = 0; i < one.length; i++) {
      all[i] = setLane(all[i], k, d, one[i]);
    }
    return all;
  }

  /**
   * Checks the tangents a caller passes to {@code fTangents}: {@code k} directions, each a tangent
   * array shaped like {@code value} (its length, and a matrix's rows' lengths).
   *
   * @throws IllegalArgumentException naming the method and parameter otherwise
   */
  public static void check(String method, String parameter, Object dots, int k, Object value) {
    check(method, parameter, dots, k, -1);
    for (int d = 0; d < k; d++) {
      checkShape(method, parameter + "[" + d + "]", java.lang.reflect.Array.get(dots, d), value);
    }
  }

  /**
   * Checks that a tangent array has its value's shape, rows included (a null value's tangent may be
   * anything).
   *
   * @throws IllegalArgumentException naming the method and the tangent otherwise
   */
  public static void checkShape(String method, String tangent, Object dot, Object value) {
    if (value == null) {
      return;
    }
    int n = java.lang.reflect.Array.getLength(value);
    if (dot == null) {
      throw new IllegalArgumentException(method + ": " + tangent + " is null, expected length " + n);
    }
    if (java.lang.reflect.Array.getLength(dot) != n) {
      throw new IllegalArgumentException(method + ": " + tangent + " has length "
          + java.lang.reflect.Array.getLength(dot) + ", expected " + n);
    }
    if (value instanceof Object[] rows) {
      for (int i = 0; i < n; i++) {
        checkShape(method, tangent + "[" + i + "]", ((Object[]) dot)[i], rows[i]);
      }
    }
  }

  /** {@link #checkShape}, where a null tangent is zero: a field's entry in its {@code Params} record. */
  public static void checkShapeOrNull(String method, String tangent, Object dot, Object value) {
    if (dot != null) {
      checkShape(method, tangent, dot, value);
    }
  }

  /**
   * Checks the tangents a caller passes: {@code k} directions, each of length {@code valueLength}
   * (not checked when negative).
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
