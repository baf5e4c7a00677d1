package dev.adjoint.corpus;

import dev.adjoint.runtime.linalg.Vectors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.runtime.check.GradCheck;
import dev.adjoint.runtime.check.TaylorResult;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.function.Executable;

/** The checks every corpus test applies, on top of {@link GradCheck}. */
final class Checks {
  /** Relative tolerance against central differences, in double precision. */
  static final double DOUBLE_TOL = 1e-6;

  /** Relative tolerance against central differences, in single precision. */
  static final double FLOAT_TOL = 1e-3;

  private Checks() {}

  /** The generated gradient agrees with central differences of f at x. */
  static void gradient(ToDoubleFunction<double[]> f, double[] x, double[] gradient) {
    GradCheck.assertGradient(copying(f), x, gradient, DOUBLE_TOL);
  }

  /** The generated gradient of a single-precision function agrees with central differences. */
  static void gradient(ToDoubleFunction<float[]> f, float[] x, float[] gradient) {
    GradCheck.assertGradient(copyingFloats(f), x, gradient, FLOAT_TOL);
  }

  /**
   * Hands f a copy of each point. GradCheck's central differences divide by the step read back
   * from the perturbed point after f has run, so a function that mutates its argument (as
   * {@link InPlace#smoothParameter} does) would otherwise corrupt the divisor.
   */
  static ToDoubleFunction<double[]> copying(ToDoubleFunction<double[]> f) {
    return x -> f.applyAsDouble(x.clone());
  }

  static ToDoubleFunction<float[]> copyingFloats(ToDoubleFunction<float[]> f) {
    return x -> f.applyAsDouble(x.clone());
  }

  /**
   * The Taylor test along a random direction: the remainder converges at order 2 with the
   * gradient and at order 1 without it.
   */
  static TaylorResult taylor(ToDoubleFunction<double[]> f, double[] x, double[] gradient, long seed) {
    double[] d = gaussian(new Random(seed), x.length);
    TaylorResult r = GradCheck.assertTaylor(copying(f), x, gradient, d);
    assertEquals(2.0, r.secondOrderRate(), 0.1, r::table);
    assertEquals(1.0, r.firstOrderRate(), 0.1, r::table);
    return r;
  }

  /**
   * For an array-valued f, the pullback of a seed agrees with the directional central difference
   * of {@code <seed, f(x + t v)>} along a random v, and with the full central-difference gradient
   * of {@code <seed, f(x)>}.
   */
  static void pullback(Function<double[], double[]> f, double[] x, double[] seed, double[] pullback,
      long rngSeed) {
    double[] v = gaussian(new Random(rngSeed), x.length);
    double directional = GradCheck.centralDifference(
        t -> dot(seed, f.apply(axpy(x, t[0], v))), new double[] {0})[0];
    assertRelativelyClose(directional, dot(pullback, v), DOUBLE_TOL, "directional derivative");
    GradCheck.assertGradient(y -> dot(seed, f.apply(y.clone())), x, pullback, DOUBLE_TOL);
  }

  /** As {@link #pullback(Function, double[], double[], double[], long)}, in single precision. */
  static void pullback(Function<float[], float[]> f, float[] x, float[] seed, float[] pullback,
      long rngSeed) {
    double[] v = gaussian(new Random(rngSeed), x.length);
    double[] x64 = toDouble(x);
    double directional = GradCheck.centralDifference(
        t -> dot(seed, f.apply(toFloat(axpy(x64, t[0], v)))), new double[] {0},
        GradCheck.DEFAULT_FLOAT_STEP)[0];
    assertRelativelyClose(directional, dot(toDouble(pullback), v), FLOAT_TOL, "directional derivative");
    GradCheck.assertGradient(y -> dot(seed, f.apply(y.clone())), x, pullback, FLOAT_TOL);
  }

  /** A public entry point rejects a NaN seed. */
  static void rejectsNaNSeed(Executable pullbackWithNaNSeed) {
    assertThrows(IllegalArgumentException.class, pullbackWithNaNSeed);
  }

  /** Deep copies, to compare against after a gradient call. */
  static Object[] snapshot(Object... arrays) {
    Object[] copy = new Object[arrays.length];
    for (int i = 0; i < arrays.length; i++) {
      copy[i] = deepCopy(arrays[i]);
    }
    return copy;
  }

  /** The arrays hold exactly what they held at the snapshot. */
  static void assertUnchanged(Object[] snapshot, Object... arrays) {
    assertTrue(Arrays.deepEquals(snapshot, arrays), "the gradient call modified an array argument");
  }

  /** The record's components by name, in declaration order. */
  static List<String> components(Class<? extends Record> type) {
    List<String> names = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      names.add(c.getName());
    }
    return names;
  }

  static void assertRelativelyClose(double expected, double actual, double tol, String what) {
    double scale = Math.max(Math.abs(expected), Math.abs(actual));
    assertTrue(Math.abs(expected - actual) <= tol * scale,
        () -> what + ": expected " + expected + " but got " + actual);
  }

  static Object deepCopy(Object a) {
    if (a instanceof double[]) {
      return ((double[]) a).clone();
    }
    if (a instanceof float[]) {
      return ((float[]) a).clone();
    }
    if (a instanceof double[][]) {
      double[][] m = ((double[][]) a).clone();
      for (int i = 0; i < m.length; i++) {
        m[i] = m[i].clone();
      }
      return m;
    }
    if (a instanceof float[][]) {
      float[][] m = ((float[][]) a).clone();
      for (int i = 0; i < m.length; i++) {
        m[i] = m[i].clone();
      }
      return m;
    }
    throw new IllegalArgumentException("not an array: " + a);
  }

  // ---------------------------------------------------------------- random points

  static double[] gaussian(Random rnd, int n) {
    return Vectors.gaussian(n, rnd);
  }

  /** Uniform in [lo, hi). */
  static double[] uniform(Random rnd, int n, double lo, double hi) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = lo + (hi - lo) * rnd.nextDouble();
    }
    return v;
  }

  static double[][] uniform(Random rnd, int rows, int cols, double lo, double hi) {
    double[][] m = new double[rows][];
    for (int i = 0; i < rows; i++) {
      m[i] = uniform(rnd, cols, lo, hi);
    }
    return m;
  }

  static float[] uniformFloats(Random rnd, int n, double lo, double hi) {
    return toFloat(uniform(rnd, n, lo, hi));
  }

  static float[][] uniformFloats(Random rnd, int rows, int cols, double lo, double hi) {
    float[][] m = new float[rows][];
    for (int i = 0; i < rows; i++) {
      m[i] = uniformFloats(rnd, cols, lo, hi);
    }
    return m;
  }

  // ---------------------------------------------------------------- small vector helpers

  static double dot(double[] a, double[] b) {
    return Vectors.dot(a, b);
  }

  static double dot(float[] a, float[] b) {
    return Vectors.dot(a, b);
  }

  static double[] axpy(double[] x, double t, double[] v) {
    return Vectors.step(x, t, v);
  }

  static double[] toDouble(float[] a) {
    return Vectors.toDouble(a);
  }

  static float[] toFloat(double[] a) {
    return Vectors.toFloat(a);
  }
}
