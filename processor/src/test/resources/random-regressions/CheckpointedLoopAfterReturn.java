// Found by the random-program tester: a checkpointed loop after an early return sits, once lowered, in the
// block that runs only when the method has not returned; its entry state was declared there, out of the reverse's reach.
// inputs: seed 300001111, length 5, n 2
public class CheckpointedLoopAfterReturn {
  static double gain = 0.5;
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    for (int i0 = 0; i0 < x.length; i0++) {
      if ((i0 >> 1) == 0) return gain - y[(i0 + 1) % y.length] + (b > x[i0] ? a : a);
    }
    double[] u6 = x.clone();
    for (@Checkpointed(snapshots = 3) int t8 = 0; t8 < 3; t8++) {
      double[] tmp10 = u6;
    }
    return a;
  }
}

