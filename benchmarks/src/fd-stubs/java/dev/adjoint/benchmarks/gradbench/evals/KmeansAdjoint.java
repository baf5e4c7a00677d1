/*
 * STAND-IN, NOT GENERATED AND NOT AD: compiled only with -Pfd-stubs, before Adjoint's processor
 * generates this class. Same API as the generated class; derivatives by central finite differences.
 */
package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.benchmarks.fdstubs.FiniteDifferences;

public final class KmeansAdjoint {
  private KmeansAdjoint() {}

  public record CostGradient(double value, double[][] centroids) {}

  public static CostGradient costGradient(double[][] points, double[][] centroids) {
    FiniteDifferences.Objective f = () -> Kmeans.cost(points, centroids);
    return new CostGradient(f.value(), FiniteDifferences.gradient(f, centroids));
  }
}
