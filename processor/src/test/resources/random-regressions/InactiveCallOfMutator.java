// Found by the random-program tester: a call that writes into an array, whose value no differentiated output needs: the forward sweep saved the array, the reverse skipped the call and never took it back (a tape left with a record, the array left changed).
// inputs: seed 208000711, length 3, n 2
public class InactiveCallOfMutator {
  @Differentiable(wrt = {"y", "b"}) double f(double[] x, double[] y, double a, double b, int n) {
    b += rndlib.Library.spread(x, 1.25);
    for (int i5 = 0; i5 < x.length; i5++) {
    }
    return a;
  }
}

