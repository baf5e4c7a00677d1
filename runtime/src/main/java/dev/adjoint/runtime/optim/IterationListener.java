package dev.adjoint.runtime.optim;

/** Told of each iterate an optimizer accepts, e.g. to drive a progress bar or log a misfit. */
@FunctionalInterface
public interface IterationListener {
  /**
   * @param iteration 0 for the starting point, then 1, 2, ...
   * @param value the objective there
   * @param gradientNorm the gradient's infinity norm there
   * @param x the iterate (a copy the listener may keep)
   */
  void iteration(int iteration, double value, double gradientNorm, double[] x);
}
