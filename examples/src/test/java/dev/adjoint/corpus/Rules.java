package dev.adjoint.corpus;

import dev.adjoint.annotations.CustomRule;
import dev.adjoint.annotations.Differentiable;
import dev.adjoint.runtime.fft.Fft;
import dev.adjoint.runtime.linalg.Linalg;
import dev.adjoint.runtime.linop.LinearOperator;
import dev.adjoint.runtime.linop.LinearOperators;

/**
 * Calls of methods with custom rules: the runtime's (FFTs, a linear solve, a linear operator) and a
 * rule written here. Their tangents use the rules' pushforward forms, and the corpus-wide tangent
 * test checks each against its gradient (which uses the pullback forms) and central differences.
 */
final class Rules {
  private Rules() {}

  private static final LinearOperator BLUR = LinearOperators.matrix(new double[][] {
      {0.5, 0.25, 0, 0}, {0.25, 0.5, 0.25, 0}, {0, 0.25, 0.5, 0.25}, {0, 0, 0.25, 0.5}});

  /** log(1 + e^x), through its rules. */
  static double softplus(double x) {
    return Math.log1p(Math.exp(x));
  }

  @CustomRule(of = "softplus")
  static double softplusPullback(double x, double dy) {
    return dy / (1 + Math.exp(-x));
  }

  @CustomRule(of = "softplus", form = CustomRule.Form.PUSHFORWARD)
  static double softplusPushforward(double x, double xDot) {
    return xDot / (1 + Math.exp(-x));
  }

  /** The spectrum's energy weighted by frequency, through the complex transform and back. */
  @Differentiable
  static double spectralEnergy(double[] z) {
    double[] f = Fft.forward(z);
    double s = 0;
    for (int k = 0; k < f.length; k++) {
      s += (k + 1) * f[k] * f[k];
    }
    double[] back = Fft.inverse(f);
    return s + back[0] * z[z.length - 1];
  }

  /** A low-pass filter by the real transforms (on a copy of the spectrum), then a cubic. */
  @Differentiable
  static double lowPass(double[] x) {
    double[] h = Fft.realForward(x).clone();
    for (int k = h.length / 2; k < h.length; k++) {
      h[k] = 0;
    }
    double[] y = Fft.realInverse(h, x.length);
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += y[i] * y[i] * y[i];
    }
    return s;
  }

  /** A solve with a matrix built from the parameters. */
  @Differentiable
  static double solved(double[] b, double shift) {
    int n = b.length;
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      a[i][i] = 4 + shift * shift;
      if (i > 0) {
        a[i][i - 1] = b[i] * 0.5;
      }
    }
    double[] x = Linalg.solve(a, b);
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[i] * Math.sin(x[i]);
    }
    return s;
  }

  /** An operator applied to the input, then squared. */
  @Differentiable
  static double blurred(double[] x) {
    double[] y = BLUR.apply(x);
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += y[i] * y[i];
    }
    return s;
  }

  /** A rule's value used in a product: the tangent needs both the rule's tangent and its value. */
  @Differentiable
  static double smoothed(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += softplus(x[i]) * x[i];
    }
    return s;
  }
}
