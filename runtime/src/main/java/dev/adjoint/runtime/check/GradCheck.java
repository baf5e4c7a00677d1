package dev.adjoint.runtime.check;

import dev.adjoint.runtime.linalg.Vectors;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Gradient checks for users and for tests: central differences, a component-wise comparison, the
 * Taylor-remainder test, and the dot-product test for linear maps.
 *
 * <h2>Central differences</h2>
 *
 * <p>Component {@code i} is {@code (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i)} with
 * {@code h_i = h * max(1, |x_i|)}, where the relative step {@code h} defaults to
 * {@link #DEFAULT_STEP}. The divisor is the step actually taken after rounding
 * {@code x_i ± h_i}, not the nominal one. Each evaluation gets a fresh copy of the point, so a
 * function that mutates its argument does not corrupt the others.
 *
 * <h2>Error measure of {@link #check}</h2>
 *
 * <p>For each component, {@code |fd_i - g_i| / max(|fd_i| + |g_i|, floor)} where
 * {@code floor = φ · max_j(|fd_j| + |g_j|)}. Components within a factor {@code 1/φ} of the
 * largest are thus compared relatively; smaller ones are compared in absolute terms, in units
 * of the largest. This is because central differences carry an absolute error of about
 * {@code ε|f|/h}, so a purely relative test flags every component whose true value is zero. The
 * fraction {@code φ} is {@value #DOUBLE_FLOOR} for double functions and
 * {@value #FLOAT_FLOOR} for float ones, whose finite differences are noisier. A NaN anywhere
 * fails the check.
 *
 * <h2>Float functions</h2>
 *
 * <p>The overloads taking {@code ToDoubleFunction<float[]>} perturb a {@code float[]} point with
 * the larger step {@link #DEFAULT_FLOAT_STEP}, suited to functions computed in single precision.
 * Tolerances of about {@code 1e-3} are appropriate for them.
 */
public final class GradCheck {
  /**
   * The default relative step for double functions, the cube root of the machine epsilon (about
   * 6e-6): it balances the truncation error of central differences, which grows like h², with
   * the rounding error, which grows like ε/h.
   */
  public static final double DEFAULT_STEP = Math.cbrt(Math.ulp(1.0));

  /** The default relative step for float functions: the cube root of float's epsilon (about 5e-3). */
  public static final double DEFAULT_FLOAT_STEP = Math.cbrt(Math.ulp(1.0f));

  /** The floor fraction φ of the error measure for double functions (see the class comment). */
  public static final double DOUBLE_FLOOR = 1e-3;

  /** The floor fraction φ of the error measure for float functions (see the class comment). */
  public static final double FLOAT_FLOOR = 1e-2;

  /** Number of halvings in the default Taylor test. */
  static final int TAYLOR_STEPS = 16;

  /** Remainders below this fraction of |f| are rounding noise (see {@link TaylorResult}). */
  static final double TAYLOR_NOISE = 1e-12;

  /** Seed of the random vectors in the overloads that do not take a {@link Random}: tests stay reproducible. */
  static final long DEFAULT_SEED = 20240613L;

  private GradCheck() {}

  // ---------------------------------------------------------------- central differences

  /** The central-difference gradient of {@code f} at {@code x}, with the default step. */
  public static double[] centralDifference(ToDoubleFunction<double[]> f, double[] x) {
    return centralDifference(f, x, DEFAULT_STEP);
  }

  /**
   * The central-difference gradient of {@code f} at {@code x}, with component steps
   * {@code h * max(1, |x_i|)}.
   */
  public static double[] centralDifference(ToDoubleFunction<double[]> f, double[] x, double h) {
    requirePositive(h);
    double[] fd = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double hi = h * Math.max(1, Math.abs(x[i]));
      double[] plus = x.clone();
      double[] minus = x.clone();
      plus[i] = x[i] + hi;
      minus[i] = x[i] - hi;
      double step = plus[i] - minus[i]; // read before f runs: f may write into its argument
      fd[i] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / step;
    }
    return fd;
  }

  /** The central-difference gradient of a float function, with the default float step. */
  public static double[] centralDifference(ToDoubleFunction<float[]> f, float[] x) {
    return centralDifference(f, x, DEFAULT_FLOAT_STEP);
  }

  /**
   * The central-difference gradient of a float function, with component steps
   * {@code h * max(1, |x_i|)}; the perturbed coordinates are rounded to float, and the divisor is
   * the step that rounding left.
   */
  public static double[] centralDifference(ToDoubleFunction<float[]> f, float[] x, double h) {
    requirePositive(h);
    double[] fd = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double hi = h * Math.max(1, Math.abs(x[i]));
      float[] plus = x.clone();
      float[] minus = x.clone();
      plus[i] = (float) (x[i] + hi);
      minus[i] = (float) (x[i] - hi);
      double step = (double) plus[i] - (double) minus[i]; // read before f runs: f may write into its argument
      fd[i] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / step;
    }
    return fd;
  }

  // ---------------------------------------------------------------- component-wise check

  /**
   * Compares {@code gradient} with the central-difference gradient of {@code f} at {@code x},
   * with the error measure of the class comment.
   */
  public static GradientCheckResult check(
      ToDoubleFunction<double[]> f, double[] x, double[] gradient, double relTol) {
    Vectors.requireLength("gradient", gradient.length, x.length);
    return compare(centralDifference(f, x), gradient.clone(), DOUBLE_FLOOR, relTol);
  }

  /** As {@link #check(ToDoubleFunction, double[], double[], double)}, for a float function. */
  public static GradientCheckResult check(
      ToDoubleFunction<float[]> f, float[] x, float[] gradient, double relTol) {
    Vectors.requireLength("gradient", gradient.length, x.length);
    return compare(centralDifference(f, x), Vectors.toDouble(gradient), FLOAT_FLOOR, relTol);
  }

  /** Runs {@link #check} and throws an {@link AssertionError} with its message when it fails. */
  public static GradientCheckResult assertGradient(
      ToDoubleFunction<double[]> f, double[] x, double[] gradient, double relTol) {
    return requirePassed(check(f, x, gradient, relTol));
  }

  /** Runs the float {@link #check} and throws an {@link AssertionError} with its message when it fails. */
  public static GradientCheckResult assertGradient(
      ToDoubleFunction<float[]> f, float[] x, float[] gradient, double relTol) {
    return requirePassed(check(f, x, gradient, relTol));
  }

  static GradientCheckResult compare(double[] fd, double[] g, double floorFraction, double relTol) {
    if (!(relTol >= 0)) {
      throw new IllegalArgumentException("tolerance must be non-negative, got " + relTol);
    }
    double largest = 0;
    for (int i = 0; i < g.length; i++) {
      double s = Math.abs(fd[i]) + Math.abs(g[i]);
      if (s > largest) { // skips NaN, so that one NaN component does not poison the others' floor
        largest = s;
      }
    }
    double floor = Math.max(floorFraction * largest, Double.MIN_NORMAL);
    double[] errors = new double[g.length];
    double max = g.length == 0 ? 0 : Double.NEGATIVE_INFINITY;
    int worst = -1;
    for (int i = 0; i < g.length; i++) {
      errors[i] = Math.abs(fd[i] - g[i]) / Math.max(Math.abs(fd[i]) + Math.abs(g[i]), floor);
      if (Double.isNaN(errors[i])) {
        if (!Double.isNaN(max)) {
          max = Double.NaN;
          worst = i;
        }
      } else if (errors[i] > max) {
        max = errors[i];
        worst = i;
      }
    }
    return new GradientCheckResult(g, fd, errors, max, worst, relTol, max <= relTol);
  }

  private static GradientCheckResult requirePassed(GradientCheckResult r) {
    if (!r.passed()) {
      throw new AssertionError(r.message());
    }
    return r;
  }

  // ---------------------------------------------------------------- Taylor test

  /**
   * The Taylor-remainder test along {@code direction}, with {@value #TAYLOR_STEPS} steps
   * halving from {@code h0 = 0.01 max(1, |x|∞) / |d|∞}.
   */
  public static TaylorResult taylor(
      ToDoubleFunction<double[]> f, double[] x, double[] gradient, double[] direction) {
    double dMax = Vectors.normInf(direction);
    if (dMax == 0) {
      throw new IllegalArgumentException("the direction is zero");
    }
    double h0 = 1e-2 * Math.max(1, Vectors.normInf(x)) / dMax;
    return taylor(f, x, gradient, direction, h0, TAYLOR_STEPS);
  }

  /**
   * The Taylor-remainder test along {@code direction} with steps {@code h0 / 2^k},
   * {@code k = 0 .. steps-1}; see {@link TaylorResult}.
   */
  public static TaylorResult taylor(ToDoubleFunction<double[]> f, double[] x, double[] gradient,
      double[] direction, double h0, int steps) {
    Vectors.requireLength("gradient", gradient.length, x.length);
    Vectors.requireLength("direction", direction.length, x.length);
    requirePositive(h0);
    if (steps < 2) {
      throw new IllegalArgumentException("need at least 2 steps to observe an order, got " + steps);
    }
    double f0 = f.applyAsDouble(x.clone());
    double slope = Vectors.dot(gradient, direction);
    double[] hs = new double[steps];
    double[] r1 = new double[steps];
    double[] r2 = new double[steps];
    double scale = Math.abs(f0);
    for (int k = 0; k < steps; k++) {
      hs[k] = h0 / Math.pow(2, k);
      double fk = f.applyAsDouble(Vectors.step(x, hs[k], direction));
      scale = Math.max(scale, Math.abs(fk));
      r1[k] = Math.abs(fk - f0);
      r2[k] = Math.abs(fk - f0 - hs[k] * slope);
    }
    double floor = Math.max(TAYLOR_NOISE * scale, Double.MIN_NORMAL);
    return new TaylorResult(hs, r1, r2, observedOrder(r1, floor), observedOrder(r2, floor), floor);
  }

  /** Runs the default {@link #taylor} test and throws an {@link AssertionError} with its table unless it is second order. */
  public static TaylorResult assertTaylor(
      ToDoubleFunction<double[]> f, double[] x, double[] gradient, double[] direction) {
    TaylorResult r = taylor(f, x, gradient, direction);
    if (!r.isSecondOrder()) {
      throw new AssertionError("Taylor test failed: the remainder with the gradient converges at order "
          + r.secondOrderRate() + ", not 2\n" + r.table());
    }
    return r;
  }

  /** Median of log2 ratios of consecutive remainders, over pairs both above the floor. */
  static double observedOrder(double[] r, double floor) {
    double[] orders = new double[r.length - 1];
    int n = 0;
    for (int k = 0; k + 1 < r.length; k++) {
      if (r[k] > floor && r[k + 1] > floor) {
        orders[n++] = Math.log(r[k] / r[k + 1]) / Math.log(2);
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    Arrays.sort(orders, 0, n);
    return n % 2 == 1 ? orders[n / 2] : 0.5 * (orders[n / 2 - 1] + orders[n / 2]);
  }

  // ---------------------------------------------------------------- dot-product test

  /**
   * The dot-product test of a linear map {@code a} against its claimed adjoint {@code adjoint} at
   * given vectors: compares {@code <a(x), y>} with {@code <x, adjoint(y)>}. Complex vectors stored
   * interleaved (re, im) are tested correctly by this real inner product, which is the real part
   * of the complex one.
   */
  public static DotProductResult dotProduct(Function<double[], double[]> a,
      Function<double[], double[]> adjoint, double[] x, double[] y) {
    double[] ax = a.apply(x.clone());
    double[] aty = adjoint.apply(y.clone());
    Vectors.requireLength("a(x)", ax.length, y.length);
    Vectors.requireLength("adjoint(y)", aty.length, x.length);
    double forward = Vectors.dot(ax, y);
    double backward = Vectors.dot(x, aty);
    return new DotProductResult(forward, backward, adjointError(forward, backward, ax, y));
  }

  /**
   * The dot-product test at standard normal vectors {@code x} (of length {@code domainLength})
   * and {@code y} (of the length of {@code a(x)}) drawn from {@code rnd}.
   */
  public static DotProductResult dotProduct(Function<double[], double[]> a,
      Function<double[], double[]> adjoint, int domainLength, Random rnd) {
    double[] x = Vectors.gaussian(domainLength, rnd);
    int rangeLength = a.apply(x.clone()).length;
    double[] y = Vectors.gaussian(rangeLength, rnd);
    return dotProduct(a, adjoint, x, y);
  }

  /**
   * Runs the dot-product test at reproducible random vectors and throws an
   * {@link AssertionError} when the relative error exceeds {@code relTol}.
   */
  public static DotProductResult assertAdjoint(Function<double[], double[]> a,
      Function<double[], double[]> adjoint, int domainLength, double relTol) {
    DotProductResult r = dotProduct(a, adjoint, domainLength, new Random(DEFAULT_SEED));
    if (!r.within(relTol)) {
      throw new AssertionError("dot-product test failed (tolerance " + relTol + "): " + r);
    }
    return r;
  }

  static double adjointError(double forward, double backward, double[] ax, double[] y) {
    double scale = Math.max(Math.max(Math.abs(forward), Math.abs(backward)),
        1e-3 * Vectors.norm2(ax) * Vectors.norm2(y));
    if (scale == 0) {
      return forward == backward ? 0 : Double.POSITIVE_INFINITY;
    }
    return Math.abs(forward - backward) / scale;
  }

  private static void requirePositive(double h) {
    if (!(h > 0) || Double.isInfinite(h)) {
      throw new IllegalArgumentException("step must be positive and finite, got " + h);
    }
  }
}
