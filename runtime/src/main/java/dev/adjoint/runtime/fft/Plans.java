package dev.adjoint.runtime.fft;

import java.util.concurrent.ConcurrentHashMap;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * JTransforms plans by size. Building one costs as much as several transforms of that size (it
 * precomputes twiddle tables, and Bluestein kernels for awkward sizes), while a spectral solver
 * transforms the same size over and over, so plans are built once and shared. A plan holds only
 * tables that its transforms read, so sharing it between threads is safe.
 */
final class Plans {
  /** Beyond this many sizes the cache starts over, so a program that tries many sizes cannot hoard memory. */
  private static final int MAX_SIZES = 64;

  private static final ConcurrentHashMap<Integer, DoubleFFT_1D> PLANS = new ConcurrentHashMap<>();

  private Plans() {}

  static DoubleFFT_1D get(int n) {
    DoubleFFT_1D plan = PLANS.get(n);
    if (plan != null) {
      return plan;
    }
    if (PLANS.size() >= MAX_SIZES) {
      PLANS.clear();
    }
    return PLANS.computeIfAbsent(n, DoubleFFT_1D::new);
  }
}
