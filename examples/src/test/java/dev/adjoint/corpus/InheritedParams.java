package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/**
 * Model parameters across a class hierarchy: a layer's fields live partly in its superclass
 * (one private there), and the subclass is generic. Differentiated with respect to this, the
 * record holds the superclass's fields first.
 */
final class InheritedParams<T> extends InheritedParamsBase {
  double gain = 1.1;
  T tag;

  /** Reads its own field, the superclass's (also as super.w), and calls the superclass's method on this. */
  @Differentiable(wrt = "this")
  double f(double x) {
    return shifted(x) * gain + super.w[1] * w[2]; // super.w is this.w
  }

  /** Writes into a parameter array: the field adjoints come with the array's. */
  @Differentiable(wrt = {"this", "out"})
  void apply(double[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = w[i % w.length] * out[i] + gain;
    }
  }

  /** Returns an array. */
  @Differentiable(wrt = "this")
  double[] features(double x) {
    double[] r = new double[w.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = Math.tanh(w[i] * x) * gain;
    }
    return r;
  }

  /** Passes a field's array to a method that writes into it: the model's weights are scaled in place. */
  @Differentiable(wrt = {"this", "x"})
  double scaleInPlace(double x) {
    scale(w, x);
    return w[0] + w[1] * w[2];
  }

  @Differentiable
  static void scale(double[] a, double s) {
    for (int i = 0; i < a.length; i++) {
      a[i] *= s;
    }
  }
}
