package golden;

import dev.adjoint.annotations.Differentiable;

/** Counted loops up, down, nested and triangular; a while loop; a loop whose trip count is a double. */
public class Loops {
  @Differentiable
  public static double upAndDown(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s = s * 0.5 + Math.sin(x[i]);
    }
    for (int i = x.length - 1; i >= 0; i -= 2) {
      s = s * x[i];
    }
    return s;
  }

  @Differentiable
  public static double triangle(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j <= i; j++) {
        s += x[i] * x[j];
      }
    }
    return s;
  }

  @Differentiable
  public static double untilSmall(double x, double tol) {
    double y = x;
    int k = 0;
    while (Math.abs(y) > tol && k < 100) {
      y = y * 0.5 + Math.cos(y) * 0.1;
      k++;
    }
    return y;
  }
}
