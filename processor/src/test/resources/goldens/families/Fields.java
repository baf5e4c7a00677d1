package golden;

import dev.adjoint.annotations.Differentiable;

/**
 * Fields: private ones read through VarHandles, and a model differentiated with respect to its
 * own fields (wrt = "this"), directly and through a call on this.
 */
public class Fields {
  private static final double[] SCALES = {0.5, 2.0};
  private final double[] w;
  private double b;
  final float gain;

  Fields(double[] w, double b, float gain) {
    this.w = w;
    this.b = b;
    this.gain = gain;
  }

  @Differentiable(wrt = {"this", "x"})
  double predict(double[] x) {
    double s = b;
    for (int i = 0; i < x.length; i++) {
      s += w[i] * x[i] * SCALES[i % 2];
    }
    return Math.tanh(s) * gain;
  }

  @Differentiable(wrt = "this")
  double loss(double[] x, double y) {
    double r = predict(x) - y;
    return r * r;
  }

  @Differentiable
  double input(double[] x) {
    return predict(x) * b;
  }
}
