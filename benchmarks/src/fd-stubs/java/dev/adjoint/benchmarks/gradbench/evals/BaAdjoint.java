/*
 * STAND-IN, NOT GENERATED AND NOT AD: compiled only with -Pfd-stubs, before Adjoint's processor
 * generates this class. Same API as the generated class; derivatives by central finite differences.
 */
package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.benchmarks.fdstubs.FiniteDifferences;

public final class BaAdjoint {
  private BaAdjoint() {}

  public static double reprojectionErrorPullbackInto(
      double[] cam, double[] point, double w, double[] feat, double[] dy, double[] camBar,
      double[] pointBar) {
    FiniteDifferences.accumulate(
        () -> FiniteDifferences.dot(dy, Ba.reprojectionError(cam, point, w, feat)), cam, camBar);
    FiniteDifferences.accumulate(
        () -> FiniteDifferences.dot(dy, Ba.reprojectionError(cam, point, w, feat)), point, pointBar);
    return FiniteDifferences.derivative(
        v -> FiniteDifferences.dot(dy, Ba.reprojectionError(cam, point, v, feat)), w);
  }

  public static double weightErrorPullbackInto(double w, double dy) {
    return dy * FiniteDifferences.derivative(Ba::weightError, w);
  }
}
