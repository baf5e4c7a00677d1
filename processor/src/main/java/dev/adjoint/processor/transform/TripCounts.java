package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.Arithmetic;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;

/**
 * A counted loop's header, step and trip count as source text, and the index of a given trip, for
 * loops whose reverse works out the trip count again instead of recording it.
 */
final class TripCounts {
  private final SweepState st;

  TripCounts(SweepState st) {
    this.st = st;
  }

  /** The trip count {@link dev.adjoint.processor.analyze.LoopPlan#tripCount} finds, as source text; null for any other loop. */
  String tripFormula(Stmt.CountedLoop c) {
    Expr count = st.plan.tripCount(c);
    if (count == null) {
      return null;
    }
    String text = st.printer.print(count);
    boolean isLong = c.index().type().base() == JType.Base.LONG;
    return isLong ? "(int) Math.max(0L, " + text + ")" : "Math.max(0, " + text + ")";
  }

  /**
   * The header of the loop's reverse over its own index, from the last trip back to the first, as
   * Tapenade writes {@code DO i=n,1,-1}: {@code for (int i = n - 1; i >= 0; i--)} for
   * {@code for (int i = 0; i < n; i++)}. Null where the trip count is not known from the bounds.
   */
  String reverseHeader(Stmt.CountedLoop c) {
    if (tripFormula(c) == null) {
      return null;
    }
    Expr.Binary b = (Expr.Binary) c.condition();
    boolean up = c.step() instanceof Expr.Literal;
    String start = st.printer.printRightOperand(c.start(), BinaryOp.GE.precedence());
    Variable i = c.index();
    String declare = i.type().sourceText() + " " + i.name();
    if (up) {
      String last = st.printer.print(b.op() == BinaryOp.LE ? b.right() : Arithmetic.plus(b.right(), -1));
      return "for (" + declare + " = " + last + "; " + i.name() + " >= " + start + "; " + i.name() + "--)";
    }
    String first = st.printer.print(b.op() == BinaryOp.GE ? b.right() : Arithmetic.plus(b.right(), 1));
    return "for (" + declare + " = " + first + "; " + i.name() + " <= " + start + "; " + i.name() + "++)";
  }

  /** The number of the trip a running extremum's loop is on: its index's distance from the start. */
  String tripNumber(Stmt.CountedLoop c) {
    Expr index = new Expr.VarRef(c.index(), null);
    boolean up = c.step() instanceof Expr.Literal; // tripFormula admits only steps of +1 and -1
    return st.printer.print(up ? Arithmetic.minus(index, c.start()) : Arithmetic.minus(c.start(), index));
  }

  /**
   * The index on trip k of a loop from start by step: {@code k}, {@code start - k} or {@code start
   * + k * step}, decided on the IR (start is a name when start is null).
   *
   * @param start the loop's start, or null when it was saved in a local named startName
   */
  String indexAt(Expr start, String startName, String k, Expr step) {
    Long stepValue = Arithmetic.constantValue(step);
    boolean down = stepValue != null && stepValue == -1;
    String scaled = stepValue != null && Math.abs(stepValue) == 1 ? k
        : k + " * " + st.printer.printPrimary(step);
    Long startValue = start == null ? null : Arithmetic.constantValue(start);
    if (startValue != null && startValue == 0) {
      return down ? "-" + scaled : scaled;
    }
    String from = start == null ? startName : st.printer.printLeftOperand(start, BinaryOp.ADD.precedence());
    return from + (down ? " - " : " + ") + scaled;
  }

  /** The loop's header as written, starting its index at start. */
  String header(Stmt.CountedLoop c, String start) {
    return header(st.printer, c, start);
  }

  /** The loop's header as written, starting its index at start, printed by printer. */
  static String header(Printer printer, Stmt.CountedLoop c, String start) {
    Variable i = c.index();
    return "for (" + i.type().sourceText() + " " + i.name() + " = " + start + "; " + printer.print(c.condition()) + "; "
        + i.name() + stepText(printer, c) + ")";
  }

  private static String stepText(Printer printer, Stmt.CountedLoop c) {
    Expr step = c.step();
    if (step instanceof Expr.Literal l && l.text().equals("1")) {
      return "++";
    }
    if (step instanceof Expr.Unary u && u.operand() instanceof Expr.Literal l && l.text().equals("1")) {
      return "--";
    }
    if (step instanceof Expr.Unary u) {
      return " -= " + printer.print(u.operand());
    }
    return " += " + printer.print(step);
  }

  /** Whether e reads only variables nothing in the method writes ({@link dev.adjoint.processor.analyze.RecordingRules#isInvariant}). */
  boolean isInvariant(Expr e) {
    return st.rules.isInvariant(e);
  }
}
