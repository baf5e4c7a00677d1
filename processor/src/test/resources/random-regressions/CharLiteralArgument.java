// Issue 19 (everyday constructs): a char literal passed to a char parameter of a differentiable callee was printed as 97, which javac does not narrow to char.
// inputs: seed 21, length 3, n 2
public class CharLiteralArgument {
  @Differentiable static double scaled(double u, char unit) {
    if (unit == 'a') return 2 * u;
    return u;
  }
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    return scaled(a, 'a') + scaled(x[0] * b, 'b') + y[1];
  }
}
