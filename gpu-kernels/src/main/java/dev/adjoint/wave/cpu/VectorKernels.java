package dev.adjoint.wave.cpu;

/**
 * Creates {@link VectorRows} behind a method of its own, so that a JVM without
 * {@code jdk.incubator.vector} never resolves it.
 */
final class VectorKernels {
  private VectorKernels() {}

  static RowKernel create(RowLayout layout) {
    return new VectorRows(layout);
  }
}
