package dev.adjoint.processor.transform;

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
    String start = st.printer.print(c.start());
    String end = st.printer.print(b.right());
    String span;
    if (up && (b.op() == BinaryOp.LT || b.op() == BinaryOp.LE)) {
      span = b.op() == BinaryOp.LE ? plus(difference(end, start), 1) : difference(end, start);
    } else if (down && (b.op() == BinaryOp.GT || b.op() == BinaryOp.GE)) {
      span = b.op() == BinaryOp.GE ? plus(difference(start, end), 1) : difference(start, end);
    } else {
      return null;
    }
    boolean isLong = c.index().type().base() == JType.Base.LONG;
    return isLong ? "(int) Math.max(0L, " + span + ")" : "Math.max(0, " + span + ")";
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
    String start = operand(st.printer.print(c.start()));
    String end = st.printer.print(b.right());
    Variable i = c.index();
    String declare = i.type().sourceText() + " " + i.name();
    if (up) {
      String last = b.op() == BinaryOp.LE ? end : plus(end, -1);
      return "for (" + declare + " = " + last + "; " + i.name() + " >= " + start + "; " + i.name() + "--)";
    }
    String first = b.op() == BinaryOp.GE ? end : plus(end, 1);
    return "for (" + declare + " = " + first + "; " + i.name() + " <= " + start + "; " + i.name() + "++)";
  }

  /** e + k as readable source, folding a constant e ends with: {@code n - 1} and -1 give {@code n - 2}. */
  static String plus(String e, int k) {
    if (k == 0) {
      return e;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*) ([-+]) (\\d+)$").matcher(e);
    if (m.matches() && !m.group(1).isEmpty() && operand(m.group(1)).equals(m.group(1))) {
      long folded = (m.group(2).equals("-") ? -1 : 1) * Long.parseLong(m.group(3)) + k;
      return folded == 0 ? m.group(1) : m.group(1) + (folded < 0 ? " - " + -folded : " + " + folded);
    }
    if (e.matches("-?\\d+")) {
      return Long.toString(Long.parseLong(e) + k);
    }
    return operand(e) + (k < 0 ? " - " + -k : " + " + k);
  }

  /** e where an additive operator may follow it: parenthesised if it holds a looser operator. */
  private static String operand(String e) {
    return e.matches("[\\w$.\\[\\]() +\\-*/%]*") ? e : "(" + e + ")";
  }

  /** a - b as readable source: a constant b folded in ({@code n - 1} - 1 is {@code n - 2}), parentheses only around compound operands. */
  static String difference(String a, String b) {
    if (b.matches("\\d+")) {
      int k = Integer.parseInt(b);
      return k == 0 ? operand(a) : plus(a, -k);
    }
    // an operand looser than '-' (?:, shifts, bit operators) keeps its parentheses
    String left = a.matches("[\\w$.\\[\\]() +\\-*/%]*") ? a : "(" + a + ")";
    return left + " - " + (b.contains(" ") || b.startsWith("-") ? "(" + b + ")" : b);
  }

  /** start + k * step, tidied for the common cases. */
  String indexAt(String start, String k, Expr step) {
    String stepText = st.printer.print(step);
    String scaled = stepText.equals("1") ? k : stepText.equals("-1") ? "-" + k : k + " * " + atom(step, stepText);
    if (start.equals("0")) {
      return scaled;
    }
    return scaled.startsWith("-") ? start + " - " + scaled.substring(1) : start + " + " + scaled;
  }

  private static String atom(Expr e, String text) {
    return Printer.isSimple(e) && !text.startsWith("-") ? text : "(" + text + ")";
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
