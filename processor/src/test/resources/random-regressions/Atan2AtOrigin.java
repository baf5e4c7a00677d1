// Found by the random-program tester: atan2(0, 0)'s partials were 0/0 = NaN; they are taken as 0.
// inputs: seed 5000018, length 2, n 1
public class Atan2AtOrigin {
  @Differentiable static double h1(double u, double v) {
    double s0 = 0.5;
    return u + v + s0;
  }
  @Differentiable(wrt = {"x", "a"}) static double f(double[] x, double[] y, double a, double b, int n) {
    double s7 = 0.5;
    for (int i8 = 0; i8 < x.length; i8++) {
      b /= (1 + Math.log1p(Math.atan2(s7, s7) * Math.atan2(s7, s7)) * Math.log1p(Math.atan2(s7, s7) * Math.atan2(s7, s7)));
      int k9 = 0;
      while (k9 < y.length) {
        int i10 = k9;
        k9++;
        s7 = Math.pow(StrictMath.floor(s7) * (x[i10] * s7), 3.0);
      }
      double[] u11 = x.clone();
      double[] v12 = new double[x.length];
    }
    return a;
  }
}

