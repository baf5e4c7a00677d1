package golden;

import dev.adjoint.annotations.Differentiable;

/** In-place overwrites, a mutated parameter array and two time levels swapped by reference. */
public class ArraysAndSwaps {
  @Differentiable
  public static void smoothInPlace(double[] u, double k) {
    for (int i = 1; i < u.length - 1; i++) {
      u[i] = u[i] + k * (u[i - 1] - 2 * u[i] + u[i + 1]);
    }
  }

  @Differentiable
  public static double leapfrog(double[] u0, double c, int steps) {
    double[] u = u0.clone();
    double[] prev = u0.clone();
    double[] next = new double[u.length];
    for (int t = 0; t < steps; t++) {
      for (int i = 1; i < u.length - 1; i++) {
        next[i] = 2 * u[i] - prev[i] + c * (u[i - 1] - 2 * u[i] + u[i + 1]);
      }
      double[] tmp = prev;
      prev = u;
      u = next;
      next = tmp;
    }
    return u[u.length / 2];
  }

  @Differentiable
  public static double grid(double[][] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        s += a[i][j] * a[i][j] * (i + 1);
      }
    }
    return s;
  }
}
