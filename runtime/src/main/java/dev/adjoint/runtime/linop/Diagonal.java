package dev.adjoint.runtime.linop;

/**
 * Multiplication by real weights, element by element; on complex vectors each weight scales
 * both parts. A real diagonal is self-adjoint.
 */
final class Diagonal extends BaseOperator {
  private final double[] d;

  Diagonal(double[] d, ElementType type) {
    super(d.length, type, d.length, type);
    this.d = d.clone();
  }

  @Override
  void addForward(double[] x, double[] out) {
    int w = domainType().width();
    for (int i = 0; i < d.length; i++) {
      for (int p = 0; p < w; p++) {
        out[w * i + p] += d[i] * x[w * i + p];
      }
    }
  }

  @Override
  void addAdjoint(double[] y, double[] out) {
    addForward(y, out);
  }

  @Override
  String name() {
    return "diagonal";
  }
}
