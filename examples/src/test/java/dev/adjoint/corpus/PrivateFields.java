package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/**
 * A model class written as Java is usually written: its state is private. The generated adjoint
 * reads the private fields (instance and static, final or not, and a nested class's) through
 * {@code VarHandle} constants.
 */
final class PrivateFields {
  private static double scale = 2;
  private static final double[] TABLE = {0.5, -1.0, 2.0};
  private final double[] weights;
  private final float gain;
  private double bias;
  private final Offset offset;

  /** A nested class with private state of its own. */
  static final class Offset {
    private final double shift;

    Offset(double shift) {
      this.shift = shift;
    }
  }

  PrivateFields(double[] weights, float gain, double bias, double shift) {
    this.weights = weights;
    this.gain = gain;
    this.bias = bias;
    this.offset = new Offset(shift);
  }

  void setBias(double bias) {
    this.bias = bias;
  }

  static void setScale(double s) {
    scale = s;
  }

  /** Every kind of private field in one expression. */
  @Differentiable
  double score(double[] x) {
    double s = bias + offset.shift;
    for (int i = 0; i < x.length && i < weights.length; i++) {
      s += weights[i] * Math.sin(x[i]) * TABLE[i % TABLE.length] * gain;
    }
    return scale * s * s;
  }

  /** A static method reading private static fields. */
  @Differentiable
  static double scaled(double x) {
    return scale * x * x * TABLE[2];
  }

  /** Calls the other method on this, reading a private field on both sides of the call. */
  @Differentiable
  double twice(double[] x) {
    return score(x) * bias + this.bias * x[0];
  }
}
