package dev.adjoint.benchmarks.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * Protocol glue for {@link Kmeans}: input {@code {points: [n][d], centroids: [k][d]}}.
 *
 * <p>{@code dir} is the Newton direction {@code J / H}: the gradient J of the cost with respect to
 * the centroids divided entrywise by the Hessian's diagonal H (the Hessian is diagonal). A Hessian
 * is a derivative of the gradient, which Adjoint cannot take yet (no forward mode). But the cost
 * is a sum of squared distances, so H is {@code 2 |S_j|} on every coordinate of centroid j, S_j
 * the points nearest to it, and {@code |S_j|} is itself a first derivative: that of
 * {@link Kmeans#shiftedCost} in {@code shift[j]} at zero. One generated gradient of the shifted
 * cost gives both J and H, in one forward and one reverse sweep.
 */
public final class KmeansEval {
  private KmeansEval() {}

  /** The parsed input. */
  public record Input(double[][] points, double[][] centroids) {}

  static Eval eval() {
    return Eval.of(
        "kmeans",
        "cost", EvalFunction.of(KmeansEval::parse, (Input in) -> Kmeans.cost(in.points, in.centroids))
            .warmedUpOn(KmeansEval::fewPoints),
        "dir", EvalFunction.of(KmeansEval::parse, KmeansEval::dir).warmedUpOn(KmeansEval::fewPoints));
  }

  /** The same centroids with at most 16 of the points, for warming up. */
  static Input fewPoints(Input in) {
    return new Input(Arrays.copyOf(in.points, Math.min(in.points.length, 16)), in.centroids);
  }

  public static double[][] dir(Input in) {
    KmeansAdjoint.ShiftedCostGradient g =
        KmeansAdjoint.shiftedCostGradient(in.points, in.centroids, new double[in.centroids.length]);
    double[][] dir = g.centroids();
    double[] clusterSizes = g.shift();
    for (int j = 0; j < dir.length; j++) {
      double hessian = 2.0 * clusterSizes[j];
      for (int l = 0; l < dir[j].length; l++) {
        dir[j][l] /= hessian;
      }
    }
    return dir;
  }

  public static Input parse(JsonNode json) {
    Inputs.Fields input = Inputs.object(json, "input");
    double[][] points = input.matrix("points", -1, -1);
    if (points.length == 0 || points[0].length == 0) {
      throw new InputException("input.points: expected at least one point of dimension >= 1");
    }
    int d = points[0].length;
    double[][] centroids = input.matrix("centroids", -1, d);
    if (centroids.length == 0) {
      throw new InputException("input.centroids: expected at least one centroid");
    }
    return new Input(points, centroids);
  }
}
