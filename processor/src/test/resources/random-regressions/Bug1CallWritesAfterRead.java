// Issue bug 1: a call that writes into its array argument ran before an earlier read of that array in the same expression.
// inputs: seed 1, length 3, n 2
public class Bug1CallWritesAfterRead {
  @Differentiable static double h0(double[] z, double c) {
    z[0] = c;
    return c;
  }
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    return y[0] + h0(y, a);
  }
}
