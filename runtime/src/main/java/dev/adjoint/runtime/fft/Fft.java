package dev.adjoint.runtime.fft;

import dev.adjoint.annotations.CustomRule;

/**
 * One-dimensional FFTs through JTransforms, as pure functions that return fresh arrays and leave
 * their arguments unchanged, each with its custom rule in pullback form. A spectral solver
 * written with them differentiates.
 *
 * <h2>Layout and normalisation</h2>
 *
 * <p>Complex vectors are {@code double[]} with real and imaginary parts interleaved,
 * {@code [re_0, im_0, re_1, im_1, ...]}. The conventions are numpy's and FFTW's: the forward
 * transforms are unnormalised and the inverse ones divide by {@code n}, so that each pair are
 * exact inverses.
 *
 * <ul>
 *   <li>{@link #forward}: {@code X_k = sum_j x_j exp(-2 pi i jk/n)}, complex to complex.
 *   <li>{@link #inverse}: {@code x_j = (1/n) sum_k X_k exp(+2 pi i jk/n)}, complex to complex.
 *   <li>{@link #realForward}: the same sum for a real {@code x} of length {@code n}, keeping the
 *       non-negative frequencies {@code k = 0 .. n/2}: {@code n/2 + 1} complex values (numpy's
 *       {@code rfft}).
 *   <li>{@link #realInverse}: the real signal of length {@code n} whose half spectrum is given,
 *       extended by conjugate symmetry (numpy's {@code irfft}). The imaginary parts of the
 *       {@code k = 0} term, and of the {@code k = n/2} term for even {@code n}, cannot belong to
 *       a real signal and are ignored.
 * </ul>
 *
 * <h2>Rules</h2>
 *
 * <p>Each pullback adds the adjoint with respect to the real inner product of the stored arrays
 * into its last argument: {@code forward}'s adjoint is the unnormalised backward transform,
 * {@code inverse}'s is {@code forward / n}, and the real transforms' adjoints carry the weights
 * of the frequencies that conjugate symmetry counts twice.
 */
public final class Fft {
  private Fft() {}

  // ---------------------------------------------------------------- complex to complex

  /**
   * The unnormalised forward DFT of the complex vector {@code x} (interleaved, length {@code 2n}).
   *
   * @throws IllegalArgumentException if {@code x} has odd length
   */
  public static double[] forward(double[] x) {
    int n = complexSize(x, "x");
    double[] a = x.clone();
    if (n > 0) {
      Plans.get(n).complexForward(a);
    }
    return a;
  }

  /** The pullback of {@link #forward}: {@code xBar += conj(W)^T dy}, the unnormalised backward transform of {@code dy}. */
  @CustomRule(of = "forward")
  public static void forwardPullback(double[] x, double[] dy, double[] xBar) {
    addComplexTransform(x, dy, xBar, false);
  }

  /** The pushforward of {@link #forward}: the transform is linear, so the tangent is {@code forward(xDot)}. */
  @CustomRule(of = "forward", form = CustomRule.Form.PUSHFORWARD)
  public static double[] forwardPushforward(double[] x, double[] xDot) {
    return forward(tangentOrZero(xDot, x));
  }

  /**
   * The inverse DFT of the complex vector {@code x}, normalised by {@code 1/n}.
   *
   * @throws IllegalArgumentException if {@code x} has odd length
   */
  public static double[] inverse(double[] x) {
    int n = complexSize(x, "x");
    double[] a = x.clone();
    if (n > 0) {
      Plans.get(n).complexInverse(a, true);
    }
    return a;
  }

  /** The pullback of {@link #inverse}: {@code xBar += forward(dy) / n}. */
  @CustomRule(of = "inverse")
  public static void inversePullback(double[] x, double[] dy, double[] xBar) {
    addComplexTransform(x, dy, xBar, true);
  }

  /** The pushforward of {@link #inverse}: {@code inverse(xDot)}. */
  @CustomRule(of = "inverse", form = CustomRule.Form.PUSHFORWARD)
  public static double[] inversePushforward(double[] x, double[] xDot) {
    return inverse(tangentOrZero(xDot, x));
  }

  /** A tangent array, or zeros shaped like the primal array where it is null (a zero tangent). */
  private static double[] tangentOrZero(double[] dot, double[] primal) {
    if (dot == null) {
      return new double[primal.length];
    }
    requireLength("the tangent", dot, primal.length);
    return dot;
  }

