package dev.adjoint.runtime.check;

import java.util.Random;

/** The few vector operations the checks need, kept here so the checks depend on nothing else. */
final class Vectors {
  private Vectors() {}

  static double dot(double[] a, double[] b) {
    requireSameLength(a, b);
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double norm2(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v * v;
    }
    return Math.sqrt(s);
  }

  static double normInf(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  static double[] gaussian(int n, Random rnd) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextGaussian();
    }
    return v;
  }

  /** {@code x + h d}, fresh. */
  static double[] step(double[] x, double h, double[] d) {
    double[] y = x.clone();
    for (int i = 0; i < y.length; i++) {
      y[i] += h * d[i];
    }
    return y;
  }

  static double[] toDouble(float[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }

  static void requireSameLength(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vector lengths differ: " + a.length + " and " + b.length);
    }
  }

  static void requireLength(String what, int actual, int expected) {
    if (actual != expected) {
      throw new IllegalArgumentException(what + " has length " + actual + " but " + expected + " was expected");
    }
  }
}
