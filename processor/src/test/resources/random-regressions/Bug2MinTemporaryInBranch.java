// Issue bug 2: a temporary of a recorded Math.min's reverse was declared in an else branch and used after it.
// inputs: seed 2, length 3, n 2
public class Bug2MinTemporaryInBranch {
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    double s = 0;
    for (int j = 0; j < 2; j++) {
      s += Math.min(1.0, x[1 - j]) * Math.abs(Math.min(1.0, x[1 - j]));
      x[j] = 0;
    }
    return s;
  }
}
