package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.annotations.Differentiable;

/**
 * GradBench's {@code ode} eval (from cmpad): {@code s} steps of the classic fourth-order
 * Runge-Kutta method from y = 0 to t = 2 for {@code y0' = x0, yi' = xi y(i-1)}.
 */
public final class Ode {
  private Ode() {}

  @Differentiable
  public static double[] rungeKutta(double[] x, int s) {
    int n = x.length;
    double h = 2.0 / s;
    double[] y = new double[n];
    double[] yTmp = new double[n];
    double[] k1 = new double[n];
    double[] k2 = new double[n];
    double[] k3 = new double[n];
    double[] k4 = new double[n];
    for (int step = 0; step < s; step++) {
      derivative(x, y, k1);
      for (int i = 0; i < n; i++) {
        yTmp[i] = y[i] + h * k1[i] / 2;
      }
      derivative(x, yTmp, k2);
      for (int i = 0; i < n; i++) {
        yTmp[i] = y[i] + h * k2[i] / 2;
      }
      derivative(x, yTmp, k3);
      for (int i = 0; i < n; i++) {
        yTmp[i] = y[i] + h * k3[i];
      }
      derivative(x, yTmp, k4);
      for (int i = 0; i < n; i++) {
        y[i] += h * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) / 6;
      }
    }
    return y;
  }

  /** {@code z = f(x, y)}: {@code z0 = x0} and {@code zi = xi y(i-1)}. */
  @Differentiable
  static void derivative(double[] x, double[] y, double[] z) {
    z[0] = x[0];
    for (int i = 1; i < x.length; i++) {
      z[i] = x[i] * y[i - 1];
    }
  }
}
