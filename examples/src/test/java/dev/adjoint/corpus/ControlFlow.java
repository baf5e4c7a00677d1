package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/** Branches and returns in every position. */
final class ControlFlow {
  static final double KNEE = 1.0;

  private ControlFlow() {}

  /** An if/else-if/else chain, each arm returning. */
  @Differentiable
  static double branches(double x, double y) {
    if (x > y) {
      return x * x - y;
    } else if (x > -y) {
      return Math.exp(x - y);
    } else {
      return y * Math.sin(x);
    }
  }

  /** A Huber-like loss: an if without else that overwrites, then a single return. */
  @Differentiable
  static double huber(double r, double delta) {
    double a = Math.abs(r);
    double loss = 0.5 * r * r;
    if (a > delta) {
      loss = delta * (a - 0.5 * delta);
    }
    return loss;
  }

  /** Nested ternaries that select by an integral mode. */
  @Differentiable
  static double modes(double x, double y, int mode) {
    double v = mode == 0 ? x * y : mode == 1 ? x / y : mode > 1 && mode <= 3 ? Math.pow(x, 2) + y : -x;
    return v > KNEE ? v * v : v;
  }

  /** A boolean parameter and a boolean local guard the branches. */
  @Differentiable
  static double flags(double x, boolean square, boolean negate) {
    boolean both = square && negate;
    double r = square ? x * x : x;
    if (both || !square && negate) {
      r = -r;
    }
    return r + (negate ? 0 : 1) * x;
  }

  /** Returns from inside a doubly nested loop once a row sum passes the threshold. */
  @Differentiable
  static double firstHeavyRow(double[][] m, double threshold) {
    for (int i = 0; i < m.length; i++) {
      double rowSum = 0;
      for (int j = 0; j < m[i].length; j++) {
        rowSum += m[i][j] * m[i][j];
        if (rowSum > threshold) {
          return rowSum * (i + 1);
        }
      }
    }
    return threshold;
  }

  /** A piecewise polynomial with an if/else on the active argument. */
  @Differentiable
  static double spline(double x) {
    double y;
    if (x < 0) {
      y = x * x * x;
    } else if (x < KNEE) {
      y = x * x;
    } else {
      y = 2 * x - 1;
    }
    return y;
  }

  /** An initializer on one branch only: its entries {@code a[i]} exist only there. */
  @Differentiable
  static double guardedPair(double[] a, int i) {
    double[] r = i < a.length ? new double[] {a[i] * a[i], Math.sin(a[i] * a[0])} : a;
    return r[0] * r[r.length - 1];
  }
}
