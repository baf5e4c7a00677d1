package dev.adjoint.runtime.linalg;

import dev.adjoint.annotations.CustomRule;
import dev.adjoint.runtime.rules.Rrule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.linsol.lu.LinearSolverLu_DDRM;

/**
 * Dense linear algebra through EJML, as pure functions with custom rules, so that code calling
 * them differentiates.
 *
 * <p>{@link #solve} is Julia's {@code A \ b} for a square {@code A}: an LU factorisation with
 * partial pivoting. Its rule is the standard one: with {@code x = A \ b} and
 * {@code λ = A^{-T} dy}, {@code bBar += λ} and {@code aBar -= λ x^T}.
 */
public final class Linalg {
  private Linalg() {}

  /**
   * The solution {@code x} of {@code a x = b}, as a fresh array; {@code a} and {@code b} are left
   * unchanged.
   *
   * @throws IllegalArgumentException if {@code a} is not square, {@code b} does not match it, or
   *     {@code a} is singular to working precision
   */
  public static double[] solve(double[][] a, double[] b) {
    int n = requireSystem(a, b);
    return luSolve(new DMatrixRMaj(a), b, n, "A");
  }

  /**
   * The rule of {@link #solve}, in the stateful form: the forward run factorises {@code a} once and
   * keeps the factors and the solution, so the pullback needs only two triangular solves with the
   * same factors for {@code λ = a^{-T} dy}; it adds {@code λ} into {@code bBar} and {@code -λ x^T}
   * into {@code aBar} (adjoint arrays in that order; either may be null, and its work is skipped).
   */
  @CustomRule(of = "solve")
  public static Rrule<double[]> solveRrule(double[][] a, double[] b) {
    int n = requireSystem(a, b);
    Factors lu = factorise(new DMatrixRMaj(a), n, "A");
    double[] x = lu.solve(b);
    return Rrule.of(x.clone(), (dy, adjoints) -> {
      double[][] aBar = (double[][]) adjoints[0];
      double[] bBar = (double[]) adjoints[1];
      if (aBar == null && bBar == null) {
        return null;
      }
      requireLength("dy", dy, n);
      if (bBar != null) {
        requireLength("bBar", bBar, n);
      }
      if (aBar != null) {
        requireSquare("aBar", aBar, n);
      }
      double[] lambda = lu.solveTransposed(dy);
      if (bBar != null) {
        for (int i = 0; i < n; i++) {
          bBar[i] += lambda[i];
        }
      }
      if (aBar != null) {
        for (int i = 0; i < n; i++) {
          double li = lambda[i];
          double[] row = aBar[i];
          for (int j = 0; j < n; j++) {
            row[j] -= li * x[j];
          }
        }
      }
      return null;
    });
  }

