// Issue 19 (everyday constructs): switch statements over an int, a char and a value-dependent int, classic and arrow, read as if/else chains.
// inputs: seed 24, length 4, n 2
public class SwitchStatements {
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      switch ((i + n) % 4) {
        case 0: s += x[i] * a; break;
        case 1: case 2: s += Math.sin(x[i]) * b; break;
        default:
          if (x[i] > 0) continue;
          s -= y[i];
      }
      s *= 0.9;
    }
    char mode = n > 1 ? 'q' : 'l';
    switch (mode) {
      case 'q' -> s += a * a;
      default -> { s += a; s *= b; }
    }
    switch ((int) (2 * Math.abs(y[0]))) {
      case 0: return s + y[1];
      case 1: s = s * y[1]; break;
      default: break;
    }
    return s;
  }
}
