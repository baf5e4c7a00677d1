// Found by the random-program tester: a checkpointed while loop whose steps only restore the array they overwrite (y[i] -= x[i], with x passive) runs its steps again in the reverse, reading x, which the to-be-recorded analysis missed (an internal error). The analysis now counts such a reverse.
// inputs: seed 701002217, length 3, n 1
public class CheckpointedLoopThatOnlyRestores {
  @Differentiable(wrt = {"y", "b"}) static double f(double[] x, double[] y, double a, double b, int n) {
    @Checkpointed(snapshots = 3) int k6 = 0;
    while (k6 < y.length && b < 0.5) {
      k6++;
      for (int i8 = 0; i8 < y.length; i8++) {
        y[i8] -= x[i8];
      }
    }
    return a + y[0] * b;
  }
}
