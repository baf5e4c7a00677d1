// Found by the random-program tester: a false WRONG_PULLBACK. A kink lies about 5e-7 from y[3], so central
// differences at 1e-5, 2e-5 and 4e-5 agree on the average of the two slopes (-5689) while the derivative is -578.
// inputs: seed 47000187, length 4, n 0
public class KinkCloserThanTheStep {
  static final double C = 0.75;
  static int wrap(int i, int n) { return ((i % n) + n) % n; }
  @Differentiable static double h0(double[] z, double c) {
    return c + z[1];
  }
  @Differentiable static double h1(double[] z, double c) {
    c -= (0.01 * Math.toDegrees(z[1]));
    for (int i5 = 1; i5 < z.length; i5++) {
      z[1] = z[1] + Math.asin(0.9 * Math.sin(z[0]));
      z[wrap(i5 - 1, z.length)] = h0(z, Math.log(1.5 + Math.cos(c)));
    }
    z[1] = z[0] * Math.hypot(z[(int) (2 * Math.abs(Math.max(c, z[1]))) % z.length], z[1]);
    return z[0] * z[0];
  }
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    switch (n % 3) {
      case 0: {
        x[1] += b;
      }
    }
    b = C * Math.min(h1(x, b), Math.atan(a));
    int k3 = 0;
    while (k3 < x.length) {
      int i4 = k3;
      k3++;
      if (Math.max(x[i4], Math.abs(i4 * 0.5)) < (i4 * 0.5 > a ? b : x[i4])) return y[y.length - 1 - i4];
      a += rndlib.Library.bump(Math.pow(x[1], 2), h1(y, x[x.length - 1 - i4]));
    }
    return a;
  }
}

