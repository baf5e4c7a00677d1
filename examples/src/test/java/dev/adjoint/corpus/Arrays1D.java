package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/** One-dimensional arrays: reads, writes, new arrays, length, enhanced for and array results. */
final class Arrays1D {
  private Arrays1D() {}

  @Differentiable
  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Sum of squares over an enhanced for, then a square root. */
  @Differentiable
  static double norm(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v * v;
    }
    return Math.sqrt(s);
  }

  /** Returns a new array: the running sums of a, weighted by x. */
  @Differentiable
  static double[] prefixSums(double[] a, double x) {
    double[] p = new double[a.length];
    double run = 0;
    for (int i = 0; i < a.length; i++) {
      run = run * x + a[i];
      p[i] = run;
    }
    return p;
  }

  /** Horner's rule, looping backwards over the coefficients. */
  @Differentiable
  static double horner(double[] coeffs, double x) {
    double y = 0;
    for (int i = coeffs.length - 1; i >= 0; i--) {
      y = y * x + coeffs[i];
    }
    return y;
  }

  /** A stable log-sum-exp through a local array; the max shift has no net effect on the value. */
  @Differentiable
  static double logSumExp(double[] a, double[] w) {
    double m = a[0];
    for (int i = 1; i < a.length; i++) {
      m = Math.max(m, a[i]);
    }
    var e = new double[a.length];
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      e[i] = w[i] * Math.exp(a[i] - m);
      s += e[i];
    }
    return m + Math.log(s);
  }

  /** Returns the first element above t (an early return from the loop), scaled by t. */
  @Differentiable
  static double firstAbove(double[] a, double t) {
    for (double v : a) {
      if (v > t) {
        return v * t;
      }
    }
    return t;
  }

  /** Elements of a local array are written, read, updated and overwritten. */
  @Differentiable
  static double localOverwrite(double[] a) {
    double[] b = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i] * a[i];
      b[i] += a[(i + 1) % a.length];
      b[i] = Math.sin(b[i]) * b[i];
    }
    double s = 0;
    for (int i = 0; i < b.length; i++) {
      s += b[i] * a[i];
    }
    return s;
  }

  /** A centred moving average that returns an array; the edges use a non-differentiable index helper. */
  @Differentiable
  static double[] movingAverage(double[] a, int halfWidth) {
    int n = a.length;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = -halfWidth; k <= halfWidth; k++) {
        s += a[clampIndex(i + k, n)];
      }
      out[i] = s / (2 * halfWidth + 1);
    }
    return out;
  }

  /** Not differentiable, and it need not be: it only computes an index. */
  static int clampIndex(int i, int n) {
    return i < 0 ? 0 : i >= n ? n - 1 : i;
  }

  /** A quadratic form over the lower triangle, through a local work array (its adjoint row sums are hoisted). */
  @Differentiable
  static double lowerForm(double[] l, double[] x) {
    int n = x.length;
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = Math.sin(x[i]);
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        s += l[i * n + j] * x[j] * w[i];
      }
    }
    return s;
  }
}

