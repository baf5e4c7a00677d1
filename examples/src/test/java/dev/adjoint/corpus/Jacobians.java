package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/** Vector-valued functions, wide and tall: their generated Jacobians take forward and reverse mode. */
final class Jacobians {
  private Jacobians() {}

  /** Two inputs, m outputs (forward mode): y_i = sin(t i / m) + s i^2 / m^2. */
  @Differentiable
  static double[] curve(double t, double s, int m) {
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      y[i] = Math.sin(t * i / m) + s * i * i / (m * m);
    }
    return y;
  }

  /** n inputs, three outputs (reverse mode); it scales x in place first. */
  @Differentiable
  static double[] moments(double[] x, double c) {
    for (int i = 0; i < x.length; i++) {
      x[i] *= c;
    }
    double s = 0;
    double s2 = 0;
    double sin = 0;
    for (double v : x) {
      s += v;
      s2 += v * v;
      sin += Math.sin(v);
    }
    return new double[] {s, s2, sin};
  }

  /** n + 1 inputs, 2n + 1 outputs (forward mode, one vector sweep): pairwise products, in place first. */
  @Differentiable
  static double[] pairs(double[] x, double c) {
    int n = x.length;
    for (int i = 0; i < n; i++) {
      x[i] = x[i] + c * x[(i + 1) % n];
    }
    double[] y = new double[2 * n + 1];
    for (int i = 0; i < n; i++) {
      y[i] = x[i] * x[(i + 1) % n];
      y[n + i] = Math.exp(c * x[i]);
    }
    y[2 * n] = c * c;
    return y;
  }
}
