package dev.adjoint.processor.transform;

import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.ir.CallTarget;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.UnaryOp;

/**
 * The reverse of an expression: given the adjoint (seed) of its value, adds each active variable's
 * share to that variable's adjoint, by the chain rule through operators, casts, conditionals,
 * {@code Math} functions ({@link MathAdjoints}) and calls ({@link CallAdjoints}).
 *
 * <p>The primal values this code reads are also stated in
 * {@code dev.adjoint.processor.analyze.AdjointReads}, which decides what is recorded: a change to
 * which operands a derivative is written with goes in both ({@link AnalysisCheck} fails otherwise).
 */
final class ExpressionAdjoints {
  private ExpressionAdjoints() {}

  static void propagate(Expr e, Seed seed, Code out, AdjointContext b) {
    if (!b.isActive(e)) {
      if (e instanceof Expr.Invoke call) {
        // no derivative flows, but the arrays the forward sweep saved for the call come back
        b.reverseCall(call, null, out);
      }
      return;
    }
    if (e instanceof Expr.VarRef || e instanceof Expr.ArrayRead) {
      b.reachLeaf(e, seed, out);
    } else if (e instanceof Expr.Unary u) {
      propagate(u.operand(), u.op() == UnaryOp.NEGATE ? seed.negate() : seed, out, b);
    } else if (e instanceof Expr.Cast c) {
      propagate(c.operand(), seed, out, b);
    } else if (e instanceof Expr.Binary binary) {
      propagateBinary(binary, seed, out, b);
    } else if (e instanceof Expr.Conditional c) {
      Seed s = b.reuse(seed, out);
      b.openBranch("if (" + b.print(c.condition()) + ")", out);
      propagate(c.ifTrue(), s, out, b);
      b.elseBranch(out);
      propagate(c.ifFalse(), s, out, b);
      b.closeBranch(out);
    } else if (e instanceof Expr.MathCall m) {
      MathAdjoints.propagate(m, seed, out, b);
    } else if (e instanceof Expr.Invoke call) {
      if (call.target().kind() == CallTarget.Kind.STATEFUL_RULE && !b.isTopLevel(call)) {
        throw new TransformException(call.tree(), "a call with a stateful rule inside a larger expression"
            + " that is evaluated conditionally");
      }
      b.reverseCall(call, seed.text(), out);
    } else {
      throw new TransformException(e.tree(), "this expression in a differentiated position");
    }
  }

  /** Whether e multiplies an expression by itself: the same text, and no call that could differ. */
  private static boolean isSquare(Expr.Binary e, AdjointContext b) {
    boolean[] calls = {false};
    IrWalker.expressions(e.left(), x -> calls[0] |= x instanceof Expr.Invoke);
    return !calls[0] && b.print(e.left()).equals(b.print(e.right()));
  }

  private static void propagateBinary(Expr.Binary e, Seed seed, Code out, AdjointContext b) {
    boolean left = b.isActive(e.left());
    boolean right = b.isActive(e.right());
    Seed s = left && right ? b.reuse(seed, out) : seed;
    switch (e.op()) {
      case ADD -> {
        propagate(e.left(), s, out, b);
        propagate(e.right(), s, out, b);
      }
      case SUB -> {
        propagate(e.left(), s, out, b);
        propagate(e.right(), s.negate(), out, b);
      }
      case MUL -> {
        if (left && right && isSquare(e, b)) {
          // e * e: the adjoint is 2 e seed, one term instead of two equal ones
          propagate(e.left(), s.times("2").times(b.operand(e.left(), out)), out, b);
          return;
        }
        if (left) {
          propagate(e.left(), s.times(b.operand(e.right(), out)), out, b);
        }
        if (right) {
          propagate(e.right(), s.times(b.operand(e.left(), out)), out, b);
        }
      }
      case DIV -> {
        String r = b.operand(e.right(), out);
        if (left) {
          propagate(e.left(), s.over(r), out, b);
        }
        if (right) {
          String l = b.operand(e.left(), out);
          propagate(e.right(), s.negate().times(l).over("(" + r + " * " + r + ")"), out, b);
        }
      }
      case REM -> {
        propagate(e.left(), s, out, b);
        if (right) {
          String l = b.operand(e.left(), out);
          String r = b.operand(e.right(), out);
          propagate(e.right(), s.negate().times("((" + l + " - " + l + " % " + r + ") / " + r + ")"), out, b);
        }
      }
      default -> throw new TransformException(e.tree(), "the operator " + e.op().symbol() + " on a differentiated value");
    }
  }
}
