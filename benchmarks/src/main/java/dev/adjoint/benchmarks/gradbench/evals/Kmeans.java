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

  /**
   * The cost with every squared distance to centroid j raised by {@code shift[j]}. At
   * {@code shift = 0} it is {@link #cost}, and its derivative in {@code shift[j]} is the number of
   * points nearest centroid j (the first one on ties, as {@code Math.min} keeps its first argument):
   * each point's term is its smallest shifted distance, which grows one for one with the winning
   * centroid's shift. So one reverse sweep gives both the gradient in the centroids and the
   * cluster sizes, which make the cost's Hessian diagonal {@code 2 |S_j|}.
   */
  @Differentiable(wrt = {"centroids", "shift"})
  public static double shiftedCost(double[][] points, double[][] centroids, double[] shift) {
    double cost = 0;
    for (int i = 0; i < points.length; i++) {
      double closest = squaredDistance(points[i], centroids[0]) + shift[0];
      for (int j = 1; j < centroids.length; j++) {
        closest = Math.min(closest, squaredDistance(points[i], centroids[j]) + shift[j]);
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