  /**
   * The adjoint of a complex transform is the transform the other way: {@code xBar += } the
   * unnormalised backward transform of {@code dy} (adjoint of {@link #forward}), or its forward
   * transform over n (adjoint of {@link #inverse}). Skipped when {@code xBar} is null.
   */
  private static void addComplexTransform(double[] x, double[] dy, double[] xBar, boolean forwardThenScale) {
    if (xBar == null) {
      return;
    }
    int n = complexSize(x, "x");
    requireLength("dy", dy, 2 * n);
    requireLength("xBar", xBar, 2 * n);
    if (n == 0) {
      return;
    }
    double[] a = dy.clone();
    if (forwardThenScale) {
      Plans.get(n).complexForward(a);
      addInto(a, 1.0 / n, xBar);
    } else {
      Plans.get(n).complexInverse(a, false);
      addInto(a, 1, xBar);
    }
  }

  // ---------------------------------------------------------------- real to half spectrum

  /**
   * The unnormalised DFT of the real signal {@code x} (length {@code n >= 1}) at frequencies
   * {@code 0 .. n/2}: {@code n/2 + 1} complex values, interleaved.
   */
  public static double[] realForward(double[] x) {
    int n = x.length;
    if (n == 0) {
      throw new IllegalArgumentException("realForward needs a signal of length at least 1");
    }
    double[] packed = x.clone();
    Plans.get(n).realForward(packed);
    return unpack(packed, n);
  }

  /**
   * The pullback of {@link #realForward}: {@code xBar_j += sum_k Re(dy_k exp(+2 pi i jk/n))}
   * over {@code k = 0 .. n/2}. It is computed as {@code n * realInverse(dy / c)}, where
   * {@code c_k = 2} for the frequencies that conjugate symmetry counts twice in the inverse.
   */
  @CustomRule(of = "realForward")
  public static void realForwardPullback(double[] x, double[] dy, double[] xBar) {
    if (xBar == null) {
      return;
    }
    int n = x.length;
    requireLength("dy", dy, halfSpectrumLength(n));
    requireLength("xBar", xBar, n);
    double[] weighted = dy.clone();
    for (int k = 0; k <= n / 2; k++) {
      double w = 1 / symmetryWeight(k, n);
      weighted[2 * k] *= w;
      weighted[2 * k + 1] *= w;
    }
    double[] packed = pack(weighted, n);
    // The normalised inverse times n; JTransforms' unscaled real inverse is not n times the
    // scaled one for every n, so the scaled one is the only convention relied on.
    Plans.get(n).realInverse(packed, true);
    addInto(packed, n, xBar);
  }

  /** The pushforward of {@link #realForward}: {@code realForward(xDot)}. */
  @CustomRule(of = "realForward", form = CustomRule.Form.PUSHFORWARD)
  public static double[] realForwardPushforward(double[] x, double[] xDot) {
    return realForward(tangentOrZero(xDot, x));
  }

