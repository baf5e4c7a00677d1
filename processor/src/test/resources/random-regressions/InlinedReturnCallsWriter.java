// Found by the random-program tester: an inlined callee's return value kept its call of a method that writes into an array; the reverse sweep ran that call again, as if it were passive.
// inputs: seed 11000453, length 2, n 0
public class InlinedReturnCallsWriter {
  @Differentiable static double h0(double[] z, double c) {
    z[1] = z[0] * Math.abs(c);
    return c;
  }
  @Differentiable static double h1(double[] z, double c) {
    return c + z[(int) (2 * Math.abs(h0(z, c))) % z.length] * z[(int) (2 * Math.abs(Math.tanh(c))) % z.length];
  }
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    y[y.length - 1] = 0.5;
    a += h1(y, x[x.length - 1]);
    return a;
  }
}

