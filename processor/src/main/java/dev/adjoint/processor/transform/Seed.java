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
    if (atomic && text.startsWith("-")) {
      return new Seed(text.substring(1), true);
    }
    return new Seed("-" + operand(), false);
  }

  /** seed * factor, where factor is already an operand (a name, a call, or parenthesised). */
  Seed times(String factor) {
    return new Seed(operand() + " * " + factor, false);
  }

  /** seed / divisor, where divisor is already an operand. */
  Seed over(String divisor) {
    return new Seed(operand() + " / " + divisor, false);
  }
}
