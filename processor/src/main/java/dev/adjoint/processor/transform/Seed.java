package dev.adjoint.processor.transform;

/**
 * The adjoint flowing into an expression during the reverse sweep, as Java text.
 *
 * @param atomic whether the text can be used as an operand without parentheses
 */
record Seed(String text, boolean atomic) {
  static Seed of(String name) {
    return new Seed(name, true);
  }

  String operand() {
    return atomic ? text : "(" + text + ")";
  }

  Seed negate() {
    return new Seed("-" + operand(), false);
  }

  /** seed * factor, where factor is already an operand (a name, a call, or parenthesised). */
  Seed times(String factor) {
    return new Seed(operand() + " * " + factor, false);
  }

  /**
   * seed * factor, but exactly zero where the seed is zero even if the factor is infinite (a
   * strong zero, as ChainRules' ZeroTangent): an input whose value no output depends on then gets
   * 0 from {@code sqrt(0)}, not {@code 0 * Infinity = NaN}. The seed must be a name.
   */
  Seed strongTimes(String factor) {
    return new Seed("(" + text + " == 0 ? 0 : " + text + " * " + factor + ")", true);
  }

  /** seed / divisor as a strong zero: see {@link #strongTimes}. The seed must be a name. */
  Seed strongOver(String divisor) {
    return new Seed("(" + text + " == 0 ? 0 : " + text + " / " + divisor + ")", true);
  }

  /** seed / divisor, where divisor is already an operand. */
  Seed over(String divisor) {
    return new Seed(operand() + " / " + divisor, false);
  }
}
