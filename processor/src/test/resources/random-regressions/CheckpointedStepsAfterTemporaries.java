// Found by the random-program tester with optimisations off: a checkpointed loop's steps run again were printed
// with the temporaries of the adjoint code generated before them (t2 * t0), which are not in scope there.
// inputs: seed 5000116, length 5, n 2
public class CheckpointedStepsAfterTemporaries {
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    double[] u6 = y.clone();
    double[] v7 = new double[y.length];
    for (@Checkpointed(snapshots = 2) int t8 = 0; t8 < 2; t8++) {
      for (int i9 = 0; i9 < u6.length; i9++) {
        v7[i9] = u6[i9] + 0.25 * (u6[(i9 + 1) % u6.length] - u6[i9]) * Math.tanh(Math.abs(a));
      }
    }
    return a;
  }
}

