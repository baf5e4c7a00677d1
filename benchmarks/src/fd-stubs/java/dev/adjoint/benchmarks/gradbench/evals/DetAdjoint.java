/*
 * STAND-IN, NOT GENERATED AND NOT AD: compiled only with -Pfd-stubs, before Adjoint's processor
 * generates this class. Same API as the generated class; derivatives by central finite differences.
 */
package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.benchmarks.fdstubs.FiniteDifferences;

public final class DetAdjoint {
  private DetAdjoint() {}

  public record DetGradient(double value, double[] a) {}

  public static DetGradient detGradient(double[] a, int ell) {
    return new DetGradient(Det.det(a, ell), FiniteDifferences.gradient(() -> Det.det(a, ell), a));
  }
}
