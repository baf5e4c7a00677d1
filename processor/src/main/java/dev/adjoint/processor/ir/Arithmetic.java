package dev.adjoint.processor.ir;

/**
 * Integer index arithmetic built as IR, with constants folded, for the expressions the transform
 * writes itself (trip counts, loop bounds): {@code (n - 1) - 1} is {@code n - 2}, {@code e - 0} is
 * {@code e}. The printer parenthesises the result by precedence.
 */
public final class Arithmetic {
  private Arithmetic() {}

  /** An int constant. */
  public static Expr constant(long value, JType type) {
    return new Expr.Literal(Long.toString(value), type, null);
  }

  /** e + k, folding k into a constant e ends with. */
  public static Expr plus(Expr e, long k) {
    if (k == 0) {
      return e;
    }
    Long value = constantValue(e);
    if (value != null) {
      return constant(value + k, e.type());
    }
    if (e instanceof Expr.Binary b && (b.op() == BinaryOp.ADD || b.op() == BinaryOp.SUB)) {
      Long right = constantValue(b.right());
      if (right != null) {
        return plus(b.left(), (b.op() == BinaryOp.ADD ? right : -right) + k);
      }
    }
    return new Expr.Binary(k < 0 ? BinaryOp.SUB : BinaryOp.ADD, e, constant(Math.abs(k), e.type()), e.type(), null);
  }

  /** a - b, folding a constant b. */
  public static Expr minus(Expr a, Expr b) {
    Long value = constantValue(b);
    return value != null ? plus(a, -value) : new Expr.Binary(BinaryOp.SUB, a, b, a.type(), null);
  }

  /** The value of an integer literal, or of a negated one ({@code -1}), or null. */
  public static Long constantValue(Expr e) {
    if (e instanceof Expr.Unary u && u.op() == UnaryOp.NEGATE) {
      Long v = constantValue(u.operand());
      return v == null ? null : -v;
    }
    if (e instanceof Expr.Literal l && !l.type().isFloating() && l.type().dims() == 0) {
      try {
        return Long.parseLong(l.text().endsWith("L") || l.text().endsWith("l")
            ? l.text().substring(0, l.text().length() - 1) : l.text());
      } catch (NumberFormatException notDecimal) {
        return null; // hexadecimal, octal or a char: left as written
      }
    }
    return null;
  }
}
