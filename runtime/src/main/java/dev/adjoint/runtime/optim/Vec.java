package dev.adjoint.runtime.optim;

/** Vector arithmetic for the optimizers. */
final class Vec {
  private Vec() {}

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double normInf(double[] a) {
    double m = 0;
    for (double v : a) {
      if (!(Math.abs(v) <= m)) { // NaN propagates, so a NaN gradient never looks converged
        m = Math.abs(v);
      }
    }
    return m;
  }

  static double norm2(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** {@code x + alpha d}, fresh. */
  static double[] step(double[] x, double alpha, double[] d) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] + alpha * d[i];
    }
    return y;
  }

  /** {@code y += alpha x}. */
  static void axpy(double alpha, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += alpha * x[i];
    }
  }

  static double[] negate(double[] a) {
    double[] n = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      n[i] = -a[i];
    }
    return n;
  }

  static double[] difference(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }
}
