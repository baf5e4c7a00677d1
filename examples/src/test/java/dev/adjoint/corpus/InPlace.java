package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/** Code that mutates arrays in place: parameters, locals, time-level buffers and void callees. */
final class InPlace {
  private InPlace() {}

  /** A void callee that scales its argument in place. */
  @Differentiable
  static void scaleInPlace(double[] a, double s) {
    for (int i = 0; i < a.length; i++) {
      a[i] *= s;
    }
  }

  /** A void callee that adds the outer product u v^T into g. */
  @Differentiable
  static void addOuterInPlace(double[][] g, double[] u, double[] v) {
    for (int i = 0; i < g.length; i++) {
      for (int j = 0; j < g[i].length; j++) {
        g[i][j] += u[i] * v[j];
      }
    }
  }

  /** Smooths its own parameter in place, pass after pass, then returns the sum of squares. */
  @Differentiable
  static double smoothParameter(double[] a, int passes) {
    for (int p = 0; p < passes; p++) {
      for (int i = 0; i + 1 < a.length; i++) {
        a[i] = 0.5 * (a[i] + a[i + 1]) + 0.1 * a[i] * a[i];
      }
    }
    double s = 0;
    for (double v : a) {
      s += v * v;
    }
    return s;
  }

  /** Mutates a parameter array through a void callee, then reads it. */
  @Differentiable
  static double scaleThenNorm(double[] a, double s) {
    scaleInPlace(a, s);
    scaleInPlace(a, s + 1);
    double n = 0;
    for (int i = 0; i < a.length; i++) {
      n += a[i] * a[i] * (i + 1);
    }
    return n;
  }

  /** Copies into a local, reverses it in place by swapping elements, and weights it. */
  @Differentiable
  static double reverseLocal(double[] a, double[] w) {
    double[] b = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i];
    }
    for (int i = 0; i < b.length / 2; i++) {
      int j = b.length - 1 - i;
      double t = b[i];
      b[i] = b[j];
      b[j] = t;
    }
    double s = 0;
    for (int i = 0; i < b.length; i++) {
      s += w[i] * b[i] * b[i] + b[i] * a[i];
    }
    return s;
  }

  /** Explicit heat equation u_t = kappa u_xx, periodic, swapping two time-level buffers. */
  @Differentiable
  static double heat1D(double[] u0, double kappa, int steps) {
    int n = u0.length;
    double[] u = new double[n];
    double[] un = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = u0[i];
    }
    for (int t = 0; t < steps; t++) {
      Stencil.step(u, un, kappa);
      double[] tmp = u;
      u = un;
      un = tmp;
    }
    double e = 0;
    for (int i = 0; i < n; i++) {
      e += u[i] * u[i] * (i + 1);
    }
    return e;
  }

  /** A nonlinear 2-D diffusion step with double[][] buffers that swap each step. */
  @Differentiable
  static double heat2D(double[][] u0, double alpha, int steps) {
    int n = u0.length;
    int m = u0[0].length;
    double[][] u = new double[n][m];
    double[][] un = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        u[i][j] = u0[i][j];
      }
    }
    for (int t = 0; t < steps; t++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
          double lap = u[Stencil.wrap(i + 1, n)][j] + u[Stencil.wrap(i - 1, n)][j]
              + u[i][Stencil.wrap(j + 1, m)] + u[i][Stencil.wrap(j - 1, m)] - 4 * u[i][j];
          un[i][j] = u[i][j] + alpha * (1 + u[i][j] * u[i][j]) * lap;
        }
      }
      double[][] tmp = u;
      u = un;
      un = tmp;
    }
    double e = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        e += u[i][j] * u[i][j] * (1 + i + 2 * j);
      }
    }
    return e;
  }

  /** Accumulates outer products into a local matrix through a void callee. */
  @Differentiable
  static double gramEnergy(double[] u, double[] v) {
    double[][] g = new double[u.length][v.length];
    addOuterInPlace(g, u, v);
    addOuterInPlace(g, v, u);
    double e = 0;
    for (int i = 0; i < g.length; i++) {
      for (int j = 0; j < g[i].length; j++) {
        e += g[i][j] * g[i][j];
      }
    }
    return e;
  }

  /** Stencils in a nested class, whose adjoints land in {@code InPlace_StencilAdjoint}. */
  static final class Stencil {
    private Stencil() {}

    /** Writes one explicit heat step of u into out (periodic). */
    @Differentiable
    static void step(double[] u, double[] out, double kappa) {
      int n = u.length;
      for (int i = 0; i < n; i++) {
        out[i] = u[i] + kappa * (u[wrap(i + 1, n)] - 2 * u[i] + u[wrap(i - 1, n)]);
      }
    }

    /** A periodic index; not differentiable. */
    static int wrap(int i, int n) {
      return (i % n + n) % n;
    }

    /** The squared residual of a three-point Laplacian, sum (u[i-1] - 2u[i] + u[i+1] - f[i])^2. */
    @Differentiable
    static double residual(double[] u, double[] f) {
      double r = 0;
      for (int i = 1; i + 1 < u.length; i++) {
        double d = u[i - 1] - 2 * u[i] + u[i + 1] - f[i];
        r += d * d;
      }
      return r;
    }
  }

  /** A local work array filled whole, then read, in every iteration (checkpointed per iteration). */
  @Differentiable
  static double workArraySweeps(double[] x, int count) {
    double[] w = new double[x.length];
    double s = 0;
    for (int t = 0; t < count; t++) {
      for (int i = 0; i < w.length; i++) {
        w[i] = Math.sin(x[i] * (t + 1)) + 0.1 * s;
      }
      for (int i = 0; i < w.length; i++) {
        s += w[i] * w[i] * x[i];
      }
    }
    return s;
  }

  /** The same with the work array passed in: the adjoint must leave it as it found it. */
  @Differentiable(wrt = {"x"})
  static double callerWorkArraySweeps(double[] x, double[] w, int count) {
    double s = 0;
    for (int t = 0; t < count; t++) {
      for (int i = 0; i < w.length; i++) {
        w[i] = Math.cos(x[i] + t) * x[i];
      }
      for (int i = 0; i < w.length; i++) {
        s += w[i] * w[i];
      }
    }
    return s;
  }

  /** A recurrence reads the work array while filling it, so the per-element records stay. */
  @Differentiable
  static double recurrenceSweeps(double[] x, int count) {
    double[] w = new double[x.length];
    double s = 0;
    for (int t = 0; t < count; t++) {
      for (int i = 0; i < w.length; i++) {
        w[i] = Math.cos(x[i] + t) * x[i];
      }
      for (int i = 1; i < w.length; i++) {
        w[i] += 0.5 * w[i - 1] * w[i];
      }
      for (int i = 0; i < w.length; i++) {
        s += w[i] * w[i];
      }
    }
    return s;
  }

  /** Heun's method for y' = x * shift(y): each stage loop fills the work array whole (saved as a block). */
  @Differentiable
  static double heunSteps(double[] x, int steps) {
    int n = x.length;
    double h = 1.0 / steps;
    double[] y = new double[n];
    double[] stage = new double[n];
    for (int t = 0; t < steps; t++) {
      for (int i = 0; i < n; i++) {
        stage[i] = y[i] + h * x[i] * (i == 0 ? 1 : y[i - 1]);
      }
      for (int i = 0; i < n; i++) {
        y[i] += 0.5 * h * (x[i] * (i == 0 ? 1 : y[i - 1]) + x[i] * (i == 0 ? 1 : stage[i - 1]));
      }
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += y[i] * y[i];
    }
    return s;
  }
}

