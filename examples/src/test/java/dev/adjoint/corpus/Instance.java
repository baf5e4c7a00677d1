package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/**
 * A small model object: differentiable instance methods read its fields as constants, and the
 * generated methods take the receiver first.
 */
final class Instance {
  final double[] weights;
  final double bias;
  final int degree;

  Instance(double[] weights, double bias, int degree) {
    this.weights = weights;
    this.bias = bias;
    this.degree = degree;
  }

  /** Reads the weights field; x is the only differentiable input. */
  @Differentiable
  double predict(double x) {
    double y = bias;
    double p = 1;
    for (int i = 0; i < degree && i < weights.length; i++) {
      y += weights[i] * p;
      p *= x;
    }
    return Math.tanh(y);
  }

  /** Calls the other instance method on this. */
  @Differentiable
  double loss(double[] xs, double[] ys) {
    double l = 0;
    for (int i = 0; i < xs.length; i++) {
      double r = predict(xs[i]) - ys[i];
      l += r * r;
    }
    return l / xs.length;
  }

  /** Fields feed a returned array. */
  @Differentiable
  double[] features(double x) {
    double[] f = new double[weights.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = weights[i] * Math.sin((i + 1) * x) + bias;
    }
    return f;
  }

  /** Recursion on this: Horner's rule from coefficient k on, reversed split through the receiver. */
  @Differentiable
  double horner(double x, int k) {
    if (k >= weights.length) {
      return bias;
    }
    return weights[k] + x * Math.tanh(horner(x, k + 1));
  }
}
