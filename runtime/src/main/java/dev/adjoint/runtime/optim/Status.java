package dev.adjoint.runtime.optim;

/** Why an optimizer stopped. */
public enum Status {
  /** The gradient's largest absolute component fell to the tolerance. */
  CONVERGED,
  /** The iteration limit was reached first. */
  MAX_ITERATIONS,
  /**
   * No acceptable step was found along the search direction, typically because rounding hides
   * any further decrease, or because the gradient does not match the objective.
   */
  LINE_SEARCH_FAILED
}
