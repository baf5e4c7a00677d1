/*
 * STAND-IN, NOT GENERATED AND NOT AD: compiled only with -Pfd-stubs, before Adjoint's processor
 * generates this class. Same API as the generated class; derivatives by central finite differences.
 */
package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.benchmarks.fdstubs.FiniteDifferences;

public final class OdeAdjoint {
  private OdeAdjoint() {}

  public record RungeKuttaGradient(double[] value, double[] x) {}

  public static RungeKuttaGradient rungeKuttaPullback(double[] x, int s, double[] dy) {
    return new RungeKuttaGradient(Ode.rungeKutta(x, s), FiniteDifferences.gradient(
        () -> FiniteDifferences.dot(dy, Ode.rungeKutta(x, s)), x));
  }
}
