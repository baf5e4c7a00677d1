package dev.adjoint.runtime.check;

import java.util.Locale;

/**
 * The outcome of a dot-product (adjointness) test of a linear map {@code A} against its claimed
 * adjoint {@code A'}, as returned by {@link GradCheck#dotProduct} and {@link RuleCheck#dotProduct}.
 *
 * @param forwardProduct {@code <A x, y>}
 * @param adjointProduct {@code <x, A' y>}
 * @param relativeError {@code |<A x, y> - <x, A' y>|} relative to the larger of the two, but
 *     never to less than {@code 1e-3 |A x| |y|}, so that random vectors that happen to be nearly
 *     orthogonal cannot inflate it
 */
public record DotProductResult(double forwardProduct, double adjointProduct, double relativeError) {

  /** Whether the relative error is at most {@code tolerance} (NaN never is). */
  public boolean within(double tolerance) {
    return relativeError <= tolerance;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "<A x, y> = %.17g, <x, A' y> = %.17g, relative error %.3e",
        forwardProduct, adjointProduct, relativeError);
  }
}
