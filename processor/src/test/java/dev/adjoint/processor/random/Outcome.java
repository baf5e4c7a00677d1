package dev.adjoint.processor.random;

/** What happened to one generated program; every kind but the first two is a failure. */
enum Outcome {
  /** Compiled, and every check passed. */
  PASSED,
  /** The method itself is not well defined at the chosen inputs (its plain call threw or gave NaN). */
  ILL_DEFINED,
  /** javac (or the processor inside it) threw. */
  JAVAC_CRASH,
  /** The generated source is not valid Java: a bug of the generator. */
  INVALID_SOURCE,
  /** The processor reported an error on a program inside the supported subset. */
  REJECTED,
  /** The generated adjoint class does not compile. */
  ADJOINT_UNCOMPILABLE,
  /** The gradient's value() differs from a plain call of the method. */
  VALUE_DIFFERS,
  /** An array argument differs after the gradient or pullback from before it. */
  INPUT_MUTATED,
  /** The generated gradient or pullback threw. */
  THROWS,
  /** The gradient differs from central differences where the function is smooth. */
  WRONG_GRADIENT,
  /** The low-level pullback differs from central differences of its documented meaning. */
  WRONG_PULLBACK,
  /** A sweep left records on its tape. */
  TAPE_NOT_EMPTY,
  /** The generated code ran past the time limit. */
  HANG;

  boolean failed() {
    return this != PASSED && this != ILL_DEFINED;
  }
}
