// Found by the random-program tester: the to-be-recorded analysis thought the loop's reverse had code (c0 +=
// a constant times toDegrees(ceil(a)) propagates nothing), so it counted x as read by the loop's header.
// inputs: seed 115000381, length 5, n 5
public class PiecewiseConstantLoopBody {
  private double scale = 1.1875;
  @Differentiable static double h0(double[] z, double c) { double s = 0; double lim = z.length * 0.75; for (int i = 0; i < lim; i++) { s += z[i] * c; } return s; }
  @Differentiable double f(double[] x, double[] y, double a, double b, int n) {
    double c0 = h0(y, x[x.length - 1] - scale);
    int k1 = 0;
    do {
      for (int i4 = 1; i4 < x.length; i4++) {
        c0 += (0.01 * Math.toDegrees(Math.ceil(a)));
      }
    } while (k1 < y.length && b < 0.5);
    return a;
  }
}

