// Found by the random-program tester: an adjoint that did not compile. The inner loop sums w2Bar[i1] in a
// local, and the load before the loop reads i1, which the reverse no longer recomputed (its read went unrecorded).
// inputs: seed 63000263, length 4, n 0
public class HoistedAccumulatorIndexIsRead {
  static final class Knob { final double k = 0.25; int pick(int i, int n) { return (i * 7 + 3) % n; } }
  static final Knob KNOB = new Knob();
  @Differentiable static double f(double[] x, double[] y, double a, double b, int n) {
    Knob kb = KNOB;
    int k0 = 0;
    while (k0 < x.length && b < 2.5) {
      int i1 = k0;
      double[] w2 = y.clone();
      for (int i3 = w2.length - 1; i3 >= 0; i3--) {
        if (w2[i1] > 0 || x[kb.pick(i3, x.length)] + a < 0.5) return w2[i1];
        b -= y[i3] - w2[i1] - a / (1 + 0.75 * 0.75);
      }
    }
    return a;
  }
}

