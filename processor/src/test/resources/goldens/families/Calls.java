package golden;

import dev.adjoint.annotations.Differentiable;

/** Calls of differentiable methods: a scalar helper, a helper that writes an array, recursion. */
public class Calls {
  @Differentiable
  static double square(double v) {
    return v * v;
  }

  @Differentiable
  static void scale(double[] a, double s) {
    for (int i = 0; i < a.length; i++) {
      a[i] = a[i] * s;
    }
  }

  @Differentiable
  public static double caller(double[] x, double s) {
    double[] w = x.clone();
    scale(w, s);
    double t = 0;
    for (int i = 0; i < w.length; i++) {
      t += square(w[i]);
    }
    return t;
  }

  @Differentiable
  public static double power(double x, int n) {
    if (n == 0) {
      return 1;
    }
    return x * power(x, n - 1);
  }
}
