package dev.adjoint.processor.ir;

/** Plain and compound assignment: {@code x op= e} means {@code x = (T) (x op e)}. */
public enum AssignOp {
  SET("=", null), ADD("+=", BinaryOp.ADD), SUB("-=", BinaryOp.SUB), MUL("*=", BinaryOp.MUL),
  DIV("/=", BinaryOp.DIV), REM("%=", BinaryOp.REM), AND("&=", BinaryOp.AND), OR("|=", BinaryOp.OR),
  XOR("^=", BinaryOp.XOR), SHL("<<=", BinaryOp.SHL), SHR(">>=", BinaryOp.SHR), USHR(">>>=", BinaryOp.USHR);

  private final String symbol;
  private final BinaryOp binary;

  AssignOp(String symbol, BinaryOp binary) {
    this.symbol = symbol;
    this.binary = binary;
  }

  public String symbol() {
    return symbol;
  }

  /** The operator a compound assignment applies; null for plain assignment. */
  public BinaryOp binary() {
    return binary;
  }
}
