package dev.adjoint.runtime.check;

import dev.adjoint.runtime.linalg.Vectors;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Tests for hand-written pullbacks ({@code @CustomRule} methods), in the spirit of
 * ChainRulesTestUtils' {@code test_rrule}.
 *
 * <p>{@link #check} draws random directions {@code dx} and seeds {@code dy} and compares the
 * pullback with a central difference of the primal along {@code dx}:
 *
 * <pre>
 *   &lt;pullback(x, dy), dx&gt;   vs   &lt;(f(x + h dx) - f(x - h dx)) / 2h, dy&gt;
 * </pre>
 *
 * <p>with {@code h = } {@link GradCheck#DEFAULT_STEP}{@code · max(1, |x|∞) / |dx|∞}. The relative
 * error is taken against the larger of the two products, but never against less than
 * {@code 1e-3} times the product of the vectors' norms, so a chance near-orthogonality cannot
 * inflate it. It also checks the ABI: the pullback must <em>add</em> into {@code xBar} (each
 * trial starts it from random values) and must leave {@code x} and {@code dy} unchanged.
 *
 * <p>Rules of several arguments are tested by wrapping them in lambdas over one flat input. For a
 * linear rule, {@link #dotProduct} checks the pullback exactly, without finite differences.
 */
public final class RuleCheck {
  /** Random (direction, seed) pairs per check in the short overloads. */
  public static final int DEFAULT_TRIALS = 5;

  /** Tolerance of the short overloads; central differences are typically good to 1e-9 here. */
  public static final double DEFAULT_TOLERANCE = 1e-6;

  /** How closely a second call must reproduce the first for the pullback to count as accumulating. */
  private static final double REPEAT_TOLERANCE = 1e-10;

  private RuleCheck() {}

  // ---------------------------------------------------------------- array-valued functions

  /** Checks the pullback of an array-valued {@code f} at {@code x} with the defaults. */
  public static RuleCheckResult check(Function<double[], double[]> f, ArrayPullback pullback, double[] x) {
    return check(f, pullback, x, DEFAULT_TRIALS, DEFAULT_TOLERANCE, new Random(GradCheck.DEFAULT_SEED));
  }

  /**
   * Checks the pullback of an array-valued {@code f} at {@code x} over {@code trials} random
   * (direction, seed) pairs drawn from {@code rnd}.
   */
  public static RuleCheckResult check(Function<double[], double[]> f, ArrayPullback pullback, double[] x,
      int trials, double relTol, Random rnd) {
    return check(f, pullback, x, trials, relTol, rnd, GradCheck.DEFAULT_STEP);
  }

  /**
   * Like {@link #check(Function, ArrayPullback, double[], int, double, Random)}, with the central
   * difference's step {@code h = relativeStep max(1, |x|∞) / |dx|∞}. Rules computed in float (a
   * propagator, say) need a larger step than the double default, such as 1e-3; for a linear rule
   * any step is exact up to rounding, so a step of 1 keeps rounding smallest.
   */
  public static RuleCheckResult check(Function<double[], double[]> f, ArrayPullback pullback, double[] x,
      int trials, double relTol, Random rnd, double relativeStep) {
    if (!(relativeStep > 0) || !Double.isFinite(relativeStep)) {
      throw new IllegalArgumentException("the relative step must be positive and finite, got " + relativeStep);
    }
    if (trials < 1) {
      throw new IllegalArgumentException("need at least one trial, got " + trials);
    }
    int n = x.length;
    int m = f.apply(x.clone()).length;
    double max = 0;
    int worst = 0;
    double worstLhs = 0;
    double worstRhs = 0;
    boolean accumulates = true;
    boolean preserves = true;
    for (int t = 0; t < trials; t++) {
      double[] dx = Vectors.gaussian(n, rnd);
      double[] dy = Vectors.gaussian(m, rnd);
      double[] jvp = directionalDerivative(f, x, dx, relativeStep);
      Vectors.requireLength("f(x + h dx)", jvp.length, m);

      double[] fresh = new double[n];
      double[] xCopy = x.clone();
      double[] dyCopy = dy.clone();
      pullback.accumulate(xCopy, dyCopy, fresh);
      preserves &= Arrays.equals(xCopy, x) && Arrays.equals(dyCopy, dy);

      double[] start = Vectors.gaussian(n, rnd);
      double[] into = start.clone();
      pullback.accumulate(x.clone(), dy.clone(), into);
      accumulates &= addedTheSame(start, into, fresh);

      double lhs = Vectors.dot(fresh, dx);
      double rhs = Vectors.dot(jvp, dy);
      double scale = Math.max(Math.max(Math.abs(lhs), Math.abs(rhs)),
          1e-3 * Math.max(Vectors.norm2(fresh) * Vectors.norm2(dx), Vectors.norm2(jvp) * Vectors.norm2(dy)));
      double err = scale == 0 ? 0 : Math.abs(lhs - rhs) / scale;
      if (Double.isNaN(err) || err > max) {
        max = Double.isNaN(err) ? Double.NaN : err;
        worst = t;
        worstLhs = lhs;
        worstRhs = rhs;
        if (Double.isNaN(err)) {
          break;
        }
      }
    }
    boolean passed = max <= relTol && accumulates && preserves;
    return new RuleCheckResult(max, worst, worstLhs, worstRhs, trials, relTol, accumulates, preserves, passed);
  }

  /** Runs the default {@link #check} and throws an {@link AssertionError} with its message when it fails. */
  public static RuleCheckResult assertRule(Function<double[], double[]> f, ArrayPullback pullback, double[] x) {
    return requirePassed(check(f, pullback, x));
  }

  /** Runs {@link #check} with the given tolerance and throws an {@link AssertionError} when it fails. */
  public static RuleCheckResult assertRule(
      Function<double[], double[]> f, ArrayPullback pullback, double[] x, double relTol) {
    return requirePassed(check(f, pullback, x, DEFAULT_TRIALS, relTol, new Random(GradCheck.DEFAULT_SEED)));
  }

  // ---------------------------------------------------------------- scalar-valued functions

  /** Checks the pullback of a scalar-valued {@code f} at {@code x} with the defaults. */
  public static RuleCheckResult checkScalar(ToDoubleFunction<double[]> f, ScalarPullback pullback, double[] x) {
    return checkScalar(f, pullback, x, DEFAULT_TRIALS, DEFAULT_TOLERANCE, new Random(GradCheck.DEFAULT_SEED));
  }

  /** Checks the pullback of a scalar-valued {@code f}, as {@link #check} does for array-valued ones. */
  public static RuleCheckResult checkScalar(ToDoubleFunction<double[]> f, ScalarPullback pullback, double[] x,
      int trials, double relTol, Random rnd) {
    return check(v -> new double[] {f.applyAsDouble(v)},
        (v, dy, vBar) -> pullback.accumulate(v, dy[0], vBar), x, trials, relTol, rnd);
  }

  /** Runs the default {@link #checkScalar} and throws an {@link AssertionError} when it fails. */
  public static RuleCheckResult assertScalarRule(ToDoubleFunction<double[]> f, ScalarPullback pullback, double[] x) {
    return requirePassed(checkScalar(f, pullback, x));
  }

  // ---------------------------------------------------------------- linear rules

  /**
   * The dot-product test of a linear {@code f} against its pullback taken at {@code x}:
   * {@code <f(u), v>} vs {@code <pullback(x, v), u>} for standard normal {@code u} and {@code v}.
   * Exact up to rounding, so tolerances like {@code 1e-12} apply.
   */
  public static DotProductResult dotProduct(
      Function<double[], double[]> f, ArrayPullback pullback, double[] x, Random rnd) {
    return GradCheck.dotProduct(f, dy -> {
      double[] xBar = new double[x.length];
      pullback.accumulate(x.clone(), dy, xBar);
      return xBar;
    }, x.length, rnd);
  }

  /** Runs {@link #dotProduct} at reproducible vectors and throws an {@link AssertionError} beyond {@code relTol}. */
  public static DotProductResult assertLinearRule(
      Function<double[], double[]> f, ArrayPullback pullback, double[] x, double relTol) {
    DotProductResult r = dotProduct(f, pullback, x, new Random(GradCheck.DEFAULT_SEED));
    if (!r.within(relTol)) {
      throw new AssertionError("dot-product test of the rule failed (tolerance " + relTol + "): " + r);
    }
    return r;
  }

  // ---------------------------------------------------------------- helpers

  static double[] directionalDerivative(Function<double[], double[]> f, double[] x, double[] dx, double relativeStep) {
    double dMax = Vectors.normInf(dx);
    if (dMax == 0) {
      return new double[f.apply(x.clone()).length];
    }
    double h = relativeStep * Math.max(1, Vectors.normInf(x)) / dMax;
    double[] plus = f.apply(Vectors.step(x, h, dx));
    double[] minus = f.apply(Vectors.step(x, -h, dx));
    Vectors.requireSameLength(plus, minus);
    double[] d = new double[plus.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = (plus[i] - minus[i]) / (2 * h);
    }
    return d;
  }

  /** Whether {@code into - start} equals {@code fresh}, up to the rounding that adding to {@code start} causes. */
  private static boolean addedTheSame(double[] start, double[] into, double[] fresh) {
    double scale = Vectors.normInf(fresh);
    for (int i = 0; i < start.length; i++) {
      double added = into[i] - start[i];
      double allowed = REPEAT_TOLERANCE * (Math.abs(start[i]) + Math.abs(fresh[i]) + scale);
      if (!(Math.abs(added - fresh[i]) <= allowed)) {
        return false;
      }
    }
    return true;
  }

  private static RuleCheckResult requirePassed(RuleCheckResult r) {
    if (!r.passed()) {
      throw new AssertionError(r.message());
    }
    return r;
  }
}
