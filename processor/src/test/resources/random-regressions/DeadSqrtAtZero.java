// Found by the random-program tester: a value nothing depends on, sqrt(0), gave its input 0 * Infinity = NaN; its zero adjoint is now a strong zero.
// inputs: seed 11, length 3, n 1
public class DeadSqrtAtZero {
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    double[] o = new double[x.length];
    double c = Math.sqrt(o[0] * x[0]) + Math.cbrt(o[1] * y[0]) + Math.log(1 + o[2] * a) + Math.asin(o[0] * b);
    return a + x[1] * y[1];
  }
}
