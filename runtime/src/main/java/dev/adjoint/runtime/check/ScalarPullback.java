package dev.adjoint.runtime.check;

/**
 * The pullback of a function from {@code double[]} to {@code double}, in the ABI of generated
 * adjoints and {@code @CustomRule} methods: given the primal input {@code x} and the scalar seed
 * {@code dy}, it adds the input adjoint into {@code xBar} and leaves {@code x} as it found it. A
 * rule {@code static void fPullback(double[] x, double dy, double[] xBar)} is one, as a method
 * reference.
 */
@FunctionalInterface
public interface ScalarPullback {
  /** Adds the adjoint of {@code x} for seed {@code dy} into {@code xBar}. */
  void accumulate(double[] x, double dy, double[] xBar);
}
