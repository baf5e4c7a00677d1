package dev.adjoint.benchmarks.jmh;

import dev.adjoint.annotations.Checkpointed;
import dev.adjoint.annotations.Differentiable;

/**
 * The time loops of the checkpointing table: the explicit 1-D heat equation and a user's 1-D wave
 * loop (three buffers rotated by reference), each stored (every step recorded) and
 * {@code @Checkpointed} with 10, 20 and 50 snapshots. A step is a helper the processor inlines, so
 * the variants differ only in the loop's annotation.
 */
public final class TimeLoops {
  private TimeLoops() {}

  /** One explicit step of {@code u_t = u_xx} with diffusion number r, ends fixed. */
  @Differentiable
  static void heatStep(double[] u, double[] next, double r) {
    int n = u.length;
    next[0] = u[0];
    next[n - 1] = u[n - 1];
    for (int i = 1; i < n - 1; i++) {
      next[i] = u[i] + r * (u[i - 1] - 2 * u[i] + u[i + 1]);
    }
  }

  /** One leapfrog step of {@code u_tt = c^2 u_xx}, c2 holding {@code (c dt / dx)^2}. */
  @Differentiable
  static void waveStep(double[] prev, double[] cur, double[] next, double[] c2) {
    for (int i = 1; i < cur.length - 1; i++) {
      next[i] = 2 * cur[i] - prev[i] + c2[i] * (cur[i - 1] - 2 * cur[i] + cur[i + 1]);
    }
  }

  @Differentiable
  static double energy(double[] u) {
    double e = 0;
    for (int i = 0; i < u.length; i++) {
      e += u[i] * u[i];
    }
    return e;
  }

  @Differentiable
  public static double heatStored(double[] u0, double r, int steps) {
    double[] u = u0.clone();
    double[] next = new double[u.length];
    for (int t = 0; t < steps; t++) {
      heatStep(u, next, r);
      double[] swap = u;
      u = next;
      next = swap;
    }
    return energy(u);
  }

  @Differentiable
  public static double heat10(double[] u0, double r, int steps) {
    double[] u = u0.clone();
    double[] next = new double[u.length];
    for (@Checkpointed(snapshots = 10) int t = 0; t < steps; t++) {
      heatStep(u, next, r);
      double[] swap = u;
      u = next;
      next = swap;
    }
    return energy(u);
  }

  @Differentiable
  public static double heat20(double[] u0, double r, int steps) {
    double[] u = u0.clone();
    double[] next = new double[u.length];
    for (@Checkpointed(snapshots = 20) int t = 0; t < steps; t++) {
      heatStep(u, next, r);
      double[] swap = u;
      u = next;
      next = swap;
    }
    return energy(u);
  }

  @Differentiable
  public static double heat50(double[] u0, double r, int steps) {
    double[] u = u0.clone();
    double[] next = new double[u.length];
    for (@Checkpointed(snapshots = 50) int t = 0; t < steps; t++) {
      heatStep(u, next, r);
      double[] swap = u;
      u = next;
      next = swap;
    }
    return energy(u);
  }

  @Differentiable
  public static double waveStored(double[] c2, double[] u0, int steps) {
    double[] prev = u0.clone();
    double[] cur = u0.clone();
    double[] next = new double[u0.length];
    for (int t = 0; t < steps; t++) {
      waveStep(prev, cur, next, c2);
      double[] swap = prev;
      prev = cur;
      cur = next;
      next = swap;
    }
    return energy(cur);
  }

  @Differentiable
  public static double wave10(double[] c2, double[] u0, int steps) {
    double[] prev = u0.clone();
    double[] cur = u0.clone();
    double[] next = new double[u0.length];
    for (@Checkpointed(snapshots = 10) int t = 0; t < steps; t++) {
      waveStep(prev, cur, next, c2);
      double[] swap = prev;
      prev = cur;
      cur = next;
      next = swap;
    }
    return energy(cur);
  }

  @Differentiable
  public static double wave20(double[] c2, double[] u0, int steps) {
    double[] prev = u0.clone();
    double[] cur = u0.clone();
    double[] next = new double[u0.length];
    for (@Checkpointed(snapshots = 20) int t = 0; t < steps; t++) {
      waveStep(prev, cur, next, c2);
      double[] swap = prev;
      prev = cur;
      cur = next;
      next = swap;
    }
    return energy(cur);
  }

  @Differentiable
  public static double wave50(double[] c2, double[] u0, int steps) {
    double[] prev = u0.clone();
    double[] cur = u0.clone();
    double[] next = new double[u0.length];
    for (@Checkpointed(snapshots = 50) int t = 0; t < steps; t++) {
      waveStep(prev, cur, next, c2);
      double[] swap = prev;
      prev = cur;
      cur = next;
      next = swap;
    }
    return energy(cur);
  }
}
