package golden;

import dev.adjoint.annotations.Differentiable;

/**
 * Time loops checkpointed with Revolve: a counted loop (the offline schedule) with a scalar and two
 * buffers swapped by reference as its state, and a while loop run until it converges (the online
 * schedule).
 */
public class CheckpointedLoops {
  @Differentiable
  public static double diffuse(double[] u0, double k, int steps) {
    double[] u = u0.clone();
    double[] next = new double[u.length];
    double total = 0;
    for (@dev.adjoint.annotations.Checkpointed(snapshots = 3) int t = 0; t < steps; t++) {
      for (int i = 1; i < u.length - 1; i++) {
        next[i] = u[i] + k * (u[i - 1] - 2 * u[i] + u[i + 1]);
      }
      total += Math.sin(u[1]);
      double[] tmp = u;
      u = next;
      next = tmp;
    }
    return total + u[u.length / 2];
  }

  @Differentiable
  public static double settle(double[] x0, double rate, double tol) {
    double[] x = x0.clone();
    @dev.adjoint.annotations.Checkpointed(snapshots = 2) double moved = tol + 1;
    while (moved > tol) {
      moved = 0;
      for (int i = 0; i < x.length; i++) {
        double y = x[i] - rate * Math.tanh(x[i]);
        moved += Math.abs(y - x[i]);
        x[i] = y;
      }
    }
    return x[0] * x[0];
  }
}
