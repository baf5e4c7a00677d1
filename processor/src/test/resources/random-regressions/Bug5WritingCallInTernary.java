// Issue bug 5: a call that writes into its array argument, in a ternary branch, misaligned the tape.
// inputs: seed 5, length 3, n 1
public class Bug5WritingCallInTernary {
  @Differentiable static double h0(double[] z, double c) {
    z[0] = z[1] * z[1];
    return c;
  }
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    double t = n % 2 == 1 ? h0(x, a) : a;
    return t + x[0];
  }
}
