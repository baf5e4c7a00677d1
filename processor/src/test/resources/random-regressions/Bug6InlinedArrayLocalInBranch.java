// Issue bug 6: an inlined array-returning callee's local was declared inside the forward sweep's if block and restored outside it.
// inputs: seed 6, length 3, n 2
public class Bug6InlinedArrayLocalInBranch {
  @Differentiable static double[] h0(double[] z, double c) {
    double[] o = new double[z.length];
    for (int l = 0; l < z.length; l++) o[l] = z[l] * c;
    return o;
  }
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    double s = 0;
    if (n > 1) {
      double[] w = h0(x, x[0]);
      s += w[0] * w[0];
    }
    return s + x[1];
  }
}
