// Found by the tangent check: the partial of -(-(b / 4)) was (-(-1)) / 4, an int division; the tangent's seed is the double 1.0.
// inputs: seed 605001816, length 5, n 1
public class TangentNegatedQuarter {
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    b += -(-(b / 4));
    return a + b + x[1] * x[(int) (2 * Math.abs(Math.max(a, x[0]))) % x.length];
  }
}
