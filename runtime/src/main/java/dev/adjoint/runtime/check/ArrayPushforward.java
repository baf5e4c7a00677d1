package dev.adjoint.runtime.check;

/**
 * The pushforward of a function from {@code double[]} to {@code double[]}, in the form of a
 * {@code @CustomRule(form = PUSHFORWARD)} method: given the primal input {@code x} and its tangent
 * {@code xDot}, it returns the tangent of the result and leaves both arguments as it found them. A
 * rule {@code static double[] fPushforward(double[] x, double[] xDot)} is one, as a method
 * reference.
 */
@FunctionalInterface
public interface ArrayPushforward {
  /** The tangent of the result for input tangent {@code xDot}. */
  double[] apply(double[] x, double[] xDot);
}
