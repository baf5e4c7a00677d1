package dev.adjoint.runtime.optim;

import dev.adjoint.runtime.linalg.Vectors;

/**
 * A line search for the strong Wolfe conditions (Nocedal and Wright, Algorithms 3.5 and 3.6):
 * expand until the minimum along the direction is bracketed, then shrink the bracket by
 * safeguarded cubic interpolation.
 *
 * <p>Sufficient decrease also accepts Hager and Zhang's approximate Wolfe form: a value no more
 * than {@code 1e-10 |f(x)|} above the start, with a slope {@code φ'(α)} between
 * {@code 0.9 φ'(0)} and {@code -0.8 φ'(0)}. Close to a minimum, the Armijo test compares numbers
 * that differ only by rounding and would reject every step, while the slopes still show the
 * progress. The lower bound on the slope keeps it from accepting ever shorter steps along a
 * direction that in truth goes uphill.
 */
final class StrongWolfe {
  /** Armijo constant: any decrease proportional to the predicted one. */
  static final double C1 = 1e-4;

  /** Values this close to the start, relative to it, may differ from it by rounding alone. */
  static final double APPROXIMATE_EPS = 1e-10;
  private static final double APPROXIMATE_SLOPE = 0.8;
  /** The approximate form's bound against steps too short: {@code φ'(α) >= 0.9 φ'(0)}. */
  static final double APPROXIMATE_CURVATURE = 0.9;
  private static final int MAX_EVALUATIONS = 60;
  private static final double EXPANSION = 4;
  /** Interpolated steps keep this fraction of the bracket from either end, so the bracket shrinks. */
  private static final double MARGIN = 0.1;

  private final double c2;

  /** {@code c2}: the curvature constant, 0.9 for quasi-Newton methods, 0.1 for conjugate gradients. */
  StrongWolfe(double c2) {
    this.c2 = c2;
  }

  /** A point on the line {@code x + alpha d}, with the slope there. */
  static final class Trial {
    final double alpha;
    final Point p;
    final double slope;

    Trial(double alpha, Point p, double slope) {
      this.alpha = alpha;
      this.p = p;
      this.slope = slope;
    }
  }

  /** A step along the descent direction {@code d} from {@code start}, first trying {@code alpha0}; null when none is found. */
  Trial search(Evaluations ev, Point start, double[] d, double alpha0) {
    Line line = new Line(ev, start, d);
    if (!(line.slope0 < 0) || !(alpha0 > 0)) {
      return null;
    }
    Trial prev = new Trial(0, start, line.slope0);
    double alpha = alpha0;
    while (line.evaluations < MAX_EVALUATIONS) {
      Trial t = line.at(alpha);
      if (!line.decreases(t) || (prev.alpha > 0 && t.p.f >= prev.p.f)) {
        return zoom(line, prev, t);
      }
      if (Math.abs(t.slope) <= -c2 * line.slope0) {
        return t;
      }
      if (t.slope >= 0) {
        return zoom(line, t, prev);
      }
      prev = t;
      alpha *= EXPANSION;
    }
    return null;
  }

  /** Nocedal and Wright's zoom: {@code lo} decreases enough and is the best so far; the minimum lies between lo and hi. */
  private Trial zoom(Line line, Trial lo, Trial hi) {
    while (line.evaluations < MAX_EVALUATIONS) {
      double width = Math.abs(hi.alpha - lo.alpha);
      if (width <= 1e-15 * Math.max(lo.alpha, hi.alpha)) {
        break;
      }
      Trial t = line.at(interpolate(lo, hi));
      if (!line.decreases(t) || t.p.f >= lo.p.f) {
        hi = t;
      } else {
        if (Math.abs(t.slope) <= -c2 * line.slope0) {
          return t;
        }
        if (t.slope * (hi.alpha - lo.alpha) >= 0) {
          hi = lo;
        }
        lo = t;
      }
    }
    // The bracket collapsed: a point that decreases the objective is still progress, even if its
    // slope is not yet flat enough; the callers guard their updates against it.
    return lo.alpha > 0 ? lo : null;
  }

  /**
   * The Armijo condition, or its approximate form (see the class comment), for a step
   * {@code alpha} from value {@code f0} and slope {@code slope0 < 0} to value {@code f} and slope
   * {@code slope}. Never true for a non-finite value.
   */
  static boolean sufficientDecrease(double f0, double slope0, double alpha, double f, double slope) {
    if (!Double.isFinite(f) || !Double.isFinite(slope)) {
      return false;
    }
    return f <= f0 + C1 * alpha * slope0
        || (f <= f0 + APPROXIMATE_EPS * Math.abs(f0)
            && slope <= -APPROXIMATE_SLOPE * slope0
            && slope >= APPROXIMATE_CURVATURE * slope0);
  }

  /**
   * The next trial inside the bracket: where the slope vanishes by the secant rule when the
   * slopes at the ends differ in sign, else the minimiser of the cubic that matches values and
   * slopes at both ends. The secant uses gradients alone, so it stays accurate near a minimum,
   * where the values differ only by rounding; on a quadratic both are exact.
   */
  static double interpolate(Trial lo, Trial hi) {
    double a = Math.min(lo.alpha, hi.alpha);
    double b = Math.max(lo.alpha, hi.alpha);
    double low = a + MARGIN * (b - a);
    double high = b - MARGIN * (b - a);
    if (!Double.isFinite(hi.p.f) || !Double.isFinite(hi.slope)) {
      return 0.5 * (lo.alpha + hi.alpha);
    }
    double c = lo.slope * hi.slope < 0
        ? secant(lo.alpha, lo.slope, hi.alpha, hi.slope)
        : cubicMinimizer(lo.alpha, lo.p.f, lo.slope, hi.alpha, hi.p.f, hi.slope);
    if (!Double.isFinite(c)) {
      return 0.5 * (lo.alpha + hi.alpha);
    }
    return Math.min(Math.max(c, low), high);
  }

  /** Where the line through the slopes {@code (a, da)} and {@code (b, db)} crosses zero. */
  static double secant(double a, double da, double b, double db) {
    return a - da * (b - a) / (db - da);
  }

  /** Nocedal and Wright, equation (3.59). */
  static double cubicMinimizer(double a, double fa, double da, double b, double fb, double db) {
    double d1 = da + db - 3 * (fa - fb) / (a - b);
    double disc = d1 * d1 - da * db;
    if (disc < 0) {
      return Double.NaN;
    }
    double d2 = Math.signum(b - a) * Math.sqrt(disc);
    return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
  }

  /** The objective restricted to the search line. */
  private static final class Line {
    final Evaluations ev;
    final Point start;
    final double[] d;
    final double slope0;
    int evaluations;

    Line(Evaluations ev, Point start, double[] d) {
      this.ev = ev;
      this.start = start;
      this.d = d;
      this.slope0 = Vectors.dot(start.g, d);
    }

    Trial at(double alpha) {
      evaluations++;
      Point p = ev.evaluate(Vectors.step(start.x, alpha, d));
      return new Trial(alpha, p, Vectors.dot(p.g, d));
    }

    boolean decreases(Trial t) {
      return sufficientDecrease(start.f, slope0, t.alpha, t.p.f, t.slope);
    }
  }
}
