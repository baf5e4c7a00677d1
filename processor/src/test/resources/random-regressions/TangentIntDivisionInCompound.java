// Found by the tangent check: (1 / 4) as int division in a compound division a /= 4, in a program with a checkpointed loop and inlined calls.
// inputs: seed 500001548, length 2, n 0
public class TangentIntDivisionInCompound {
  static final class Lib {
    @Differentiable static double g0(double[] z, double c) {
      return c + z[(int) (2 * Math.abs(0.5 * c)) % z.length];
    }
    @Differentiable static double g1(double[] z, double c) {
      int k0 = 0;
      double c3 = Lib.g0(z, Math.atan2(c, z[0]));
      if (Math.max(z[z.length - 1], c3) > 0 && Math.fma(c, c3, c3) < 1) {
        c = Math.toRadians(Math.cos(z[z.length - 1])) + c3;
      }
      return c + c3 + z[0] * z[(int) (2 * Math.abs(z[1] * c)) % z.length];
    }
  }
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    boolean p0 = n > 2;
    a /= (2 + Math.sin((a + x[0]) * Lib.g1(x, x[1])));
    b /= 4;
    double[] u1 = x.clone();
    double[] v2 = new double[x.length];
    for (@Checkpointed(snapshots = 3) int t3 = 0; t3 < 2; t3++) {
      for (int i4 = 0; i4 < u1.length; i4++) {
        v2[i4] = u1[i4] + 0.25 * (u1[(i4 + 1) % u1.length] - u1[i4]) * Math.tanh(Math.atan2(3, a));
      }
      double[] tmp5 = u1;
      u1 = v2;
      v2 = tmp5;
    }
    a = Math.max(u1[(int) (2 * Math.abs(Math.signum(b))) % u1.length], a + a) * y[y.length - 1];
    return b + x[(int) (2 * Math.abs(-y[1])) % x.length];
  }
}
