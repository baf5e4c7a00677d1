package dev.adjoint.runtime.linop;

import dev.adjoint.runtime.linop.LinearOperator.ElementType;
import java.util.Arrays;
import java.util.Random;

/**
 * Factories for the built-in {@link LinearOperator}s, after JOLI's constructors. Every operator
 * returned copies what it is given, leaves its arguments unchanged, and passes the dot-product
 * test to rounding.
 *
 * <p>The tutorial's {@code A = R*F}, with {@code F = joDFT(N)} on real signals and
 * {@code R = joRomberg(N; DDT=Complex, RDT=Complex)}, is
 * {@code dft(n, REAL).then(romberg(n, rnd))}.
 */
public final class LinearOperators {
  private LinearOperators() {}

  /** The identity on real vectors of size {@code n}. */
  public static LinearOperator identity(int n) {
    return identity(n, ElementType.REAL);
  }

  /** The identity on vectors of size {@code n} and the given element type. */
  public static LinearOperator identity(int n, ElementType type) {
    return new Identity(n, type);
  }

  /** Element-wise multiplication by {@code d} on real vectors. */
  public static LinearOperator diagonal(double[] d) {
    return diagonal(d, ElementType.REAL);
  }

  /** Element-wise multiplication by the real weights {@code d}; on complex vectors each scales both parts. */
  public static LinearOperator diagonal(double[] d, ElementType type) {
    return new Diagonal(d, type);
  }

  /**
   * The real dense matrix {@code a}, with {@code a.length} rows, as an operator from
   * {@code REAL^cols} to {@code REAL^rows}; its adjoint is the transpose.
   *
   * @throws IllegalArgumentException if {@code a} has no rows or ragged rows
   */
  public static LinearOperator matrix(double[][] a) {
    return new DenseMatrix(a);
  }

  /**
   * The orthonormal DFT on complex vectors of size {@code n}:
   * {@code (F x)_k = n^{-1/2} sum_j x_j exp(-2 pi i jk/n)}, through JTransforms. Its adjoint is
   * its inverse.
   */
  public static LinearOperator dft(int n) {
    return dft(n, ElementType.COMPLEX);
  }

  /**
   * The orthonormal DFT of vectors of the given element type onto complex vectors, like JOLI's
   * {@code joDFT(n; DDT)}. From a {@code REAL} domain, the adjoint returns the real part of the
   * inverse DFT, so {@code F' F} is still the identity.
   */
  public static LinearOperator dft(int n, ElementType domainType) {
    return new Dft(n, domainType);
  }

  /**
   * Keeps the elements at the increasing indices {@code kept} of a vector of size {@code n}.
   *
   * @throws IllegalArgumentException if the indices are out of range or not increasing
   */
  public static LinearOperator restriction(int n, int[] kept, ElementType type) {
    return new Restriction(n, kept, type);
  }

  /** Keeps {@code m} elements, chosen uniformly at random by {@code rnd}, of a complex vector of size {@code n}. */
  public static LinearOperator randomRestriction(int n, int m, Random rnd) {
    return randomRestriction(n, m, ElementType.COMPLEX, rnd);
  }

  /** Keeps {@code m} elements, chosen uniformly at random by {@code rnd}, of a vector of size {@code n}. */
  public static LinearOperator randomRestriction(int n, int m, ElementType type, Random rnd) {
    if (m < 0 || m > n) {
      throw new IllegalArgumentException("cannot keep " + m + " of " + n + " elements");
    }
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    for (int i = 0; i < m; i++) { // a partial Fisher-Yates shuffle draws m distinct indices
      int j = i + rnd.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] kept = Arrays.copyOf(all, m);
    Arrays.sort(kept);
    return new Restriction(n, kept, type);
  }

  /**
   * JOLI's {@code joRomberg} on complex vectors of size {@code n}: Romberg's random convolution
   * {@code x -> s .* ifft(p .* fft(x))} with random unit phases {@code p} and random signs
   * {@code s} drawn from {@code rnd}. It is unitary: {@code A' A = I}.
   */
  public static LinearOperator romberg(int n, Random rnd) {
    return romberg(n, ElementType.COMPLEX, rnd);
  }

  /** {@link #romberg(int, Random)} on vectors of the given element type (its phases map real vectors to real ones). */
  public static LinearOperator romberg(int n, ElementType type, Random rnd) {
    return new RandomConvolution(n, type, rnd);
  }
}
