package golden;

import dev.adjoint.annotations.Differentiable;

/** A work array overwritten whole each iteration, saved as one block; exp's value recorded where computed. */
public class RecordBlocks {
  @Differentiable
  public static double sweeps(double[] x, int count) {
    double[] w = new double[x.length];
    double s = 0;
    for (int t = 0; t < count; t++) {
      for (int i = 0; i < w.length; i++) {
        w[i] = Math.sin(x[i] * (t + 1));
      }
      for (int i = 0; i < w.length; i++) {
        s += w[i] * w[i];
      }
    }
    return s;
  }

  @Differentiable
  public static double softplusSum(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += Math.log(1 + Math.exp(x[i]));
    }
    return s;
  }
}
