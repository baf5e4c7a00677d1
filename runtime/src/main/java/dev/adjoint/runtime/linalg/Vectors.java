package dev.adjoint.runtime.linalg;

import java.util.Random;

/** Plain vector arithmetic on {@code double[]}, shared by the checks, the optimizers and examples. */
public final class Vectors {
  private Vectors() {}

  /** The inner product; the lengths must agree. */
  public static double dot(double[] a, double[] b) {
    requireSameLength(a, b);
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** The inner product of float vectors, accumulated in double. */
  public static double dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vector lengths differ: " + a.length + " and " + b.length);
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  /** The Euclidean norm. */
  public static double norm2(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** The largest magnitude; NaN if any entry is NaN, so a NaN never looks small. */
  public static double normInf(double[] a) {
    double m = 0;
    for (double v : a) {
      if (!(Math.abs(v) <= m)) {
        m = Math.abs(v);
      }
    }
    return m;
  }

  /** Independent standard normal entries. */
  public static double[] gaussian(int n, Random rnd) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextGaussian();
    }
    return v;
  }

  /** {@code x + h d}, as a fresh array. */
  public static double[] step(double[] x, double h, double[] d) {
    requireSameLength(x, d);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] + h * d[i];
    }
    return y;
  }

  /** {@code y += alpha x}, in place. */
  public static void axpy(double alpha, double[] x, double[] y) {
    requireSameLength(x, y);
    for (int i = 0; i < x.length; i++) {
      y[i] += alpha * x[i];
    }
  }

  /** {@code -a}, fresh. */
  public static double[] negate(double[] a) {
    double[] n = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      n[i] = -a[i];
    }
    return n;
  }

  /** {@code a - b}, fresh. */
  public static double[] difference(double[] a, double[] b) {
    return step(a, -1, b);
  }

  /** Widened copy. */
  public static double[] toDouble(float[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }

  /** Rounded copy. */
  public static float[] toFloat(double[] a) {
    float[] f = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      f[i] = (float) a[i];
    }
    return f;
  }

  /** Rejects vectors of different lengths. */
  public static void requireSameLength(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vector lengths differ: " + a.length + " and " + b.length);
    }
  }

  /** Rejects a length other than the expected one, naming what was measured. */
  public static void requireLength(String what, int actual, int expected) {
    if (actual != expected) {
      throw new IllegalArgumentException(what + " has length " + actual + " but " + expected + " was expected");
    }
  }
}
