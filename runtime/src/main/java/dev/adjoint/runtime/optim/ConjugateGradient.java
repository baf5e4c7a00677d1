package dev.adjoint.runtime.optim;

import dev.adjoint.runtime.linalg.Vectors;

/**
 * Nonlinear conjugate gradients with Hager and Zhang's update (CG_DESCENT, 2006), which is
 * Optim.jl's default {@code ConjugateGradient()}:
 *
 * <pre>
 *   y = g' - g,   beta = max( (y - 2 d |y|^2 / d.y) . g' / d.y,   -1 / (|d| min(0.4, |g|)) )
 *   d' = -g' + beta d
 * </pre>
 *
 * <p>Steps satisfy the strong Wolfe conditions with {@code c2 = 0.1}. The first trial step is
 * Hager and Zhang's: a quadratic fitted through {@code f(x)}, the slope there, and one value at
 * {@code 0.2} times the previous step (1 at the start). On a quadratic objective that trial is
 * the exact minimiser along the line, so the method reproduces linear CG and finishes in at most
 * {@code n} iterations; when the fit is off (as near a minimum, where values differ only by
 * rounding), one secant step on the slopes restores a nearly exact line minimum. The direction
 * restarts as steepest descent whenever it stops being a descent direction or its line search
 * fails.
 */
public final class ConjugateGradient implements Optimizer {
  private static final double ETA = 0.4;
  private static final double PSI1 = 0.2;
  private static final double PSI2 = 2;
  private static final double PSI3 = 0.1;
  private static final double C2 = 0.1;
  /** Accepted slopes above this fraction of the initial one get a secant polish. */
  private static final double POLISH = 1e-6;
  private static final int MAX_PROBE_SHRINKS = 50;

  /** Conjugate gradients with the settings of Hager and Zhang's paper. */
  public ConjugateGradient() {}

  @Override
  public Result minimize(Objective objective, double[] x0, Options options) {
    return Driver.run("Conjugate gradient (Hager-Zhang)", objective, x0, options, Steps::new);
  }

  private static final class Steps implements Stepper {
    private final Evaluations ev;
    private final StrongWolfe lineSearch = new StrongWolfe(C2);
    private double[] d;
    private double alphaPrevious = 1;

    Steps(Evaluations ev) {
      this.ev = ev;
    }

    @Override
    public Point next(Point p) {
      boolean steepest = d == null || !(Vectors.dot(p.g, d) < 0);
      if (steepest) {
        d = Vectors.negate(p.g);
      }
      StrongWolfe.Trial t = lineSearch.search(ev, p, d, initialStep(p));
      if (t == null && !steepest) {
        d = Vectors.negate(p.g);
        t = lineSearch.search(ev, p, d, initialStep(p));
      }
      if (t == null) {
        return null;
      }
      t = polish(p, t);
      alphaPrevious = t.alpha;
      d = nextDirection(p.g, t.p.g, d);
      return t.p;
    }

    /**
     * One secant step on the slopes at 0 and at the accepted step, taken when the accepted slope
     * is not yet flat. Conjugacy, and with it finite termination on quadratics, needs nearly
     * exact line minimisation, which the strong Wolfe test with c2 = 0.1 does not demand; on a
     * quadratic this one step is exact. It is kept only if it is itself acceptable and flatter.
     */
    private StrongWolfe.Trial polish(Point p, StrongWolfe.Trial t) {
      double slope0 = Vectors.dot(p.g, d);
      if (Math.abs(t.slope) <= POLISH * Math.abs(slope0)) {
        return t;
      }
      double alpha = StrongWolfe.secant(0, slope0, t.alpha, t.slope);
      if (!(alpha > 0) || Double.isInfinite(alpha)) {
        return t;
      }
      Point u = ev.evaluate(Vectors.step(p.x, alpha, d));
      double slope = Vectors.dot(u.g, d);
      boolean better = StrongWolfe.sufficientDecrease(p.f, slope0, alpha, u.f, slope)
          && Math.abs(slope) < Math.abs(t.slope);
      return better ? new StrongWolfe.Trial(alpha, u, slope) : t;
    }

    private static double[] nextDirection(double[] g, double[] gNew, double[] d) {
      double[] y = Vectors.difference(gNew, g);
      double dy = Vectors.dot(d, y);
      if (!(dy > 0)) {
        return Vectors.negate(gNew);
      }
      double betaN = (Vectors.dot(y, gNew) - 2 * Vectors.dot(y, y) * Vectors.dot(d, gNew) / dy) / dy;
      double eta = -1 / (Vectors.norm2(d) * Math.min(ETA, Vectors.norm2(g)));
      double beta = Math.max(betaN, eta);
      double[] next = Vectors.negate(gNew);
      Vectors.axpy(beta, d, next);
      return next;
    }

    /** Hager and Zhang's steps I1 and I2: a quadratic fit through one probe value. */
    private double initialStep(Point p) {
      double slope = Vectors.dot(p.g, d);
      double test = PSI1 * alphaPrevious;
      double ft = ev.value(Vectors.step(p.x, test, d));
      for (int i = 0; !Double.isFinite(ft) && i < MAX_PROBE_SHRINKS; i++) {
        test *= PSI3;
        ft = ev.value(Vectors.step(p.x, test, d));
      }
      double curvature = ((ft - p.f) / test - slope) / test;
      if (Double.isFinite(curvature) && curvature > 0 && ft <= p.f) {
        return -slope / (2 * curvature);
      }
      return ft > p.f || !Double.isFinite(ft) ? test : PSI2 * alphaPrevious;
    }
  }
}
