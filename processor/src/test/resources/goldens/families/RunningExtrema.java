package golden;

import dev.adjoint.annotations.Differentiable;

/** Running extrema: only which argument won is kept, not the values. */
public class RunningExtrema {
  @Differentiable
  public static double largest(double[] x) {
    double m = x[0];
    for (int i = 1; i < x.length; i++) {
      m = Math.max(m, x[i] * x[i]);
    }
    return m;
  }

  @Differentiable
  public static double smallestByHand(double[] x) {
    double m = x[0];
    for (int i = 1; i < x.length; i++) {
      if (x[i] < m) {
        m = x[i];
      }
    }
    return m;
  }
}
