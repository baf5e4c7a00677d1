package golden;

import dev.adjoint.annotations.Differentiable;

/** break, continue and return from inside loops and branches. */
public class EarlyExit {
  @Differentiable
  public static double firstAbove(double[] x, double c) {
    for (int i = 0; i < x.length; i++) {
      if (x[i] * c > 1) {
        return Math.exp(x[i] * c);
      }
    }
    return c * c;
  }

  @Differentiable
  public static double skipAndStop(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] < 0) {
        continue;
      }
      if (s > 10) {
        break;
      }
      s = s + x[i] * x[i];
    }
    return s;
  }
}
