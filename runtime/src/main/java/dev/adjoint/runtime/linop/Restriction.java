package dev.adjoint.runtime.linop;

/**
 * Keeps the entries at given indices, in increasing order; its adjoint puts them back and zero
 * fills the rest.
 */
final class Restriction extends BaseOperator {
  private final int[] kept;

  Restriction(int n, int[] kept, ElementType type) {
    super(n, type, kept.length, type);
    this.kept = kept.clone();
    for (int k = 0; k < kept.length; k++) {
      if (kept[k] < 0 || kept[k] >= n || (k > 0 && kept[k] <= kept[k - 1])) {
        throw new IllegalArgumentException("kept indices must be increasing and in [0, " + n
            + "), but entry " + k + " is " + kept[k]);
      }
    }
  }

  @Override
  void addForward(double[] x, double[] out) {
    int w = domainType().width();
    for (int k = 0; k < kept.length; k++) {
      for (int p = 0; p < w; p++) {
        out[w * k + p] += x[w * kept[k] + p];
      }
    }
  }

  @Override
  void addAdjoint(double[] y, double[] out) {
    int w = domainType().width();
    for (int k = 0; k < kept.length; k++) {
      for (int p = 0; p < w; p++) {
        out[w * kept[k] + p] += y[w * k + p];
      }
    }
  }

  @Override
  String name() {
    return "restriction(" + kept.length + " of " + domainSize() + ")";
  }
}
