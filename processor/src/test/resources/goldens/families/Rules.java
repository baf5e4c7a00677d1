package golden;

import dev.adjoint.annotations.CustomRule;
import dev.adjoint.annotations.Differentiable;

/** A hand-written pullback for a scalar function and one for an array function. */
public class Rules {
  static double softplus(double x) {
    return Math.log1p(Math.exp(x));
  }

  @CustomRule(of = "softplus")
  static double softplusPullback(double x, double dy) {
    return dy / (1 + Math.exp(-x));
  }

  static double norm(double[] v) {
    double s = 0;
    for (double e : v) {
      s += e * e;
    }
    return Math.sqrt(s);
  }

  @CustomRule(of = "norm")
  static void normPullback(double[] v, double dy, double[] vBar) {
    double n = norm(v);
    for (int i = 0; i < v.length; i++) {
      vBar[i] += dy * v[i] / n;
    }
  }

  @Differentiable
  public static double loss(double[] v, double b) {
    return softplus(norm(v) - b);
  }
}
