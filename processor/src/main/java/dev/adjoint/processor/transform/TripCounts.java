package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.Arithmetic;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
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

  /**
   * The trip count of a loop {@code for (i = start; i < end; i++)} (or with {@code <=}, or counting
   * down with {@code >}, {@code >=}) whose bounds the loop never changes, as an expression over
   * those bounds, which must be integers; null for any other loop, whose trip count is recorded.
   */
  String tripFormula(Stmt.CountedLoop c) {
    boolean up = c.step() instanceof Expr.Literal l && l.text().equals("1");
    boolean down = c.step() instanceof Expr.Unary u && u.operand() instanceof Expr.Literal l && l.text().equals("1");
    if (!(up || down) || !(c.condition() instanceof Expr.Binary b) || !(b.left() instanceof Expr.VarRef v)
        || v.variable() != c.index() || !st.plan.isLoopInvariant(b.right(), c) || !st.plan.isLoopInvariant(c.start(), c)
        || b.right().type().isFloating() || c.start().type().isFloating()) {
      return null; // a double bound (i < n with double n) compares after widening: count the trips
    }
    Expr end = b.right();
    Expr span;
    if (up && (b.op() == BinaryOp.LT || b.op() == BinaryOp.LE)) {
      span = Arithmetic.minus(end, c.start());
    } else if (down && (b.op() == BinaryOp.GT || b.op() == BinaryOp.GE)) {
      span = Arithmetic.minus(c.start(), end);
    } else {
      return null;
    }
    String text = st.printer.print(b.op() == BinaryOp.LE || b.op() == BinaryOp.GE ? Arithmetic.plus(span, 1) : span);
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
    Variable i = c.index();
    return "for (" + i.type().sourceText() + " " + i.name() + " = " + start + "; " + st.printer.print(c.condition()) + "; "
        + i.name() + stepText(c) + ")";
  }

  private String stepText(Stmt.CountedLoop c) {
    Expr step = c.step();
    if (step instanceof Expr.Literal l && l.text().equals("1")) {
      return "++";
    }
    if (step instanceof Expr.Unary u && u.operand() instanceof Expr.Literal l && l.text().equals("1")) {
      return "--";
    }
    if (step instanceof Expr.Unary u) {
      return " -= " + st.printer.print(u.operand());
    }
    return " += " + st.printer.print(step);
  }

  /** Whether e reads only variables nothing in the method writes, so the reverse sweep can recompute it. */
  boolean isInvariant(Expr e) {
    boolean[] ok = {true};
    IrWalker.expressions(e, x -> {
      if (x instanceof Expr.VarRef v && st.assignedAnywhere.contains(v.variable())
          || x instanceof Expr.Invoke || x instanceof Expr.ArrayRead) {
        ok[0] = false;
      }
    });
    return ok[0];
  }
}
