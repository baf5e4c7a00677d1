/*
 * STAND-IN, NOT GENERATED AND NOT AD: compiled only with -Pfd-stubs, before Adjoint's processor
 * generates this class. Same API as the generated class; derivatives by central finite differences.
 */
package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.benchmarks.fdstubs.FiniteDifferences;

public final class LlsqAdjoint {
  private LlsqAdjoint() {}

  public record PrimalGradient(double value, double[] x) {}

  public static PrimalGradient primalGradient(double[] x, int n) {
    return new PrimalGradient(
        Llsq.primal(x, n), FiniteDifferences.gradient(() -> Llsq.primal(x, n), x));
  }
}
