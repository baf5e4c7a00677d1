// Found by the random-program tester: the same as InlinedReturnCallsWriter, under a while loop and a do loop.
// inputs: seed 11000471, length 2, n 2
public class InlinedReturnCallsWriterInLoop {
  static final double C = 0.75;
  @Differentiable static double h1(double[] z, double c) {
    int k0 = 0;
    z[1] = z[0] * (c - z[z.length - 1]);
    return z[z.length - 1] * z[0];
  }
  @Differentiable static double h2(double[] z, double c) {
    int k0 = 0;
    while (k0 < z.length) {
      int i1 = k0;
      k0++;
      c -= Math.abs(c) / (1 + z[i1] * z[i1]);
      z[(int) (2 * Math.abs(c)) % z.length] = (c - c) / C + -(z[i1] - z[(int) (2 * Math.abs(Math.min(c, i1 * 0.5))) % z.length]);
    }
    c *= 0.5 * (z[1] * z[1]);
    z[1] = z[0] * Math.hypot(z[1], c);
    return z[(int) (2 * Math.abs(h1(z, c))) % z.length] * z[z.length - 1];
  }
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    x[1] = b / 2.0;
    int k0 = 0;
    do {
      int i1 = k0;
      k0++;
      double m2 = i1 * 0.5;
      for (int i3 = 0; i3 < x.length; i3++) {
        double e4 = b;
        m2 = Math.min(m2, e4);
      }
      double s5 = y[(int) (2 * Math.abs(x[0])) % y.length] * b * (x[(i1 + 1) % x.length] * m2) + x[0];
      b += h2(y, y[y.length - 1]);
    } while (k0 < y.length);
    double m6 = x[x.length - 1] + a;
    for (int i7 = 0; i7 < y.length; i7++) {
      double e8 = StrictMath.min(Math.expm1(0.5 * Math.tanh(x[i7])), Math.floor(b));
      m6 = Math.min(m6, e8);
    }
    return b + m6 + y[0] * y[y.length - 1];
  }
}

