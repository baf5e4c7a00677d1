// Found by the random-program tester: hypot(0, 0)'s partials were 0/0 = NaN; they are taken as 0, as abs'(0) is.
// inputs: seed 6000046, length 3, n 1
public class HypotAtOrigin {
  @Differentiable static double h0(double[] z, double c) {
    z[(int) (2 * Math.abs(1.25 + c)) % z.length] -= Math.acos(0.5 * Math.tanh(z[1])) * (2.0 + Math.hypot(z[(int) (2 * Math.abs(z[1] + z[0])) % z.length], c));
    z[1] = z[0] * c;
    return c;
  }
  @Differentiable static double[] h1(double[] z, double c) {
    double[] o = new double[z.length];
    double c0 = h0(o, Math.tan(0.5 * Math.sin(z[1])));
    return o;
  }
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    b *= h0(x, y[y.length - 1]) + b;
    double[] w0 = h1(x, n > 1 ? b : a);
    for (double v1 : x) {
      int k2 = 0;
      while (k2 < x.length && b < 1) {
        int i3 = k2;
        k2++;
        double[] w4 = h1(w0, a * a);
      }
      if (n > 0) return v1 + a * w0[0];
    }
    return a + b + x[x.length - 1] * x[1];
  }
}

