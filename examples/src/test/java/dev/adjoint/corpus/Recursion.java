package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/**
 * Recursive methods. A recursive call is reversed split while the tape's call-recording budget
 * allows (the callee's recording sweep runs forward, its reverse sweep alone runs backward), and
 * jointly past it (the plain method runs forward, the callee's whole sweep runs backward). The
 * build runs {@code RecursionTest} three times: with the default budget, with a budget of a few
 * hundred bytes, so that the two kinds mix in one gradient, and with none, so that every call is
 * joint.
 */
final class Recursion {
  private Recursion() {}

  /** The determinant by expansion by minors, as GradBench's det: a loop around the recursive call. */
  @Differentiable
  static double det(double[] a, int n) {
    return minor(a, n, 0, 0);
  }

  /** The minor of rows {@code row..n-1} without the columns whose bits are set in {@code removed}. */
  @Differentiable
  static double minor(double[] a, int n, int row, int removed) {
    if (row == n - 1) {
      return a[row * n + Integer.numberOfTrailingZeros(~removed)];
    }
    double det = 0;
    int sign = 1;
    for (int col = 0; col < n; col++) {
      if ((removed & (1 << col)) != 0) {
        continue;
      }
      double m = minor(a, n, row + 1, removed | (1 << col));
      det += sign * a[row * n + col] * m;
      sign = -sign;
    }
    return det;
  }

  /** Divide and conquer: two calls per level, combined nonlinearly. */
  @Differentiable
  static double tree(double[] x, int lo, int hi) {
    if (hi - lo == 1) {
      return Math.sin(x[lo]);
    }
    int mid = (lo + hi) >>> 1;
    double left = tree(x, lo, mid);
    double right = tree(x, mid, hi);
    return left * right + Math.exp(0.5 * (left - right));
  }

  /**
   * Scalar recursion whose parameters are reassigned before the call: the reverse sweep must start
   * from their last values, and the adjoint of x comes back from every level.
   */
  @Differentiable
  static double damped(double x, double c, int n) {
    if (n == 0) {
      return x;
    }
    double y = Math.sin(x) * c;
    x = x * 0.9 + y;
    n = n - 1;
    return damped(x, c, n) + 0.1 * x * x;
  }

  /** Mutual recursion: even calls odd, which calls even. */
  @Differentiable
  static double even(double x, int n) {
    if (n == 0) {
      return x;
    }
    return Math.cos(odd(x, n - 1)) * x;
  }

  @Differentiable
  static double odd(double x, int n) {
    if (n == 0) {
      return x * x;
    }
    return even(1.1 * x, n - 1) + x;
  }

  /** The call's value goes into an element of a local array, whose adjoint array the forward sweep made. */
  @Differentiable
  static double pairs(double[] x, int k) {
    double[] t = new double[2];
    t[0] = x[k] * x[k];
    if (k == 0) {
      return t[0];
    }
    t[1] = pairs(x, k - 1);
    return t[0] * Math.tanh(t[1]) + t[1];
  }

  /**
   * A passive array handed to a recursion that differentiates it too: the caller has no adjoint
   * array for it, so the callee's recording sweep makes one, which its reverse sweep takes back.
   */
  @Differentiable(wrt = {"w"})
  static double weightedChain(double[] data, double w) {
    return chain(data, w, data.length - 1);
  }

  @Differentiable
  static double chain(double[] data, double w, int k) {
    if (k < 0) {
      return w;
    }
    double inner = chain(data, w * Math.cos(data[k]), k - 1);
    return inner * data[k] + Math.sin(w);
  }

  /** A recursive void method that writes into its argument: such a call is always reversed jointly. */
  @Differentiable
  static void smoothDown(double[] u, int k) {
    if (k <= 0) {
      return;
    }
    u[k - 1] = 0.5 * (u[k - 1] + Math.sin(u[k]));
    smoothDown(u, k - 1);
  }

  /** A split recursion around a joint call of a mutating callee on a local copy. */
  @Differentiable
  static double smoothedTree(double[] x) {
    double[] u = x.clone();
    smoothDown(u, u.length - 1);
    return tree(u, 0, u.length);
  }
}
