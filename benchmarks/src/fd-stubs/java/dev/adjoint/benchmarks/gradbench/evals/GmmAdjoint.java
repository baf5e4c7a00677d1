/*
 * STAND-IN, NOT GENERATED AND NOT AD: compiled only with -Pfd-stubs, before Adjoint's processor
 * generates this class. Same API as the generated class; derivatives by central finite differences.
 */
package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.benchmarks.fdstubs.FiniteDifferences;

public final class GmmAdjoint {
  private GmmAdjoint() {}

  public record ObjectiveGradient(double value, double[] alpha, double[][] mu, double[][] q, double[][] l) {}

  public static ObjectiveGradient objectiveGradient(
      double[] alpha, double[][] mu, double[][] q, double[][] l, double[][] x, double gamma, int m) {
    FiniteDifferences.Objective f = () -> Gmm.objective(alpha, mu, q, l, x, gamma, m);
    return new ObjectiveGradient(f.value(), FiniteDifferences.gradient(f, alpha),
        FiniteDifferences.gradient(f, mu), FiniteDifferences.gradient(f, q),
        FiniteDifferences.gradient(f, l));
  }
}
