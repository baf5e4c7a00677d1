package dev.adjoint.benchmarks.gradbench.evals;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The gradient-descent solver that GradBench's {@code particle} and {@code saddle} specify (after
 * Pearlmutter and Siskind): start with step {@code eta = 1e-5}; stop when the gradient's norm or
 * the step's length is at most 1e-5; take a step only when it lowers the objective, halving
 * {@code eta} otherwise; double {@code eta} after every 10 accepted steps. Deliberately not a
 * better solver: the evals compare tools on this one.
 *
 * <p>This is the outer solver, run on plain doubles. The inner one, which the outer derivatives go
 * through, is the same algorithm written inside the differentiable methods of {@link Saddle}.
 */
final class GradientDescent {
  static final double TOLERANCE = 1e-5;
  static final double FIRST_STEP = 1e-5;

  private GradientDescent() {}

  /** The point where the descent on f (with gradient g) from x0 stops. */
  static double[] argmin(ToDoubleFunction<double[]> f, Function<double[], double[]> g, double[] x0) {
    double[] x = x0.clone();
    double fx = f.applyAsDouble(x);
    double[] gx = g.apply(x);
    double eta = FIRST_STEP;
    int accepted = 0;
    while (true) {
      if (norm(gx) <= TOLERANCE) {
        return x;
      } else if (accepted == 10) {
        eta *= 2;
        accepted = 0;
      } else {
        double[] next = new double[x.length];
        for (int j = 0; j < x.length; j++) {
          next[j] = x[j] - eta * gx[j];
        }
        if (distance(x, next) <= TOLERANCE) {
          return x;
        }
        double fNext = f.applyAsDouble(next);
        if (fNext < fx) {
          x = next;
          fx = fNext;
          gx = g.apply(x);
          accepted++;
        } else {
          eta /= 2;
          accepted = 0;
        }
      }
    }
  }

  /** The argmin of -f, with gradient -g. */
  static double[] argmax(ToDoubleFunction<double[]> f, Function<double[], double[]> g, double[] x0) {
    return argmin(x -> -f.applyAsDouble(x), x -> {
      double[] d = g.apply(x);
      for (int j = 0; j < d.length; j++) {
        d[j] = -d[j];
      }
      return d;
    }, x0);
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double e : v) {
      s += e * e;
    }
    return Math.sqrt(s);
  }

  private static double distance(double[] u, double[] v) {
    double s = 0;
    for (int i = 0; i < u.length; i++) {
      s += (u[i] - v[i]) * (u[i] - v[i]);
    }
    return Math.sqrt(s);
  }
}
