/*
 * STAND-IN, NOT GENERATED AND NOT AD: compiled only with -Pfd-stubs, before Adjoint's processor
 * generates this class. Same API as the generated class; derivatives by central finite differences.
 */
package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.benchmarks.fdstubs.FiniteDifferences;

public final class HelloAdjoint {
  private HelloAdjoint() {}

  public record SquareGradient(double value, double x) {}

  public static SquareGradient squareGradient(double x) {
    return new SquareGradient(Hello.square(x), FiniteDifferences.derivative(Hello::square, x));
  }
}