  /**
   * The real signal of length {@code n} whose non-negative-frequency spectrum is
   * {@code spectrum} ({@code n/2 + 1} complex values, interleaved), normalised by {@code 1/n}, so
   * that {@code realInverse(realForward(x), x.length)} is {@code x}.
   *
   * @throws IllegalArgumentException if {@code spectrum} does not have length {@code 2 (n/2 + 1)}
   */
  public static double[] realInverse(double[] spectrum, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("realInverse needs a signal length of at least 1, got " + n);
    }
    requireLength("spectrum", spectrum, halfSpectrumLength(n));
    double[] packed = pack(spectrum, n);
    Plans.get(n).realInverse(packed, true);
    return packed;
  }

  /**
   * The pullback of {@link #realInverse}: {@code spectrumBar_k += (c_k / n) realForward(dy)_k},
   * with {@code c_k = 2} for the frequencies that conjugate symmetry counts twice and 1 for the
   * others. The ignored imaginary parts get a zero adjoint.
   */
  @CustomRule(of = "realInverse")
  public static void realInversePullback(double[] spectrum, int n, double[] dy, double[] spectrumBar) {
    if (spectrumBar == null) {
      return;
    }
    requireLength("dy", dy, n);
    requireLength("spectrumBar", spectrumBar, halfSpectrumLength(n));
    double[] g = realForward(dy);
    for (int k = 0; k <= n / 2; k++) {
      double w = symmetryWeight(k, n) / n;
      spectrumBar[2 * k] += w * g[2 * k];
      spectrumBar[2 * k + 1] += w * g[2 * k + 1];
    }
  }

  /** The pushforward of {@link #realInverse}: {@code realInverse(spectrumDot, n)}. */
  @CustomRule(of = "realInverse", form = CustomRule.Form.PUSHFORWARD)
  public static double[] realInversePushforward(double[] spectrum, int n, double[] spectrumDot) {
    return realInverse(tangentOrZero(spectrumDot, spectrum), n);
  }

  // ---------------------------------------------------------------- helpers for spectral methods

  /**
   * Angular wavenumbers of the DFT bins of a periodic signal of {@code n} samples over one
   * {@code period}, in the order the transforms use: {@code 2 pi m / period} with
   * {@code m = 0, 1, .., ceil(n/2) - 1, -floor(n/2), .., -1} (numpy's {@code fftfreq} times
   * {@code 2 pi n / period}). The first {@code n/2 + 1} entries are those of the half spectrum,
   * up to the sign of the last one for even {@code n}.
   */
  public static double[] wavenumbers(int n, double period) {
    if (n < 1 || !(period > 0)) {
      throw new IllegalArgumentException("need n >= 1 and a positive period, got " + n + " and " + period);
    }
    double[] k = new double[n];
    int positive = (n + 1) / 2;
    for (int j = 0; j < n; j++) {
      int m = j < positive ? j : j - n;
      k[j] = 2 * Math.PI * m / period;
    }
    return k;
  }

  /** The number of {@code double}s of the half spectrum of a real signal of length {@code n}: {@code 2 (n/2 + 1)}. */
  public static int halfSpectrumLength(int n) {
    return 2 * (n / 2 + 1);
  }

  /** How many times frequency {@code k} of the half spectrum appears in the full one: 1 for 0 and for n/2 (even n), else 2. */
  static double symmetryWeight(int k, int n) {
    return k == 0 || 2 * k == n ? 1 : 2;
  }

  /**
   * JTransforms' packed real-transform layout to interleaved half spectrum. Packed: {@code a[0]}
   * is {@code Re X_0}; {@code a[2k], a[2k+1]} are {@code Re X_k, Im X_k} for {@code 0 < k < n/2};
   * for even {@code n}, {@code a[1] = Re X_{n/2}}; for odd {@code n}, {@code a[n-1] = Re X_{(n-1)/2}}
   * and {@code a[1] = Im X_{(n-1)/2}}.
   */
  static double[] unpack(double[] a, int n) {
    int h = n / 2;
    double[] out = new double[halfSpectrumLength(n)];
    out[0] = a[0];
    if (n == 1) {
      return out;
    }
    for (int k = 1; k < h; k++) {
      out[2 * k] = a[2 * k];
      out[2 * k + 1] = a[2 * k + 1];
    }
    if (n % 2 == 0) {
      out[2 * h] = a[1];
    } else {
      out[2 * h] = a[n - 1];
      out[2 * h + 1] = a[1];
    }
    return out;
  }

  /** The inverse of {@link #unpack}; drops the imaginary parts no real signal can have. */
  static double[] pack(double[] s, int n) {
    int h = n / 2;
    double[] a = new double[n];
    a[0] = s[0];
    if (n == 1) {
      return a;
    }
    for (int k = 1; k < h; k++) {
      a[2 * k] = s[2 * k];
      a[2 * k + 1] = s[2 * k + 1];
    }
    if (n % 2 == 0) {
      a[1] = s[2 * h];
    } else {
      a[n - 1] = s[2 * h];
      a[1] = s[2 * h + 1];
    }
    return a;
  }

  private static int complexSize(double[] x, String name) {
    if (x.length % 2 != 0) {
      throw new IllegalArgumentException(name + " must hold interleaved complex values, but has odd length "
          + x.length);
    }
    return x.length / 2;
  }

  private static void requireLength(String name, double[] a, int expected) {
    if (a.length != expected) {
      throw new IllegalArgumentException(name + " has length " + a.length + " but " + expected + " was expected");
    }
  }

  private static void addInto(double[] src, double scale, double[] dst) {
    for (int i = 0; i < dst.length; i++) {
      dst[i] += scale * src[i];
    }
  }
}
