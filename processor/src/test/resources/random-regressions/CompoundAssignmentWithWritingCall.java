// A compound assignment into an element whose value calls a method that writes into an array: Java reads the old element first; into a float element the sum is cast back, as += does implicitly.
// inputs: seed 23, length 3, n 2
public class CompoundAssignmentWithWritingCall {
  @Differentiable static double h(double[] z, double c) {
    z[0] = z[1] * c;
    return c * z[0];
  }
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    float[] w = new float[x.length];
    w[0] = (float) y[0];
    w[0] += h(x, a);
    x[1] *= h(x, a);
    return w[0] * b + x[1] + x[0];
  }
}
