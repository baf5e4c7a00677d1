// Issue bug 7: the index of an overwritten element was recomputed in the reverse from the overwritten array.
// inputs: seed 7, length 3, n 2
public class Bug7IndexFromOverwrittenArray {
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    x[(int) (2 * Math.abs(x[0] * 0.25)) % x.length] = 3.0;
    return x[0] + x[1];
  }
}
