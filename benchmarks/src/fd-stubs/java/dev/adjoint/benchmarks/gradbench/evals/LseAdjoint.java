/*
 * STAND-IN, NOT GENERATED AND NOT AD: compiled only with -Pfd-stubs, before Adjoint's processor
 * generates this class. Same API as the generated class; derivatives by central finite differences.
 */
package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.benchmarks.fdstubs.FiniteDifferences;

public final class LseAdjoint {
  private LseAdjoint() {}

  public record LogsumexpGradient(double value, double[] x) {}

  public static LogsumexpGradient logsumexpGradient(double[] x) {
    return new LogsumexpGradient(
        Lse.logsumexp(x), FiniteDifferences.gradient(() -> Lse.logsumexp(x), x));
  }
}
