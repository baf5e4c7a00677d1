// Found by the random-program tester: nested calls that write into the same array, and one in an assigned element's index: value() differed from the method.
// inputs: seed 17000201, length 4, n 0
public class NestedWritingCalls {
  final double scale = 1.25;
  @Differentiable static double h0(double[] z, double c) {
    c = Math.min(c * z[(int) (2 * Math.abs((0.01 * StrictMath.toDegrees(z[z.length - 1])))) % z.length], Math.sqrt(1 + c * c)) + z[z.length - 1] * 3;
    z[1] = z[0] * (c + z[0]);
    return c;
  }
  @Differentiable double f(double[] x, double[] y, double a, double b, int n) {
    b += h0(y, Math.atan(a));
    y[(int) (2 * Math.abs(h0(y, scale))) % y.length] = 0.5;
    a += h0(y, h0(y, a));
    return a;
  }
}

