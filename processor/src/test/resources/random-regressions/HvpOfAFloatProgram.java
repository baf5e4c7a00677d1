// Found by the Hessian-vector check: a program with float values, whose gradient differences round to float; the check judges it to 1e-2.
// inputs: seed 522001651, length 4, n 3
public class HvpOfAFloatProgram {
  static final double C = 0.75;
  static int wrap(int i, int n) { return ((i % n) + n) % n; }
  @Differentiable static double h0(double[] z, double c) {
    double s2 = Math.sqrt(1.5 + Math.cos((0.01 * Math.toDegrees(z[1] * c))));
    double s3 = 0.5;
    return c + s2 + s3 + z[(int) (2 * Math.abs(Math.max(z[z.length - 1], z[z.length - 1]))) % z.length];
  }
  @Differentiable static double h1(double[] z, double[] w) { double s = 0; for (int i = 0; i < z.length; i++) { s += (w == null ? 1.0 : w[i % w.length]) * z[i] * z[i]; } return s; }
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    y[1] *= Math.abs(x[x.length - 1]);
    float[] fw1 = new float[y.length];
    for (int i2 = 0; i2 < fw1.length; i2++) {
      fw1[i2] = (float) Math.fma((0.01 * Math.toDegrees(x[wrap(i2 + 1, x.length)])), Math.ceil(a), Math.abs(b));
    }
    if (StrictMath.log10(1.5 + Math.cos(0.5)) > 0 && Math.max(a, y[1]) < 0.5) {
      a /= 2.0;
      double m3 = a * C;
      for (int i4 = 0; i4 < x.length; i4++) {
        double e5 = i4 * 0.5 * x[i4] + (a + x[(int) (2 * Math.abs(a)) % x.length]);
        m3 = Math.max(m3, e5);
      }
      double[] u6 = y.clone();
      double[] v7 = new double[y.length];
      for (int t8 = 0; t8 < y.length; t8++) {
        for (int i9 = 0; i9 < u6.length; i9++) {
          v7[i9] = u6[i9] + 0.25 * (u6[(i9 + 1) % u6.length] - u6[i9]) * Math.tanh(b);
        }
        double[] tmp10 = u6;
        u6 = v7;
        v7 = tmp10;
      }
    }
    else {
      if (Math.atan(fw1[1]) > b * a) {
        if (Math.exp(Math.sin(1e-3)) > 0 || b * b < 0.5) return h1(x, y);
      }
      for (int i11 = 1; i11 < x.length; i11++) {
        a += Math.asin(0.5 * Math.tanh(b));
        y[y.length - 1] = h1(y, null);
        a = h1(y, y);
      }
    }
    double c12 = h0(y, fw1[0]);
    for (int i13 = 1; i13 < x.length; i13++) {
      double[] u14 = y.clone();
      double[] v15 = new double[y.length];
      for (int t16 = 0; t16 < y.length; t16++) {
        for (int i17 = 0; i17 < u14.length; i17++) {
          v15[i17] = u14[i17] + 0.25 * (u14[(i17 + 1) % u14.length] - u14[i17]) * Math.tanh(i13 * 0.5 / (1 + a * a));
        }
        double[] tmp18 = u14;
        u14 = v15;
        v15 = tmp18;
      }
      int k19 = x.length;
      while (k19-- > 0) {
        int i20 = k19;
        a -= C;
        if (b * u14[u14.length - 1 - i13] < x[1]) break;
      }
      for (int i21 = 1; i21 < x.length; i21++) {
        boolean p22 = StrictMath.toRadians(i21 * 0.5) >= Math.log1p(0.5 * Math.sin(x[i21]));
      }
    }
    b = n > 2 ? c12 : Math.pow(1.5 + Math.sin(Math.sinh(Math.atan(y[1]))), Math.min(1e-3, c12) * 0.5);
    return a + b + c12 + y[(int) (2 * Math.abs(y[1])) % y.length] * y[y.length - 1];
  }
}
