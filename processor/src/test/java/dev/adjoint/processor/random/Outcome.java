package dev.adjoint.processor.random;

/** What happened to one generated program; all but PASSED, ILL_DEFINED and EXPECTED_ERROR are failures. */
enum Outcome {
  /** Compiled, and every check passed. */
  PASSED,
  /** The method itself is not well defined at the chosen inputs (its plain call threw or gave NaN). */
  ILL_DEFINED,
  /** A program with one unsupported construct was rejected with the right error at its line. */
  EXPECTED_ERROR,
  /** A program with one unsupported construct was not rejected, or not there, or not so. */
  MISSED_ERROR,
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
  /** The tangent (forward mode) differs from the gradient's dot product with its direction, or its value from f's. */
  WRONG_TANGENT,
  /** The Hessian-vector product differs from central differences of the gradient, or is missing beside a tangent. */
  WRONG_HVP,
  /** A sweep left records on its tape. */
  TAPE_NOT_EMPTY,
  /** The generated code ran past the time limit. */
  HANG;

  boolean failed() {
    return this != PASSED && this != ILL_DEFINED && this != EXPECTED_ERROR;
  }
}
