package dev.adjoint.corpus;

import dev.adjoint.annotations.Checkpointed;
import dev.adjoint.annotations.Differentiable;

/**
 * Loops whose trip count is known only when they end, marked {@code @Checkpointed} (the online
 * schedule), each beside the same loop stored: a relaxation run until it converges or hits a cap
 * (a while loop that breaks), a do loop, and a for loop whose condition tests the state.
 */
final class CheckpointedWhileLoops {
  private CheckpointedWhileLoops() {}

  /** How many relaxation steps have run: forward, again from snapshots, and before each reverse step. */
  static int stepsRun;

  static void tick() {
    stepsRun++;
  }

  /**
   * Relaxes u0 (its ends held) until the steps change it by at most tol in all, or maxSteps steps
   * have run; the result is sum u^2. Two buffers swapped by reference each step.
   */
  @Differentiable
  static double relax(double[] u0, double c, double tol, int maxSteps) {
    int n = u0.length;
    double[] u = u0.clone();
    double[] next = u0.clone();
    int steps = 0;
    @Checkpointed(snapshots = 3) double change = Double.MAX_VALUE;
    while (change > tol) {
      tick();
      change = 0;
      for (int i = 1; i < n - 1; i++) {
        next[i] = u[i] + c * (u[i - 1] - 2 * u[i] + u[i + 1]) - 0.01 * Math.sin(u[i]);
        change += Math.abs(next[i] - u[i]);
      }
      double[] tmp = u;
      u = next;
      next = tmp;
      steps++;
      if (steps >= maxSteps) {
        break;
      }
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += u[i] * u[i];
    }
    return sum;
  }

  @Differentiable
  static double relaxStored(double[] u0, double c, double tol, int maxSteps) {
    int n = u0.length;
    double[] u = u0.clone();
    double[] next = u0.clone();
    int steps = 0;
    double change = Double.MAX_VALUE;
    while (change > tol) {
      tick();
      change = 0;
      for (int i = 1; i < n - 1; i++) {
        next[i] = u[i] + c * (u[i - 1] - 2 * u[i] + u[i + 1]) - 0.01 * Math.sin(u[i]);
        change += Math.abs(next[i] - u[i]);
      }
      double[] tmp = u;
      u = next;
      next = tmp;
      steps++;
      if (steps >= maxSteps) {
        break;
      }
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += u[i] * u[i];
    }
    return sum;
  }

  /** A do loop: a damped logistic map on each element, run at least once, counted down by the state. */
  @Differentiable
  static double logistic(double[] x0, double r, int rounds) {
    double[] x = x0.clone();
    double mean = 0;
    @Checkpointed(snapshots = 2) int left = rounds;
    do {
      mean = 0;
      for (int i = 0; i < x.length; i++) {
        x[i] = 0.5 * x[i] + 0.5 * r * x[i] * (1 - x[i]);
        mean += x[i] / x.length;
      }
      left--;
    } while (left > 0);
    return mean * mean + x[0];
  }

  @Differentiable
  static double logisticStored(double[] x0, double r, int rounds) {
    double[] x = x0.clone();
    double mean = 0;
    int left = rounds;
    do {
      mean = 0;
      for (int i = 0; i < x.length; i++) {
        x[i] = 0.5 * x[i] + 0.5 * r * x[i] * (1 - x[i]);
        mean += x[i] / x.length;
      }
      left--;
    } while (left > 0);
    return mean * mean + x[0];
  }

  /** Newton's square root of each element, a for loop whose condition tests the state, not its index. */
  @Differentiable
  static double roots(double[] a, double tol) {
    double[] x = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      x[i] = 1 + a[i];
    }
    double err = Double.MAX_VALUE;
    for (@Checkpointed(snapshots = 2) int it = 0; err > tol; it++) {
      err = 0;
      for (int i = 0; i < a.length; i++) {
        double y = 0.5 * (x[i] + a[i] / x[i]);
        err = Math.max(err, Math.abs(y - x[i]));
        x[i] = y;
      }
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += x[i] * (i + 1);
    }
    return s;
  }

  @Differentiable
  static double rootsStored(double[] a, double tol) {
    double[] x = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      x[i] = 1 + a[i];
    }
    double err = Double.MAX_VALUE;
    for (int it = 0; err > tol; it++) {
      err = 0;
      for (int i = 0; i < a.length; i++) {
        double y = 0.5 * (x[i] + a[i] / x[i]);
        err = Math.max(err, Math.abs(y - x[i]));
        x[i] = y;
      }
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += x[i] * (i + 1);
    }
    return s;
  }
}
