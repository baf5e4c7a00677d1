package dev.adjoint.benchmarks.gradbench.evals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KmeansTest {
  private final Random random = new Random(7);

  private double[][] randomMatrix(int rows, int cols) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int i = 0; i < cols; i++) {
        row[i] = random.nextGaussian();
      }
    }
    return m;
  }

  /** How many points are nearest each centroid, the first one on ties, counted directly. */
  private static double[] clusterSizes(double[][] points, double[][] centroids) {
    double[] sizes = new double[centroids.length];
    for (double[] point : points) {
      int closest = 0;
      for (int j = 1; j < centroids.length; j++) {
        if (Kmeans.squaredDistance(point, centroids[j]) < Kmeans.squaredDistance(point, centroids[closest])) {
          closest = j;
        }
      }
      sizes[closest]++;
    }
    return sizes;
  }

  @Test
  void theShiftedCostsDerivativeInTheShiftCountsEachCluster() {
    double[][] points = randomMatrix(500, 3);
    double[][] centroids = randomMatrix(7, 3);
    double[] noShift = new double[7];

    KmeansAdjoint.ShiftedCostGradient shifted = KmeansAdjoint.shiftedCostGradient(points, centroids, noShift);

    assertArrayEquals(clusterSizes(points, centroids), shifted.shift());
    assertEquals(Kmeans.cost(points, centroids), shifted.value());
    assertArrayEquals(
        KmeansAdjoint.costGradient(points, centroids).centroids(), shifted.centroids(),
        "the same gradient in the centroids as the unshifted cost's");
  }

  @Test
  void tiesGoToTheFirstCentroidAsInTheCost() {
    double[][] points = {{0.0}, {2.0}};
    double[][] centroids = {{1.0}, {1.0}, {5.0}};

    double[] sizes = KmeansAdjoint.shiftedCostGradient(points, centroids, new double[3]).shift();

    assertArrayEquals(new double[] {2, 0, 0}, sizes);
  }
}
