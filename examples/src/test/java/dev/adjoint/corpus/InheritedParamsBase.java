package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/** The superclass of {@link InheritedParams}, with a private field of its own. */
class InheritedParamsBase {
  protected final double[] w = {0.5, -0.25, 1.5};
  private double b = 0.3;

  @Differentiable(wrt = {"this", "x"})
  double shifted(double x) {
    return Math.sin(w[0] * x) + b * x;
  }
}
