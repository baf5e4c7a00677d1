// Issue bug 4: a call that writes into its array argument, inside an if condition, was not reversed.
// inputs: seed 4, length 3, n 2
public class Bug4WritingCallInCondition {
  @Differentiable static double h0(double[] z, double c) {
    z[0] = z[1] * z[1];
    return c;
  }
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    if (h0(x, a) > 5) return 0;
    return x[0];
  }
}
