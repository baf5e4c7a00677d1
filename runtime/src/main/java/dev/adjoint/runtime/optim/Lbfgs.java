package dev.adjoint.runtime.optim;

import dev.adjoint.runtime.linalg.Vectors;

/**
 * Limited-memory BFGS: the two-loop recursion over the last {@code m} steps and gradient
 * changes, with the initial inverse Hessian scaled by {@code s.y / y.y} of the newest pair, and
 * strong-Wolfe steps ({@code c2 = 0.9}) that try the quasi-Newton step 1 first. Pairs with too
 * little curvature ({@code s.y <= 1e-10 |s| |y|}) are skipped, which keeps the implied inverse
 * Hessian positive definite. The memory restarts when the direction is not a descent direction
 * or its line search fails.
 */
public final class Lbfgs implements Optimizer {
  /** The memory used by {@link #Lbfgs()}, as in Optim.jl. */
  public static final int DEFAULT_MEMORY = 10;

  private static final double C2 = 0.9;
  private static final double CURVATURE_FLOOR = 1e-10;

  private final int memory;

  /** L-BFGS with memory {@value #DEFAULT_MEMORY}. */
  public Lbfgs() {
    this(DEFAULT_MEMORY);
  }

  /** L-BFGS remembering the last {@code memory} (step, gradient change) pairs. */
  public Lbfgs(int memory) {
    if (memory < 1) {
      throw new IllegalArgumentException("memory must be at least 1, got " + memory);
    }
    this.memory = memory;
  }

  /** How many pairs it remembers. */
  public int memory() {
    return memory;
  }

  @Override
  public Result minimize(Objective objective, double[] x0, Options options) {
    return Driver.run("L-BFGS (m = " + memory + ")", objective, x0, options, ev -> new Steps(ev, memory));
  }

  private static final class Steps implements Stepper {
    private final Evaluations ev;
    private final StrongWolfe lineSearch = new StrongWolfe(C2);
    private final double[][] s;
    private final double[][] y;
    private final double[] rho;
    private int count;
    private int newest = -1;

    Steps(Evaluations ev, int memory) {
      this.ev = ev;
      this.s = new double[memory][];
      this.y = new double[memory][];
      this.rho = new double[memory];
    }

    @Override
    public Point next(Point p) {
      double[] d = direction(p.g);
      if (count == 0 || !(Vectors.dot(d, p.g) < 0)) {
        count = 0;
        d = Vectors.negate(p.g);
      }
      StrongWolfe.Trial t = lineSearch.search(ev, p, d, firstStep(p));
      if (t == null && count > 0) {
        count = 0;
        d = Vectors.negate(p.g);
        t = lineSearch.search(ev, p, d, firstStep(p));
      }
      if (t == null) {
        return null;
      }
      remember(Vectors.difference(t.p.x, p.x), Vectors.difference(t.p.g, p.g));
      return t.p;
    }

    /** Without curvature information the gradient has no scale, so the first step moves each coordinate at most 1. */
    private double firstStep(Point p) {
      return count > 0 ? 1 : Math.min(1, 1 / Vectors.normInf(p.g));
    }

    private void remember(double[] sk, double[] yk) {
      double sy = Vectors.dot(sk, yk);
      if (!(sy > CURVATURE_FLOOR * Vectors.norm2(sk) * Vectors.norm2(yk))) {
        return;
      }
      newest = (newest + 1) % s.length;
      s[newest] = sk;
      y[newest] = yk;
      rho[newest] = 1 / sy;
      count = Math.min(count + 1, s.length);
    }

    /** The two-loop recursion: {@code -H g} for the implied inverse Hessian H. */
    private double[] direction(double[] g) {
      double[] q = g.clone();
      if (count == 0) {
        return Vectors.negate(q);
      }
      double[] a = new double[s.length];
      for (int k = 0; k < count; k++) {
        int i = Math.floorMod(newest - k, s.length);
        a[i] = rho[i] * Vectors.dot(s[i], q);
        Vectors.axpy(-a[i], y[i], q);
      }
      double gamma = Vectors.dot(s[newest], y[newest]) / Vectors.dot(y[newest], y[newest]);
      for (int j = 0; j < q.length; j++) {
        q[j] *= gamma;
      }
      for (int k = count - 1; k >= 0; k--) {
        int i = Math.floorMod(newest - k, s.length);
        double b = rho[i] * Vectors.dot(y[i], q);
        Vectors.axpy(a[i] - b, s[i], q);
      }
      return Vectors.negate(q);
    }
  }
}
