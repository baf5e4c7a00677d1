package dev.adjoint.benchmarks.gradbench.evals;

/** A malformed eval input: a missing field, a wrong type or a wrong shape. The message says where. */
public final class InputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }
}
