package dev.adjoint.runtime.optim;

/** One run's iteration rule: the method-specific part of a line-search optimizer. */
interface Stepper {
  /** The next iterate after {@code current}, or null when no acceptable step could be found. */
  Point next(Point current);
}
