package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.annotations.Differentiable;

/** GradBench's {@code kmeans} eval: the sum of squared distances from each point to its nearest centroid. */
public final class Kmeans {
  private Kmeans() {}

  @Differentiable(wrt = {"centroids"})
  public static double cost(double[][] points, double[][] centroids) {
    double cost = 0;
    for (int i = 0; i < points.length; i++) {
      double closest = squaredDistance(points[i], centroids[0]);
      for (int j = 1; j < centroids.length; j++) {
        closest = Math.min(closest, squaredDistance(points[i], centroids[j]));
      }
      cost += closest;
    }
    return cost;
  }

  @Differentiable
  static double squaredDistance(double[] a, double[] b) {
    double dist = 0;
    for (int i = 0; i < a.length; i++) {
      dist += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return dist;
  }
}
