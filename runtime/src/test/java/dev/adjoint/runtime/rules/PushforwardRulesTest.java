package dev.adjoint.runtime.rules;

import static dev.adjoint.runtime.Fixtures.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.adjoint.runtime.check.ArrayPullback;
import dev.adjoint.runtime.check.ArrayPushforward;
import dev.adjoint.runtime.check.PushforwardCheck;
import dev.adjoint.runtime.fft.Fft;
import dev.adjoint.runtime.linalg.Linalg;
import dev.adjoint.runtime.linop.LinearOperator;
import dev.adjoint.runtime.linop.LinearOperators;
import dev.adjoint.runtime.tape.Shadows;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runtime's pushforward rules, each against central differences of its function and, by the
 * dot-product test, against the pullback rule of the same function: the forward and reverse modes
 * of generated code that calls them then agree.
 */
class PushforwardRulesTest {
  private static final double DIFFERENCES = 1e-7;
  private static final double ADJOINTNESS = 1e-12;

  private static void check(Function<double[], double[]> f, ArrayPushforward pushforward, ArrayPullback pullback,
      double[] x) {
    PushforwardCheck.assertPushforward(f, pushforward, pullback, x, DIFFERENCES, ADJOINTNESS);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 6, 7})
  void complexTransforms(int n) {
    double[] x = gaussian(2 * n, n);
    check(Fft::forward, Fft::forwardPushforward, Fft::forwardPullback, x);
    check(Fft::inverse, Fft::inversePushforward, Fft::inversePullback, x);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 8})
  void realTransforms(int n) {
    check(Fft::realForward, Fft::realForwardPushforward, Fft::realForwardPullback, gaussian(n, n));
    // the imaginary parts of the k = 0 (and even n's k = n/2) terms are ignored: a zero tangent
    check(s -> Fft.realInverse(s, n), (s, sDot) -> Fft.realInversePushforward(s, n, sDot),
        (s, dy, sBar) -> Fft.realInversePullback(s, n, dy, sBar), gaussian(2 * (n / 2 + 1), n + 1));
  }

  /** solve(a, b) on the flat vector (a row by row, then b). */
  @Test
  void solve() {
    int n = 4;
    double[] v = gaussian(n * n + n, 3);
    for (int i = 0; i < n; i++) {
      v[i * n + i] += 5; // well conditioned
    }
    check(w -> Linalg.solve(matrix(w, n), vector(w, n)),
        (w, wDot) -> Linalg.solvePushforward(matrix(w, n), vector(w, n), matrix(wDot, n), vector(wDot, n)),
        (w, dy, wBar) -> {
          double[][] aBar = new double[n][n];
          double[] bBar = new double[n];
          Linalg.solvePullback(matrix(w, n), vector(w, n), dy, aBar, bBar);
          double[] flat = flatten(aBar, bBar);
          for (int i = 0; i < flat.length; i++) {
            wBar[i] += flat[i];
          }
        }, v);
  }

  @Test
  void solveTakesNullTangentsAsZero() {
    double[][] a = {{3, 1}, {1, 2}};
    double[] b = {1, -1};
    double[] bDot = {0.5, 0.25};
    assertArrayEquals(Linalg.solve(a, bDot), Linalg.solvePushforward(a, b, null, bDot), 1e-15);
    assertArrayEquals(new double[2], Linalg.solvePushforward(a, b, null, null));
    assertThrows(IllegalArgumentException.class, () -> Linalg.solvePushforward(a, b, null, new double[3]));
  }

  @Test
  void linearOperators() {
    LinearOperator a = LinearOperators.matrix(new double[][] {{1, 2, 0}, {0, -1, 3}});
    check(a::apply, (x, xDot) -> LinearOperator.applyPushforward(a, x, xDot),
        (x, dy, xBar) -> LinearOperator.applyPullback(a, x, dy, xBar), gaussian(3, 4));
    check(a::applyAdjoint, (y, yDot) -> LinearOperator.applyAdjointPushforward(a, y, yDot),
        (y, dx, yBar) -> LinearOperator.applyAdjointPullback(a, y, dx, yBar), gaussian(2, 5));
  }

  @Test
  void zerosLikeHasAZeroTangentShapedLikeItsArgument() {
    double[][] m = {{1, 2}, {3}};
    double[][] dot = Shadows.zerosLikePushforward(m, new double[][] {{7, 7}, {7}});
    assertArrayEquals(new double[2], dot[0]);
    assertArrayEquals(new double[1], dot[1]);
    assertArrayEquals(new float[3], Shadows.zerosLikePushforward(new float[] {1, 2, 3}, null));
  }

  /** The check itself: a pushforward off by 1% fails both halves. */
  @Test
  void aWrongPushforwardFails() {
    double[] x = gaussian(8, 9);
    PushforwardCheck.Result r = PushforwardCheck.check(Fft::forward, (z, zDot) -> {
      double[] t = Fft.forwardPushforward(z, zDot);
      t[0] *= 1.01;
      return t;
    }, Fft::forwardPullback, x, 3, new Random(11));
    assertFalse(r.passed(DIFFERENCES, ADJOINTNESS), r.toString());
    assertFalse(r.adjointness().within(ADJOINTNESS), r.toString());
  }

  private static double[][] matrix(double[] flat, int n) {
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * n, a[i], 0, n);
    }
    return a;
  }

  private static double[] vector(double[] flat, int n) {
    return java.util.Arrays.copyOfRange(flat, n * n, n * n + n);
  }

  private static double[] flatten(double[][] a, double[] b) {
    int n = b.length;
    double[] flat = new double[n * n + n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, flat, i * n, n);
    }
    System.arraycopy(b, 0, flat, n * n, n);
    return flat;
  }
}
