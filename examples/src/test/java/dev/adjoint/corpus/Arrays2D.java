package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/** Two-dimensional arrays as parameters, locals and results. */
final class Arrays2D {
  private Arrays2D() {}

  @Differentiable
  static double[] matVec(double[][] m, double[] v) {
    double[] y = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < v.length; j++) {
        y[i] += m[i][j] * v[j];
      }
    }
    return y;
  }

  @Differentiable
  static double[][] matMul(double[][] a, double[][] b) {
    int n = a.length;
    int k = b.length;
    int m = b[0].length;
    double[][] c = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int l = 0; l < k; l++) {
          s += a[i][l] * b[l][j];
        }
        c[i][j] = s;
      }
    }
    return c;
  }

  /** Trace plus a scaled squared Frobenius norm. */
  @Differentiable
  static double traceAndFrobenius(double[][] m, double scale) {
    double tr = 0;
    double fro = 0;
    for (int i = 0; i < m.length; i++) {
      tr += m[i][i];
      for (int j = 0; j < m[0].length; j++) {
        fro += m[i][j] * m[i][j];
      }
    }
    return tr + scale * fro;
  }

  /** Enhanced for over the rows, then over each row, of a ragged matrix. */
  @Differentiable
  static double sumOfRowNorms(double[][] rows) {
    double total = 0;
    for (double[] row : rows) {
      double s = 0;
      for (double v : row) {
        s += v * v;
      }
      total += Math.sqrt(s);
    }
    return total;
  }

  /** Builds a local matrix with new double[n][m], writes it, and reduces it. */
  @Differentiable
  static double outerProductEnergy(double[] u, double[] v) {
    double[][] o = new double[u.length][v.length];
    for (int i = 0; i < u.length; i++) {
      for (int j = 0; j < v.length; j++) {
        o[i][j] = u[i] * v[j];
      }
    }
    double e = 0;
    for (int i = 0; i < o.length; i++) {
      for (int j = 0; j < o[i].length; j++) {
        e += Math.tanh(o[i][j]);
      }
    }
    return e;
  }

  /** Returns a new matrix: the transpose, scaled elementwise by a function of the entries. */
  @Differentiable
  static double[][] transposeSquash(double[][] m, double s) {
    double[][] t = new double[m[0].length][m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        t[j][i] = s * Math.atan(m[i][j]);
      }
    }
    return t;
  }

  /**
   * A matrix written as an initializer of rows holds the rows themselves: the write through
   * {@code m[0]} reaches {@code r}, and each row's adjoint is the matrix row's.
   */
  @Differentiable
  static double rowsInitializer(double[] r, double[][] w, double b) {
    double[] q = {b, b * b};
    double[][] m = {r, w[1], q, new double[2]};
    m[3][0] = b * r[0];
    m[0][1] += b;
    return m[0][0] * m[1][1] + m[2][1] * m[3][0] + r[1] * m[0][1];
  }

  /** A matrix result made of a parameter and a new row. */
  @Differentiable
  static double[][] pairOfRows(double[] r, double b) {
    double[] q = {b * r[0], b};
    return new double[][] {r, q};
  }

  /** Rows written inline, and a copy: each becomes a row of its own, whose adjoint is the matrix row's. */
  @Differentiable
  static double inlineRows(double[] r, double x, double y) {
    double[][] m = {{x, y * x}, r.clone(), r};
    m[1][0] += y;
    return m[0][0] * m[1][0] + m[0][1] * m[2][1] + m[1][1];
  }

  /** A matrix result of an inline row and a chosen one. */
  @Differentiable
  static double[][] inlineResult(double[] r, double[] q, double x) {
    return new double[][] {{x * x, x}, x > 0 ? r : q};
  }
}
