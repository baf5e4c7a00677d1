package dev.adjoint.runtime.check;

import java.util.Locale;

/**
 * The outcome of comparing a gradient with central differences, component by component, as
 * returned by {@link GradCheck#check}. The error measure is described on {@link GradCheck}.
 *
 * @param gradient the gradient that was checked (widened to {@code double} for float functions)
 * @param finiteDifference the central-difference estimate of each component
 * @param relativeErrors the error of each component
 * @param maxRelativeError the largest of {@code relativeErrors}; NaN when a component is NaN
 * @param worstIndex where {@code maxRelativeError} occurs (the first NaN, if any); -1 for an empty point
 * @param tolerance the tolerance the check was run with
 * @param passed whether every component's error is at most {@code tolerance} (NaN never passes)
 */
public record GradientCheckResult(
    double[] gradient,
    double[] finiteDifference,
    double[] relativeErrors,
    double maxRelativeError,
    int worstIndex,
    double tolerance,
    boolean passed) {

  /** How many failing components {@link #message()} lists before it stops. */
  private static final int LISTED = 10;

  /** A one-paragraph account: the verdict, the worst component, and the first failing ones. */
  public String message() {
    StringBuilder sb = new StringBuilder();
    sb.append(passed ? "gradient check passed" : "gradient check failed")
        .append(String.format(Locale.ROOT, ": max relative error %.3e %s tolerance %.3e",
            maxRelativeError, passed ? "within" : "exceeds", tolerance));
    if (worstIndex < 0) {
      return sb.append(" (empty point)").toString();
    }
    sb.append(String.format(Locale.ROOT, " at index %d (finite difference %.9e, gradient %.9e)",
        worstIndex, finiteDifference[worstIndex], gradient[worstIndex]));
    int failing = failingCount();
    if (failing > 0) {
      sb.append(String.format(Locale.ROOT, "%n%d of %d components exceed the tolerance:%n",
          failing, gradient.length));
      sb.append(String.format(Locale.ROOT, "%8s %18s %18s %12s%n", "index", "finite diff", "gradient", "rel. error"));
      int listed = 0;
      for (int i = 0; i < relativeErrors.length && listed < LISTED; i++) {
        if (!(relativeErrors[i] <= tolerance)) {
          sb.append(String.format(Locale.ROOT, "%8d %18.9e %18.9e %12.3e%n",
              i, finiteDifference[i], gradient[i], relativeErrors[i]));
          listed++;
        }
      }
      if (failing > LISTED) {
        sb.append("  ... and ").append(failing - LISTED).append(" more");
      }
    }
    return sb.toString().stripTrailing();
  }

  /** The number of components whose error exceeds the tolerance or is NaN. */
  public int failingCount() {
    int n = 0;
    for (double e : relativeErrors) {
      if (!(e <= tolerance)) {
        n++;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return message();
  }
}
