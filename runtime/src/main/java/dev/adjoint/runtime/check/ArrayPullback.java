package dev.adjoint.runtime.check;

/**
 * The pullback of a function from {@code double[]} to {@code double[]}, in the ABI of generated
 * adjoints and {@code @CustomRule} methods: given the primal input {@code x} and the output seed
 * {@code dy}, it adds the input adjoint into {@code xBar} and leaves {@code x} and {@code dy} as
 * it found them. A rule {@code static void fPullback(double[] x, double[] dy, double[] xBar)} is
 * one, as a method reference.
 */
@FunctionalInterface
public interface ArrayPullback {
  /** Adds the adjoint of {@code x} for output seed {@code dy} into {@code xBar}. */
  void accumulate(double[] x, double[] dy, double[] xBar);
}
