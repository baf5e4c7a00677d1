package dev.adjoint.corpus;

import dev.adjoint.annotations.Checkpointed;
import dev.adjoint.annotations.Differentiable;

/**
 * Time loops marked {@code @Checkpointed}, each beside the same loop stored (recorded every step):
 * the two gradients must agree bit for bit, and the checkpointed one must run Revolve's number of
 * steps again.
 */
final class Checkpointing {
  private Checkpointing() {}

  /** How many time steps the heat loops have run: forward, again from snapshots, and before each reverse step. */
  static int stepsRun;

  static int tick(int t) {
    stepsRun++;
    return t;
  }

  /** The explicit 1-D heat equation, its two buffers swapped by reference each step; the result is sum u^2. */
  @Differentiable
  static double heat(double[] u0, double kappa, int nt) {
    double[] u = u0.clone();
    double[] next = new double[u.length];
    for (@Checkpointed(snapshots = 4) int t = 0; t < nt; t++) {
      int step = tick(t);
      next[0] = u[0];
      next[u.length - 1] = u[u.length - 1];
      for (int i = 1; i < u.length - 1; i++) {
        next[i] = u[i] + kappa * (u[i - 1] - 2 * u[i] + u[i + 1]) + 1e-3 * step * u[i] * u[i];
      }
      double[] tmp = u;
      u = next;
      next = tmp;
    }
    double sum = 0;
    for (int i = 0; i < u.length; i++) {
      sum += u[i] * u[i];
    }
    return sum;
  }

  @Differentiable
  static double heatStored(double[] u0, double kappa, int nt) {
    double[] u = u0.clone();
    double[] next = new double[u.length];
    for (int t = 0; t < nt; t++) {
      int step = tick(t);
      next[0] = u[0];
      next[u.length - 1] = u[u.length - 1];
      for (int i = 1; i < u.length - 1; i++) {
        next[i] = u[i] + kappa * (u[i - 1] - 2 * u[i] + u[i + 1]) + 1e-3 * step * u[i] * u[i];
      }
      double[] tmp = u;
      u = next;
      next = tmp;
    }
    double sum = 0;
    for (int i = 0; i < u.length; i++) {
      sum += u[i] * u[i];
    }
    return sum;
  }

  /** A user's 1-D wave loop: three buffers rotated by reference, and a scalar summed along the way. */
  @Differentiable
  static double wave(double[] c, double[] u0, int nt) {
    int n = u0.length;
    double[] prev = new double[n];
    double[] cur = u0.clone();
    double[] nxt = new double[n];
    double energy = 0;
    for (@Checkpointed(snapshots = 3) int t = 0; t < nt; t++) {
      for (int i = 1; i < n - 1; i++) {
        nxt[i] = 2 * cur[i] - prev[i] + c[i] * c[i] * (cur[i - 1] - 2 * cur[i] + cur[i + 1]);
      }
      energy += Math.sin(cur[n / 2]) * cur[n / 2];
      double[] tmp = prev;
      prev = cur;
      cur = nxt;
      nxt = tmp;
    }
    return energy + cur[1] * cur[1];
  }

  @Differentiable
  static double waveStored(double[] c, double[] u0, int nt) {
    int n = u0.length;
    double[] prev = new double[n];
    double[] cur = u0.clone();
    double[] nxt = new double[n];
    double energy = 0;
    for (int t = 0; t < nt; t++) {
      for (int i = 1; i < n - 1; i++) {
        nxt[i] = 2 * cur[i] - prev[i] + c[i] * c[i] * (cur[i - 1] - 2 * cur[i] + cur[i + 1]);
      }
      energy += Math.sin(cur[n / 2]) * cur[n / 2];
      double[] tmp = prev;
      prev = cur;
      cur = nxt;
      nxt = tmp;
    }
    return energy + cur[1] * cur[1];
  }

  /** Counting down, a matrix updated in place, an int the loop counts, a branch on the state and a continue. */
  @Differentiable
  static double decay(double[][] a, double rate, int steps) {
    double[][] m = new double[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        m[i][j] = a[i][j];
      }
    }
    int flips = 0;
    for (@Checkpointed(snapshots = 2) int t = steps; t > 0; t--) {
      if (t == 2) {
        continue; // a trip skipped: fine, the loop still runs every trip
      }
      for (int i = 0; i < m.length; i++) {
        for (int j = 0; j < m[0].length; j++) {
          m[i][j] = m[i][j] * (1 - rate) + Math.tanh(m[i][j]) * rate;
        }
      }
      if (m[0][0] > 0.25) {
        flips++;
      }
      m[0][1] += 0.01 * flips * m[1][0];
    }
    double s = 0;
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[0].length; j++) {
        s += m[i][j] * m[i][j];
      }
    }
    return s;
  }

  @Differentiable
  static double decayStored(double[][] a, double rate, int steps) {
    double[][] m = new double[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        m[i][j] = a[i][j];
      }
    }
    int flips = 0;
    for (int t = steps; t > 0; t--) {
      if (t == 2) {
        continue; // a trip skipped: fine, the loop still runs every trip
      }
      for (int i = 0; i < m.length; i++) {
        for (int j = 0; j < m[0].length; j++) {
          m[i][j] = m[i][j] * (1 - rate) + Math.tanh(m[i][j]) * rate;
        }
      }
      if (m[0][0] > 0.25) {
        flips++;
      }
      m[0][1] += 0.01 * flips * m[1][0];
    }
    double s = 0;
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[0].length; j++) {
        s += m[i][j] * m[i][j];
      }
    }
    return s;
  }

  /** A row of a matrix taken into a local inside the loop and updated through it: the matrix is the state. */
  @Differentiable
  static double rows(double[][] m0, double k, int nt) {
    double[][] w = new double[m0.length][m0[0].length];
    for (int i = 0; i < m0.length; i++) {
      for (int j = 0; j < m0[0].length; j++) {
        w[i][j] = m0[i][j];
      }
    }
    for (@Checkpointed(snapshots = 2) int t = 0; t < nt; t++) {
      double[] row = w[t % w.length];
      for (int j = 0; j < row.length; j++) {
        row[j] = row[j] * (1 - k) + k * Math.sin(row[(j + 1) % row.length]);
      }
    }
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w[0].length; j++) {
        s += w[i][j] * w[i][j];
      }
    }
    return s;
  }

  @Differentiable
  static double rowsStored(double[][] m0, double k, int nt) {
    double[][] w = new double[m0.length][m0[0].length];
    for (int i = 0; i < m0.length; i++) {
      for (int j = 0; j < m0[0].length; j++) {
        w[i][j] = m0[i][j];
      }
    }
    for (int t = 0; t < nt; t++) {
      double[] row = w[t % w.length];
      for (int j = 0; j < row.length; j++) {
        row[j] = row[j] * (1 - k) + k * Math.sin(row[(j + 1) % row.length]);
      }
    }
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w[0].length; j++) {
        s += w[i][j] * w[i][j];
      }
    }
    return s;
  }
}
