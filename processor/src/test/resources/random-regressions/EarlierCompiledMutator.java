// Found by the random-program tester: a callee compiled earlier writes into its array argument; its @Mutates named the parameter, but a class file compiled without -parameters has no names, so the caller never saved the array. @Mutates now gives positions too.
// inputs: seed 21000076, length 4, n 4
public class EarlierCompiledMutator {
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    a += rndlib.Library.spread(y, Math.pow(Math.abs(x[1]), 1.5));
    return b + x[0] * y[(int) (2 * Math.abs(a - 2.0)) % y.length];
  }
}
