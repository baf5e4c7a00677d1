// Issue bug 7, as a person writes it with the index in a local: inside a loop, each trip's index reads the array the trip then overwrites.
// inputs: seed 8, length 4, n 2
public class Bug7bIndexLocalInLoop {
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    double s = 0;
    for (int i = 0; i < 3; i++) {
      int t = (int) (2 * Math.abs(x[0] * 0.25 + i * 0.5)) % x.length;
      x[t] = x[t] * a + 3.0;
      s += x[0] * x[1];
    }
    int u = (int) (2 * Math.abs(x[1] * 0.25)) % x.length;
    x[u] = 3.0 * b;
    return s + x[0] + x[1] * y[0];
  }
}
