// Found by the random-program tester: a false WRONG_GRADIENT. In a program with float code, min(v0, x[2])
// is 3.7e-5 from its kink, and central differences at float's step straddle it yet looked smooth.
// inputs: seed 24000367, length 3, n 2
public class FloatStepAcrossAKink {
  @Differentiable static double h1(float[] fz, float c) {
    double acc = c;
    return acc * acc;
  }
  @Differentiable(wrt = {"y", "b"}) static double f(double[] x, double[] y, double a, double b, int n) {
    for (double v0 : y) {
      b += Math.atan2(Math.abs(x[x.length - 1]) * StrictMath.min(v0, x[x.length - 1]), v0);
    }
    b += 1.25;
    return b + y[(int) (2 * Math.abs(3 / (2 + Math.sin(y[0])))) % y.length];
  }
}

