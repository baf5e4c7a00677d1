package golden;

import dev.adjoint.annotations.Differentiable;

/** A time loop checkpointed with Revolve: a scalar and two buffers swapped by reference as its state. */
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
}
