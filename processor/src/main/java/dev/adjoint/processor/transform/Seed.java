package dev.adjoint.processor.transform;

/**
 * The adjoint flowing into an expression during the reverse sweep, as Java text; in a tangent, the
 * partial derivative of the expression being differentiated with respect to the subexpression.
 *
 * @param atomic whether the text can be used as an operand without parentheses
 * @param guarded whether a factor on the way may be infinite where the value it multiplies is zero
 *     (sqrt at 0): a tangent writes its term as a strong zero then
 */
record Seed(String text, boolean atomic, boolean guarded) {
  Seed(String text, boolean atomic) {
    this(text, atomic, false);
  }

  static Seed of(String name) {
    return new Seed(name, true);
  }

  /** This seed, its terms written as strong zeros in a tangent (see {@link #guarded}). */
  Seed guard() {
    return new Seed(text, atomic, true);
  }

  String operand() {
    return atomic ? text : "(" + text + ")";
  }

  Seed negate() {
    if (isOne()) {
      return new Seed(MINUS_ONE, false, guarded);
    }
    if (text.equals(MINUS_ONE)) {
      return new Seed(ONE, true, guarded);
    }
    return new Seed("-" + operand(), false, guarded);
  }

  /** The seed a tangent starts from: a double, so that no partial built from it divides ints. */
  static final String ONE = "1.0";
  private static final String MINUS_ONE = "-1.0";

  /** Whether this is the tangent's starting seed 1 (times a factor, it is the factor). */
  boolean isOne() {
    return text.equals(ONE);
  }

  boolean isMinusOne() {
    return text.equals(MINUS_ONE);
  }

  /** seed * factor, where factor is already an operand (a name, a call, or parenthesised). */
  Seed times(String factor) {
    if (isOne()) {
      return new Seed(factor, true, guarded);
    }
    if (isMinusOne()) {
      return new Seed("-" + factor, false, guarded);
    }
    return new Seed(operand() + " * " + factor, false, guarded);
  }

  /**
   * seed * factor, but exactly zero where the seed is zero even if the factor is infinite (a
   * strong zero, as ChainRules' ZeroTangent): an input whose value no output depends on then gets
   * 0 from {@code sqrt(0)}, not {@code 0 * Infinity = NaN}. The seed must be a name.
   */
  Seed strongTimes(String factor) {
    return new Seed("(" + text + " == 0 ? 0 : " + text + " * " + factor + ")", true, guarded);
  }

  /** seed / divisor as a strong zero: see {@link #strongTimes}. The seed must be a name. */
  Seed strongOver(String divisor) {
    return new Seed("(" + text + " == 0 ? 0 : " + text + " / " + divisor + ")", true, guarded);
  }

  /** seed / divisor, where divisor is already an operand. */
  Seed over(String divisor) {
    if (isOne() || isMinusOne()) {
      return new Seed(text + " / " + divisor, false, guarded);
    }
    return new Seed(operand() + " / " + divisor, false, guarded);
  }
}