  /**
   * The pushforward of {@link #solve}: differentiating {@code a x = b} gives
   * {@code a xDot = bDot - aDot x}, one more solve with the same factors. A null tangent is zero.
   */
  @CustomRule(of = "solve", form = CustomRule.Form.PUSHFORWARD)
  public static double[] solvePushforward(double[][] a, double[] b, double[][] aDot, double[] bDot) {
    int n = requireSystem(a, b);
    Factors lu = factorise(new DMatrixRMaj(a), n, "A");
    double[] x = lu.solve(b);
    double[] rhs = new double[n];
    if (bDot != null) {
      requireLength("bDot", bDot, n);
      System.arraycopy(bDot, 0, rhs, 0, n);
    }
    if (aDot != null) {
      requireSquare("aDot", aDot, n);
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++) {
          s += aDot[i][j] * x[j];
        }
        rhs[i] -= s;
      }
    }
    return lu.solve(rhs);
  }

  /**
   * The pullback of {@link #solve} in the ABI's plain form (it factorises again, since it gets only
   * the primal arguments): with {@code x = a \ b} and {@code λ = a^{-T} dy}, adds {@code λ} into
   * {@code bBar} and {@code -λ x^T} into {@code aBar}; either may be null.
   */
  public static void solvePullback(double[][] a, double[] b, double[] dy, double[][] aBar, double[] bBar) {
    if (aBar == null && bBar == null) {
      return;
    }
    solveRrule(a, b).pullback(dy, aBar, bBar);
  }

  /** An LU factorisation with partial pivoting, PA = LU, and solves with it and with its transpose. */
  private record Factors(DMatrixRMaj lu, int[] pivot, int n) {
    double[] solve(double[] b) {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        double s = b[pivot[i]];
        for (int k = 0; k < i; k++) {
          s -= lu.unsafe_get(i, k) * y[k];
        }
        y[i] = s;
      }
      for (int i = n - 1; i >= 0; i--) {
        double s = y[i];
        for (int k = i + 1; k < n; k++) {
          s -= lu.unsafe_get(i, k) * y[k];
        }
        y[i] = s / lu.unsafe_get(i, i);
      }
      return y;
    }

    /** A^T λ = dy with A = P^T L U: U^T w = dy, then L^T z = w, then λ[pivot[i]] = z[i]. */
    double[] solveTransposed(double[] dy) {
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        double s = dy[i];
        for (int k = 0; k < i; k++) {
          s -= lu.unsafe_get(k, i) * w[k];
        }
        w[i] = s / lu.unsafe_get(i, i);
      }
      for (int i = n - 1; i >= 0; i--) {
        double s = w[i];
        for (int k = i + 1; k < n; k++) {
          s -= lu.unsafe_get(k, i) * w[k];
        }
        w[i] = s;
      }
      double[] lambda = new double[n];
      for (int i = 0; i < n; i++) {
        lambda[pivot[i]] = w[i];
      }
      return lambda;
    }
  }

  /** Factorises with EJML's LU and rejects singular matrices (see {@link #luSolve}). */
  private static Factors factorise(DMatrixRMaj a, int n, String name) {
    LUDecompositionAlt_DDRM lu = new LUDecompositionAlt_DDRM();
    if (!lu.decompose(a)) {
      throw new IllegalArgumentException(name + " could not be factorised (" + n + "x" + n + ")");
    }
    requireNonsingular(lu.getLU(), n, name);
    return new Factors(lu.getLU(), lu.getRowPivotV(null), n);
  }

  /**
   * Solves with EJML's LU and rejects a factorisation whose pivots span more than
   * {@code 1 / (n ε)}: relative to the largest pivot, so scaling A does not change the verdict,
   * unlike EJML's own absolute test.
   */
  private static double[] luSolve(DMatrixRMaj a, double[] rhs, int n, String name) {
    LUDecompositionAlt_DDRM lu = new LUDecompositionAlt_DDRM();
    LinearSolverLu_DDRM solver = new LinearSolverLu_DDRM(lu);
    if (!solver.setA(a)) {
      throw new IllegalArgumentException(name + " could not be factorised (" + n + "x" + n + ")");
    }
    requireNonsingular(lu.getLU(), n, name);
    DMatrixRMaj x = new DMatrixRMaj(n, 1);
    solver.solve(DMatrixRMaj.wrap(n, 1, rhs.clone()), x);
    return x.getData();
  }

  private static void requireNonsingular(DMatrixRMaj factors, int n, String name) {
    double smallest = Double.POSITIVE_INFINITY;
    double largest = 0;
    for (int i = 0; i < n; i++) {
      double p = Math.abs(factors.get(i, i));
      smallest = Math.min(smallest, p);
      largest = Math.max(largest, p);
    }
    if (!(smallest > n * Math.ulp(1.0) * largest) || !Double.isFinite(largest)) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "%s is singular to working precision: LU pivots range from %.3e to %.3e", name, smallest, largest));
    }
  }

  private static int requireSystem(double[][] a, double[] b) {
    if (a == null || b == null) {
      throw new IllegalArgumentException("solve needs a matrix and a right-hand side, got "
          + (a == null ? "a null matrix" : "a null right-hand side"));
    }
    int n = a.length;
    if (n == 0) {
      throw new IllegalArgumentException("A has no rows");
    }
    requireSquare("A", a, n);
    if (b.length != n) {
      throw new IllegalArgumentException("b has length " + b.length + " but A is " + n + "x" + n);
    }
    return n;
  }

  private static void requireSquare(String name, double[][] m, int n) {
    if (m.length != n) {
      throw new IllegalArgumentException(name + " has " + m.length + " rows but must be " + n + "x" + n);
    }
    for (int i = 0; i < n; i++) {
      if (m[i] == null || m[i].length != n) {
        throw new IllegalArgumentException(name + " must be square (" + n + "x" + n + "), but row " + i
            + " has " + (m[i] == null ? "no entries (null)" : m[i].length + " entries"));
      }
    }
  }

  private static void requireLength(String name, double[] v, int n) {
    if (v.length != n) {
      throw new IllegalArgumentException(name + " has length " + v.length + " but the system has size " + n);
    }
  }
}
