package dev.adjoint.wave.cpu;

/** The stencil update of a range of interior rows; see {@link Step} for what it computes. */
interface RowKernel {
  /** Updates interior rows {@code [from, to)}. */
  void rows(Step s, int from, int to);

  /** A short name for logs, e.g. "Vector API, 16 lanes". */
  String description();
}
