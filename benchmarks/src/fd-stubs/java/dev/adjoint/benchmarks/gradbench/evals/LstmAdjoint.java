/*
 * STAND-IN, NOT GENERATED AND NOT AD: compiled only with -Pfd-stubs, before Adjoint's processor
 * generates this class. Same API as the generated class; derivatives by central finite differences.
 */
package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.benchmarks.fdstubs.FiniteDifferences;

public final class LstmAdjoint {
  private LstmAdjoint() {}

  public record ObjectiveGradient(double value, double[][] mainParams, double[][] extraParams) {}

  public static ObjectiveGradient objectiveGradient(
      double[][] mainParams, double[][] extraParams, double[][] state, double[][] sequence) {
    FiniteDifferences.Objective f = () -> Lstm.objective(mainParams, extraParams, state, sequence);
    return new ObjectiveGradient(f.value(), FiniteDifferences.gradient(f, mainParams),
        FiniteDifferences.gradient(f, extraParams));
  }
}
