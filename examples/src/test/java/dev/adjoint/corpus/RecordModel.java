package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/**
 * A model written as a record: its components are private final fields, read by name or through
 * their accessors ({@code b()}), inside the record and from outside.
 */
record RecordModel(double[] w, double b) {
  /** With respect to the components and the input. */
  @Differentiable(wrt = {"this", "x"})
  double predict(double[] x) {
    double s = b();
    for (int i = 0; i < x.length; i++) {
      s += w[i] * x[i];
    }
    return Math.tanh(s) + 0.1 * w()[0] * b;
  }

  /** Reads another record's components through their accessors, as constants. */
  @Differentiable
  static double shifted(RecordModel m, double[] x) {
    return m.predict(x) + m.w()[1] * x[1] + m.b();
  }
}
