// Issue bug 3: a ternary inside min/max was printed without parentheses in the recorded choice.
// inputs: seed 3, length 3, n 2
public class Bug3TernaryInsideMin {
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    double s = 0;
    for (int i = 0; i < 2; i++) {
      s += Math.min(a, x[0] > 0.5 ? x[1] : x[2]);
      a = a * 0.5;
    }
    return s;
  }
}
