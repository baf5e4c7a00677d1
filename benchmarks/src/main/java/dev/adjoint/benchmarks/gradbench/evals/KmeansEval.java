package dev.adjoint.benchmarks.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * Protocol glue for {@link Kmeans}: input {@code {points: [n][d], centroids: [k][d]}}.
 *
 * <p>{@code dir} is the Newton direction {@code J / H}: the gradient J of the cost with respect to
 * the centroids divided entrywise by the Hessian's diagonal H (the Hessian is diagonal). J comes
 * from the generated adjoint. H would need a derivative of the gradient, which Adjoint does not
 * have yet (no forward mode); since the cost is a sum of squared distances, H is exactly
 * {@code 2 |S_j|} on every coordinate of centroid j, S_j the points nearest to it, and that closed
 * form is what the reference (manual) tool uses too.
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
    double[][] dir = KmeansAdjoint.costGradient(in.points, in.centroids).centroids();
    int[] sizes = clusterSizes(in.points, in.centroids);
    for (int j = 0; j < dir.length; j++) {
      double hessian = 2.0 * sizes[j];
      for (int l = 0; l < dir[j].length; l++) {
        dir[j][l] /= hessian;
      }
    }
    return dir;
  }

  /** How many points are nearest to each centroid (the first one on ties, like {@link Kmeans#cost}). */
  static int[] clusterSizes(double[][] points, double[][] centroids) {
    int[] sizes = new int[centroids.length];
    for (double[] point : points) {
      int closest = 0;
      double closestDistance = Kmeans.squaredDistance(point, centroids[0]);
      for (int j = 1; j < centroids.length; j++) {
        double distance = Kmeans.squaredDistance(point, centroids[j]);
        if (distance < closestDistance) {
          closestDistance = distance;
          closest = j;
        }
      }
      sizes[closest]++;
    }
    return sizes;
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
