package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Dense Hessians of polynomials, column by column from Hessian-vector products, against the closed forms. */
class PolynomialsTest {
  @Test
  void theCubicsHessian() {
    double x = 0.7;
    double y = -1.3;
    double[][] h = PolynomialsAdjointAdjoint.cubicHessian(x, y);
    double[][] exact = {{2 * y, 2 * x + 9 * y * y}, {2 * x + 9 * y * y, 18 * x * y - 4}};
    assertEqual(exact, h);
  }

  @Test
  void aCyclicChainsHessian() {
    double[] a = {0.5, -1.25, 2.0, 0.75, -0.3};
    int n = a.length;
    double[][] exact = new double[n][n];
    for (int j = 0; j < n; j++) {
      exact[j][j] += 2 * a[(j + 1) % n];
      exact[j][(j + 1) % n] += 2 * a[j];
      exact[(j + 1) % n][j] += 2 * a[j];
    }
    assertEqual(exact, PolynomialsAdjointAdjoint.chainHessian(a));
  }

  @Test
  void aQuarticWithAScalarParameter() {
    double[] x = {0.4, -0.9, 1.1};
    double c = 2.5;
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    double[][] exact = new double[4][4];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        exact[i][j] = 8 * x[i] * x[j] + (i == j ? 4 * s : 0);
      }
    }
    exact[0][1] += c;
    exact[1][0] += c;
    exact[0][3] = exact[3][0] = x[1];
    exact[1][3] = exact[3][1] = x[0];
    assertEqual(exact, PolynomialsAdjointAdjoint.quarticHessian(x, c));
  }

  private static void assertEqual(double[][] exact, double[][] h) {
    for (int i = 0; i < exact.length; i++) {
      double[] row = exact[i];
      assertArrayEquals(row, h[i], 1e-12 * (1 + java.util.Arrays.stream(row).map(Math::abs).max().orElse(0)), "row " + i);
    }
  }
}
