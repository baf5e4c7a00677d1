package dev.adjoint.runtime.check;

import java.util.Locale;

/**
 * The outcome of a Taylor-remainder test, as returned by {@link GradCheck#taylor}: for steps
 * {@code h_k = h0 / 2^k} along a direction {@code d},
 *
 * <pre>
 *   firstOrder[k]  = |f(x + h_k d) - f(x)|                  (shrinks like h: order 1)
 *   secondOrder[k] = |f(x + h_k d) - f(x) - h_k g.d|        (shrinks like h^2 when g is the gradient)
 * </pre>
 *
 * <p>The observed orders are medians of {@code log2(r[k] / r[k+1])} over consecutive pairs whose
 * remainders both lie above {@code roundOffFloor}; below it, the remainders are rounding noise
 * and their ratios mean nothing. An order is NaN when no pair qualifies.
 *
 * @param steps the step sizes {@code h_k}
 * @param firstOrder the remainders without the gradient
 * @param secondOrder the remainders with the gradient
 * @param firstOrderRate the observed order of {@code firstOrder}: about 1
 * @param secondOrderRate the observed order of {@code secondOrder}: about 2 for a correct gradient
 * @param roundOffFloor the remainder size below which pairs are ignored
 */
public record TaylorResult(
    double[] steps,
    double[] firstOrder,
    double[] secondOrder,
    double firstOrderRate,
    double secondOrderRate,
    double roundOffFloor) {

  /** The least observed second order that {@link #isSecondOrder()} accepts. */
  public static final double MIN_SECOND_ORDER = 1.9;

  /**
   * Whether the gradient passes: the second-order remainders converge at order at least
   * {@value #MIN_SECOND_ORDER}, or all of them are already at the round-off floor (as for a
   * linear function, whose gradient is exact).
   */
  public boolean isSecondOrder() {
    if (secondOrderRate >= MIN_SECOND_ORDER) {
      return true;
    }
    if (!Double.isNaN(secondOrderRate)) {
      return false;
    }
    for (double r : secondOrder) {
      if (!(r <= roundOffFloor)) {
        return false;
      }
    }
    return true;
  }

  /** A table of the steps and both remainders, followed by the observed orders. */
  public String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%12s %16s %16s%n", "h", "|f1-f0|", "|f1-f0-h g.d|"));
    for (int k = 0; k < steps.length; k++) {
      sb.append(String.format(Locale.ROOT, "%12.4e %16.6e %16.6e%n", steps[k], firstOrder[k], secondOrder[k]));
    }
    sb.append(String.format(Locale.ROOT, "observed orders: %.3f without the gradient, %.3f with it"
        + " (round-off floor %.2e)", firstOrderRate, secondOrderRate, roundOffFloor));
    return sb.toString();
  }

  @Override
  public String toString() {
    return table();
  }
}
