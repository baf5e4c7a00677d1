package dev.adjoint.runtime.optim;

import dev.adjoint.runtime.linalg.Vectors;
import java.util.Arrays;

/**
 * Steepest descent with a backtracking (Armijo) line search. Each iteration first tries twice
 * the previous step, so the step length adapts upwards as well as down, then backtracks by
 * safeguarded interpolation. Near a minimum, where values differ only by rounding, Hager and
 * Zhang's approximate Wolfe test accepts steps and the slopes steer the search. Slow on
 * ill-conditioned problems; it is here as the baseline the other methods are measured against.
 */
public final class GradientDescent implements Optimizer {
  private static final int MAX_BACKTRACKS = 60;

  /** Gradient descent has no settings. */
  public GradientDescent() {}

  @Override
  public Result minimize(Objective objective, double[] x0, Options options) {
    return Driver.run("Gradient descent (Armijo backtracking)", objective, x0, options, Steps::new);
  }

  private static final class Steps implements Stepper {
    private final Evaluations ev;
    private double alpha = Double.NaN;

    Steps(Evaluations ev) {
      this.ev = ev;
    }

    @Override
    public Point next(Point p) {
      double[] d = Vectors.negate(p.g);
      double slope = Vectors.dot(p.g, d);
      double a = Double.isNaN(alpha) ? Math.min(1, 1 / Vectors.normInf(p.g)) : 2 * alpha;
      for (int i = 0; i < MAX_BACKTRACKS; i++) {
        double[] x = Vectors.step(p.x, a, d);
        if (Arrays.equals(x, p.x)) {
          // The step no longer moves x: any "decrease" now would be rounding, not progress.
          return null;
        }
        Point t = ev.evaluate(x);
        double slopeAt = Vectors.dot(t.g, d);
        if (StrongWolfe.sufficientDecrease(p.f, slope, a, t.f, slopeAt)) {
          alpha = a;
          return t;
        }
        boolean roundingOnly = t.f <= p.f + StrongWolfe.APPROXIMATE_EPS * Math.abs(p.f);
        if (roundingOnly && slopeAt < StrongWolfe.APPROXIMATE_CURVATURE * slope) {
          // The value test failed on rounding while the slopes say the step is too short:
          // shrinking could never succeed, so move towards where the slope vanishes instead.
          a = lengthen(a, slope, slopeAt);
        } else {
          a = backtrack(a, p.f, slope, t.f, slopeAt);
        }
      }
      return null;
    }

    /** A longer trial step: the secant on the slopes, between 2 and 10 times the current one. */
    private static double lengthen(double a, double slope, double slopeAt) {
      double s = StrongWolfe.secant(0, slope, a, slopeAt);
      return Double.isFinite(s) ? Math.min(Math.max(s, 2 * a), 10 * a) : 2 * a;
    }

    /**
     * A shorter trial step. Past the line minimum (the slope has turned positive) the secant on
     * the slopes finds it from gradients alone, which stays accurate when the values differ only
     * by rounding; otherwise the minimiser of the quadratic through f(0), f'(0) and f(a). Either
     * is kept well inside (0, a) so the step surely shrinks.
     */
    private static double backtrack(double a, double f0, double slope, double fa, double slopeAt) {
      if (Double.isFinite(fa) && slopeAt > 0) {
        double s = StrongWolfe.secant(0, slope, a, slopeAt);
        return Math.min(Math.max(s, 0.1 * a), 0.9 * a);
      }
      double q = -slope * a * a / (2 * (fa - f0 - slope * a));
      if (!Double.isFinite(q)) {
        return 0.1 * a;
      }
      return Math.min(Math.max(q, 0.1 * a), 0.5 * a);
    }
  }
}
