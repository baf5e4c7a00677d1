/*
 * STAND-IN, NOT GENERATED AND NOT AD: compiled only with -Pfd-stubs, before Adjoint's processor
 * generates this class. Same API as the generated class; derivatives by central finite differences.
 */
package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.benchmarks.fdstubs.FiniteDifferences;

public final class HtAdjoint {
  private HtAdjoint() {}

  public record BoneTransformsGradient(double[] value, double[] theta) {}

  public static BoneTransformsGradient boneTransformsPullback(
      double[] theta, double[][] baseRelatives, double[][] inverseBaseAbsolutes, double[] parents,
      boolean mirrored, double[] dy) {
    FiniteDifferences.Objective f = () -> FiniteDifferences.dot(
        dy, Ht.boneTransforms(theta, baseRelatives, inverseBaseAbsolutes, parents, mirrored));
    return new BoneTransformsGradient(
        Ht.boneTransforms(theta, baseRelatives, inverseBaseAbsolutes, parents, mirrored),
        FiniteDifferences.gradient(f, theta));
  }

  public static double[] pointResidualPullbackInto(
      double[] transforms, double u0, double u1, double[] target, double[] base0, double[] weights0,
      double[] base1, double[] weights1, double[] base2, double[] weights2, double[] dy,
      double[] transformsBar) {
    FiniteDifferences.accumulate(() -> FiniteDifferences.dot(dy, Ht.pointResidual(
        transforms, u0, u1, target, base0, weights0, base1, weights1, base2, weights2)),
        transforms, transformsBar);
    return new double[] {
        FiniteDifferences.derivative(u -> FiniteDifferences.dot(dy, Ht.pointResidual(
            transforms, u, u1, target, base0, weights0, base1, weights1, base2, weights2)), u0),
        FiniteDifferences.derivative(u -> FiniteDifferences.dot(dy, Ht.pointResidual(
            transforms, u0, u, target, base0, weights0, base1, weights1, base2, weights2)), u1)};
  }
}
