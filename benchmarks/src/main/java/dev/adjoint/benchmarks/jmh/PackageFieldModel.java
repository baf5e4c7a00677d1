package dev.adjoint.benchmarks.jmh;

import dev.adjoint.annotations.Differentiable;

/**
 * Logistic-regression loss over fixed data, its weights and bias held in package fields
 * ({@link FieldAccessBenchmarks} compares the two forms; the bodies are identical).
 */
final class PackageFieldModel {
  final double[] features;
  final double[] labels;
  final int dim;
  double scale;

  PackageFieldModel(double[] features, double[] labels, int dim, double scale) {
    this.features = features;
    this.labels = labels;
    this.dim = dim;
    this.scale = scale;
  }

  /** Mean logistic loss of the weights w and bias b, with the inputs scaled by the field scale. */
  @Differentiable(wrt = {"w", "b"})
  double loss(double[] w, double b) {
    double total = 0;
    int n = labels.length;
    for (int i = 0; i < n; i++) {
      double z = b;
      for (int j = 0; j < dim; j++) {
        z += w[j] * features[i * dim + j] * scale;
      }
      double margin = labels[i] * z;
      total += Math.log1p(Math.exp(-margin));
    }
    return total / n;
  }
}
