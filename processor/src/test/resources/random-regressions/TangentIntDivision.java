// Found by the tangent check: a partial 1 / 4 written as int division (0); the tangent starts from the double 1.0.
// inputs: seed 501001544, length 3, n 0
public class TangentIntDivision {
  @Differentiable static double h0(double u, double[] z) {
    double m0 = u / (2 + Math.sin(2.0));
    double s6 = 0.5;
    return u + m0 + s6 + z[z.length - 1] * z[0];
  }
  @Differentiable static double h1(double[] z, double c) {
    return c;
  }
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    double m7 = h0(a, x);
    a /= 4;
    b += h1(y, y[y.length - 1] * y[0]);
    if (h0(1e-3, x) > Math.rint(y[y.length - 1])) {
      int k11 = 0;
      while (k11 < y.length && m7 < 0.5) {
        int i12 = k11;
        k11++;
        x[i12] -= Math.asin(0.9 * Math.sin(m7)) + Math.log1p(0.5 * Math.sin(Math.cos(b)));
        b += h1(x, a);
        double s13 = i12 * 0.5;
      }
    }
    return a + b + m7 + x[x.length - 1];
  }
}
