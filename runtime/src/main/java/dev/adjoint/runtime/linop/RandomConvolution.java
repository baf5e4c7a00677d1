package dev.adjoint.runtime.linop;

import java.util.Random;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Romberg's random convolution, as JOLI's {@code joRomberg} builds it:
 * {@code A x = s .* ifft(p .* fft(x))}, with random unit-modulus phases {@code p} and random
 * signs {@code s}. It is unitary, so {@code A' A = I}. The phases are those of the DFT of a real
 * vector, so real inputs give real outputs, which lets it act on real vectors too.
 */
final class RandomConvolution extends BaseOperator {
  private final int n;
  /** Interleaved unit phases p_k. */
  private final double[] phases;
  /** Random signs s_j, one per element. */
  private final double[] signs;
  private final DoubleFFT_1D fft;

  RandomConvolution(int n, ElementType type, Random rnd) {
    super(n, type, n, type);
    if (n < 1) {
      throw new IllegalArgumentException("size must be positive, got " + n);
    }
    this.n = n;
    this.fft = new DoubleFFT_1D(n);
    this.phases = hermitianPhases(n, rnd, fft);
    this.signs = new double[n];
    for (int j = 0; j < n; j++) {
      signs[j] = rnd.nextBoolean() ? 1 : -1;
    }
  }

  /** Phases of fft(real(ifft(exp(2 pi i u)))) for uniform u: uniform-ish, and conjugate symmetric. */
  private static double[] hermitianPhases(int n, Random rnd, DoubleFFT_1D fft) {
    double[] p = new double[2 * n];
    for (int k = 0; k < n; k++) {
      double theta = 2 * Math.PI * rnd.nextDouble();
      p[2 * k] = Math.cos(theta);
      p[2 * k + 1] = Math.sin(theta);
    }
    fft.complexInverse(p, true);
    for (int j = 0; j < n; j++) {
      p[2 * j + 1] = 0;
    }
    fft.complexForward(p);
    for (int k = 0; k < n; k++) {
      double r = Math.hypot(p[2 * k], p[2 * k + 1]);
      if (r > 0) {
        p[2 * k] /= r;
        p[2 * k + 1] /= r;
      } else { // a zero coefficient has no phase; any unit one keeps A unitary, and 1 keeps the symmetry
        p[2 * k] = 1;
        p[2 * k + 1] = 0;
      }
    }
    return p;
  }

  @Override
  void addForward(double[] x, double[] out) {
    double[] a = toComplex(x);
    fft.complexForward(a);
    multiplyByPhases(a, false);
    fft.complexInverse(a, true);
    for (int j = 0; j < n; j++) {
      a[2 * j] *= signs[j];
      a[2 * j + 1] *= signs[j];
    }
    addFromComplex(a, out);
  }

  @Override
  void addAdjoint(double[] y, double[] out) {
    double[] a = toComplex(y);
    for (int j = 0; j < n; j++) {
      a[2 * j] *= signs[j];
      a[2 * j + 1] *= signs[j];
    }
    fft.complexForward(a);
    multiplyByPhases(a, true);
    fft.complexInverse(a, true);
    addFromComplex(a, out);
  }

  private double[] toComplex(double[] v) {
    if (domainType() == ElementType.COMPLEX) {
      return v.clone();
    }
    double[] a = new double[2 * n];
    for (int j = 0; j < n; j++) {
      a[2 * j] = v[j];
    }
    return a;
  }

  private void addFromComplex(double[] a, double[] out) {
    if (domainType() == ElementType.COMPLEX) {
      Shapes.addInto(a, out);
    } else {
      for (int j = 0; j < n; j++) {
        out[j] += a[2 * j];
      }
    }
  }

  private void multiplyByPhases(double[] a, boolean conjugate) {
    double sign = conjugate ? -1 : 1;
    for (int k = 0; k < n; k++) {
      double re = a[2 * k];
      double im = a[2 * k + 1];
      double pr = phases[2 * k];
      double pi = sign * phases[2 * k + 1];
      a[2 * k] = re * pr - im * pi;
      a[2 * k + 1] = re * pi + im * pr;
    }
  }

  @Override
  String name() {
    return "romberg(" + n + ")";
  }
}
