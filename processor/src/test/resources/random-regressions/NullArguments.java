// Issue 19 (everyday constructs): null for a passive or unused array (w == null ? 1.0 : w[i]), passed to an inlined callee and to one reached through its pullback.
// inputs: seed 25, length 3, n 2
public class NullArguments {
  @Differentiable static double weighted(double[] z, double[] w) {
    double s = 0;
    for (int i = 0; i < z.length; i++) {
      s += (w == null ? 1.0 : w[i]) * z[i] * z[i];
    }
    return s;
  }
  @Differentiable static double early(double[] z, double[] w) {
    if (w == null) return z[0] * z[0];
    double s = 0;
    for (int i = 0; i < z.length; i++) {
      s += w[i] * z[i];
    }
    return s;
  }
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    double[] none = null;
    double[] some = n > 1 ? y : null;
    return weighted(x, null) * a + weighted(y, some) + early(y, none) + early(x, y) * b + (some == null ? 0 : 1);
  }
}
