package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/**
 * Model parameters that live in the object, as ML-style code keeps them: a two-layer perceptron
 * with private weights, differentiated with respect to its fields ({@code wrt = "this"}).
 */
final class ModelParams {
  private final double[][] w1;
  private final double[] b1;
  private final double[] w2;
  private double b2;
  final int hidden;

  ModelParams(double[][] w1, double[] b1, double[] w2, double b2) {
    this.w1 = w1;
    this.b1 = b1;
    this.w2 = w2;
    this.b2 = b2;
    this.hidden = b1.length;
  }

  /** The network's output for one input, with respect to the weights and the input. */
  @Differentiable(wrt = {"this", "x"})
  double predict(double[] x) {
    double out = b2;
    for (int h = 0; h < hidden; h++) {
      double z = b1[h];
      for (int j = 0; j < x.length; j++) {
        z += w1[h][j] * x[j];
      }
      out += w2[h] * Math.tanh(z);
    }
    return out;
  }

  /** Mean squared error over a batch: calls predict on this, which is inlined. */
  @Differentiable(wrt = "this")
  double loss(double[][] xs, double[] ys) {
    double total = 0;
    for (int i = 0; i < ys.length; i++) {
      double r = predict(xs[i]) - ys[i];
      total += r * r;
    }
    return total / ys.length + 1e-3 * this.b2 * b2;
  }

  /** With respect to the fields and an input: the record has both. */
  @Differentiable(wrt = {"this", "x"})
  double sensitivity(double[] x, double scale) {
    return scale * predict(x) * predict(x);
  }

  /** Recursive, so the call is not inlined: the fields go through the pullback as hidden arguments. */
  @Differentiable(wrt = "this")
  double unrolled(double[] x, int depth) {
    if (depth == 0) {
      return predict(x);
    }
    return Math.sin(unrolled(x, depth - 1)) * w2[0] + b2;
  }

  /** Not with respect to this: the fields stay constants, even through predict. */
  @Differentiable
  double input(double[] x) {
    return predict(x) * b2;
  }

  /** Another model's fields are constants: only this one's get adjoints. */
  @Differentiable(wrt = "this")
  double distill(ModelParams teacher, double[] x) {
    double d = predict(x) - teacher.predict(x);
    return d * d;
  }
}
