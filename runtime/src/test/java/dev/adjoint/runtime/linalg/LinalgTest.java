package dev.adjoint.runtime.linalg;

import static dev.adjoint.runtime.Fixtures.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.runtime.Fixtures;
import dev.adjoint.runtime.check.ArrayPullback;
import dev.adjoint.runtime.check.GradCheck;
import dev.adjoint.runtime.check.RuleCheck;
import dev.adjoint.runtime.check.RuleCheckResult;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LinalgTest {

  static double[][] randomMatrix(int n, long seed) {
    Random rnd = new Random(seed);
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = rnd.nextGaussian();
      }
      a[i][i] += n; // comfortably non-singular
    }
    return a;
  }

  static double[] multiply(double[][] a, double[] x) {
    double[] y = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < x.length; j++) {
        y[i] += a[i][j] * x[j];
      }
    }
    return y;
  }

  static double[][] copy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  @Test
  void solveRecoversAKnownSolution() {
    double[][] a = randomMatrix(12, 1);
    double[] x = gaussian(12, 2);
    assertArrayEquals(x, Linalg.solve(a, multiply(a, x)), 1e-13);
  }

  @Test
  void solveNeedsPivoting() {
    // A zero in the top-left corner defeats LU without row exchanges.
    double[][] a = {{0, 1}, {1, 0}};
    assertArrayEquals(new double[] {3, 2}, Linalg.solve(a, new double[] {2, 3}), 0.0);
  }

  @Test
  void solveLeavesItsArgumentsUnchanged() {
    double[][] a = randomMatrix(5, 3);
    double[] b = gaussian(5, 4);
    double[][] a0 = copy(a);
    double[] b0 = b.clone();
    Linalg.solve(a, b);
    Linalg.solvePullback(a, b, gaussian(5, 5), new double[5][5], new double[5]);
    for (int i = 0; i < 5; i++) {
      assertArrayEquals(a0[i], a[i], 0.0);
    }
    assertArrayEquals(b0, b, 0.0);
  }

  @Test
  void shapeMismatchesAreRejected() {
    double[][] square = randomMatrix(3, 6);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Linalg.solve(square, new double[4]));
    assertTrue(e.getMessage().contains("b has length 4 but A is 3x3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Linalg.solve(new double[][] {{1, 2, 3}, {4, 5, 6}}, new double[2]));
    assertTrue(e.getMessage().contains("square"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Linalg.solve(new double[][] {{1, 2}, {3}}, new double[2]));
    assertThrows(IllegalArgumentException.class, () -> Linalg.solve(new double[0][0], new double[0]));
    assertThrows(IllegalArgumentException.class,
        () -> Linalg.solvePullback(square, new double[3], new double[2], null, new double[3]));
    assertThrows(IllegalArgumentException.class,
        () -> Linalg.solvePullback(square, new double[3], new double[3], new double[3][2], null));
  }

  @Test
  void singularMatricesAreRejected() {
    double[][] rankOne = {{1, 2, 3}, {2, 4, 6}, {0, 1, 1}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Linalg.solve(rankOne, new double[] {1, 2, 3}));
    assertTrue(e.getMessage().contains("singular"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Linalg.solve(new double[][] {{0, 0}, {0, 0}}, new double[2]));
  }

  @Test
  void singularityTestIsScaleInvariant() {
    double[][] tiny = {{1e-200, 0}, {0, 2e-200}};
    assertArrayEquals(new double[] {1, 1}, Linalg.solve(tiny, new double[] {1e-200, 2e-200}), 1e-15);
  }

  /** solve as a function of one flat input: the n*n entries of A row by row, then b. */
  static Function<double[], double[]> flatSolve(int n) {
    return v -> Linalg.solve(unflattenA(v, n), java.util.Arrays.copyOfRange(v, n * n, n * n + n));
  }

  static double[][] unflattenA(double[] v, int n) {
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(v, i * n, a[i], 0, n);
    }
    return a;
  }

  /** The rule on the flat input; the adjoints start from vBar's contents, so accumulation is tested too. */
  static ArrayPullback flatPullback(int n, boolean wantA, boolean wantB) {
    return (v, dy, vBar) -> {
      double[][] aBar = wantA ? unflattenA(vBar, n) : null;
      double[] bBar = wantB ? java.util.Arrays.copyOfRange(vBar, n * n, n * n + n) : null;
      Linalg.solvePullback(unflattenA(v, n), java.util.Arrays.copyOfRange(v, n * n, n * n + n), dy, aBar, bBar);
      if (wantA) {
        for (int i = 0; i < n; i++) {
          System.arraycopy(aBar[i], 0, vBar, i * n, n);
        }
      }
      if (wantB) {
        System.arraycopy(bBar, 0, vBar, n * n, n);
      }
    };
  }

  static double[] flatPoint(int n, long seed) {
    double[][] a = randomMatrix(n, seed);
    double[] v = new double[n * n + n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, v, i * n, n);
    }
    System.arraycopy(gaussian(n, seed + 1), 0, v, n * n, n);
    return v;
  }

  @Test
  void ruleMatchesFiniteDifferencesInBothArguments() {
    for (int n : new int[] {1, 2, 5, 8}) {
      RuleCheckResult r = RuleCheck.check(flatSolve(n), flatPullback(n, true, true), flatPoint(n, 10 + n));
      assertTrue(r.passed(), "n = " + n + ": " + r);
    }
  }

  @Test
  void ruleSkipsANullAdjointButStillGivesTheOther() {
    int n = 4;
    double[] v = flatPoint(n, 20);
    double[] dy = gaussian(n, 21);
    double[] both = new double[n * n + n];
    flatPullback(n, true, true).accumulate(v, dy, both);
    double[] onlyB = new double[n * n + n];
    flatPullback(n, false, true).accumulate(v, dy, onlyB);
    double[] onlyA = new double[n * n + n];
    flatPullback(n, true, false).accumulate(v, dy, onlyA);
    for (int i = 0; i < n * n; i++) {
      assertEquals(both[i], onlyA[i], 0.0);
      assertEquals(0.0, onlyB[i], 0.0);
    }
    for (int i = n * n; i < both.length; i++) {
      assertEquals(both[i], onlyB[i], 0.0);
      assertEquals(0.0, onlyA[i], 0.0);
    }
    Linalg.solvePullback(unflattenA(v, n), new double[n], dy, null, null); // nothing to do, no failure
  }

  @Test
  void rhsAdjointIsTheTransposedSolve() {
    double[][] a = randomMatrix(6, 30);
    double[] dy = gaussian(6, 31);
    double[] bBar = new double[6];
    Linalg.solvePullback(a, gaussian(6, 32), dy, null, bBar);
    double[][] at = new double[6][6];
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 6; j++) {
        at[i][j] = a[j][i];
      }
    }
    assertArrayEquals(dy, multiply(at, bBar), 1e-13);
  }

  // ---------------------------------------------------------------- the Zygote post's finite-difference Poisson solver

  static final int NX = 64;
  static final double DX = 2 * Math.PI / NX;

  /** Periodic second difference with the first row pinned to phi_0 = 0, so the system is non-singular. */
  static double[][] laplacian() {
    double[][] a = new double[NX][NX];
    a[0][0] = 1;
    for (int i = 1; i < NX; i++) {
      a[i][i] = -2 / (DX * DX);
      a[i][(i + 1) % NX] = 1 / (DX * DX);
      a[i][(i - 1 + NX) % NX] = 1 / (DX * DX);
    }
    return a;
  }

  static double[] rhs(double[] rho) {
    double[] y = rho.clone();
    y[0] = 0;
    return y;
  }

  static double energy(double[] rho) {
    return Fixtures.spread(Linalg.solve(laplacian(), rhs(rho)));
  }

  @Test
  void gradientThroughTheFiniteDifferencePoissonSolver() {
    double[] rho = new double[NX];
    for (int i = 0; i < NX; i++) {
      double x = i * DX - Math.PI;
      rho[i] = -Math.exp(-x * x / (2 * 0.0625)) * (0.0625 - x * x) / (0.0625 * 0.0625) * 0.4;
    }
    double[][] a = laplacian();
    double[] y = rhs(rho);
    double[] phiBar = Fixtures.spreadGradient(Linalg.solve(a, y));
    double[] yBar = new double[NX];
    double[][] aBar = new double[NX][NX];
    Linalg.solvePullback(a, y, phiBar, aBar, yBar);
    double[] rhoBar = yBar.clone();
    rhoBar[0] = 0; // y_0 is pinned, so rho_0 does not reach the solution
    GradCheck.assertGradient(LinalgTest::energy, rho, rhoBar, 1e-6);
  }
}
