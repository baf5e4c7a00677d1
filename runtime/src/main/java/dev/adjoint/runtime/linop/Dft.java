package dev.adjoint.runtime.linop;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The orthonormal DFT, {@code (F x)_k = n^{-1/2} sum_j x_j exp(-2 pi i jk / n)}, onto complex
 * vectors, from real or complex ones. Being unitary, its adjoint is its inverse; from a real
 * domain the adjoint keeps the real part.
 */
final class Dft extends BaseOperator {
  private final int n;
  private final double scale;
  /** JTransforms' plan: precomputed tables only, read by every call. */
  private final DoubleFFT_1D fft;

  Dft(int n, ElementType domainType) {
    super(n, domainType, n, ElementType.COMPLEX);
    if (n < 1) {
      throw new IllegalArgumentException("DFT size must be positive, got " + n);
    }
    this.n = n;
    this.scale = 1 / Math.sqrt(n);
    this.fft = new DoubleFFT_1D(n);
  }

  @Override
  void addForward(double[] x, double[] out) {
    double[] a;
    if (domainType() == ElementType.COMPLEX) {
      a = x.clone();
    } else {
      a = new double[2 * n];
      for (int j = 0; j < n; j++) {
        a[2 * j] = x[j];
      }
    }
    fft.complexForward(a);
    Shapes.addScaled(scale, a, out);
  }

  @Override
  void addAdjoint(double[] y, double[] out) {
    double[] a = y.clone();
    fft.complexInverse(a, false); // unnormalised: sum_k y_k exp(+2 pi i jk / n)
    if (domainType() == ElementType.COMPLEX) {
      Shapes.addScaled(scale, a, out);
    } else {
      for (int j = 0; j < n; j++) {
        out[j] += scale * a[2 * j];
      }
    }
  }

  @Override
  String name() {
    return "dft(" + n + ")";
  }
}
