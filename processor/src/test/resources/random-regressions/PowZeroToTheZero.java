// pow(a, c) at a = 0, c = 0 is 1 for all nearby c = 0: its derivative in a is 0, not c * pow(0, -1) = 0 * Infinity = NaN.
// inputs: seed 12, length 3, n 1
public class PowZeroToTheZero {
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    double base = x[0] * 0;
    double exponent = a * 0;
    return Math.pow(base, exponent) * x[1] + Math.pow(x[2] * x[2], 0.5 * y[0]);
  }
}
