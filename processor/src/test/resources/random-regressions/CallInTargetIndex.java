// Found by the random-program tester: a call that writes into the array, inside the index of an element being assigned, stayed in the target and ran again in the reverse sweep.
// inputs: seed 13000273, length 4, n 3
public class CallInTargetIndex {
  @Differentiable static double h1(double[] z, double c) {
    z[1] = z[0] * -z[z.length - 1];
    return c;
  }
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    x[(int) (2 * Math.abs(x[x.length - 1])) % x.length] = 0.5;
    x[(int) (2 * Math.abs(h1(x, 1.25))) % x.length] = 0.5;
    return a;
  }
}

