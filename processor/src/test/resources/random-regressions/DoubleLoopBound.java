// Issue 19 (everyday constructs): a counted loop with a double bound gave 'int trips0 = Math.max(0, bound);', which does not compile; its trips are now counted.
// inputs: seed 22, length 3, n 2
public class DoubleLoopBound {
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    double s = 0;
    double bound = n + 0.5;
    for (int i = 0; i < bound; i++) {
      s += x[i % x.length] * y[i % y.length] * a;
    }
    return s;
  }
}
