package dev.adjoint.runtime.check;

import java.util.Locale;

/**
 * The outcome of {@link RuleCheck#check}: how far a hand-written pullback is from central
 * differences over random directions and seeds, and whether it honours the ABI.
 *
 * @param maxRelativeError the largest relative difference between {@code <pullback(dy), dx>} and
 *     the central-difference {@code <(f(x + h dx) - f(x - h dx)) / 2h, dy>} over the trials
 * @param worstTrial the trial where it occurs (0-based)
 * @param pullbackProduct {@code <pullback(dy), dx>} in the worst trial
 * @param finiteDifferenceProduct the central-difference product in the worst trial
 * @param trials the number of random (direction, seed) pairs tried
 * @param tolerance the tolerance the check was run with
 * @param accumulates whether the pullback added into a non-zero {@code xBar} rather than
 *     overwriting it
 * @param preservesArguments whether the pullback left {@code x} and {@code dy} unchanged
 * @param passed whether the error is within tolerance and both ABI properties hold
 */
public record RuleCheckResult(
    double maxRelativeError,
    int worstTrial,
    double pullbackProduct,
    double finiteDifferenceProduct,
    int trials,
    double tolerance,
    boolean accumulates,
    boolean preservesArguments,
    boolean passed) {

  /** A readable verdict naming what failed. */
  public String message() {
    StringBuilder sb = new StringBuilder(passed ? "rule check passed" : "rule check failed");
    sb.append(String.format(Locale.ROOT,
        ": max relative error %.3e (tolerance %.3e) over %d trials; worst trial %d:"
            + " <pullback(dy), dx> = %.12e, finite differences give %.12e",
        maxRelativeError, tolerance, trials, worstTrial, pullbackProduct, finiteDifferenceProduct));
    if (!accumulates) {
      sb.append("; the pullback overwrote xBar instead of adding into it");
    }
    if (!preservesArguments) {
      sb.append("; the pullback modified its primal input x or its seed dy");
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return message();
  }
}
