package dev.adjoint.processor.transform;

import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;

/**
 * Statements as the user wrote them, recording nothing: the steps a {@code @Checkpointed} loop
 * runs again from a snapshot. An active array assigned by reference still takes its adjoint array
 * along, as in the forward sweep, so the two stay paired while buffers are swapped.
 *
 * <p>The variables this code reads are also stated in
 * {@code dev.adjoint.processor.analyze.ReverseReads#plainReads}.
 */
final class PrimalCode {
  private final SweepState st;
  private final AssignmentAdjoints assignments;
  private final TripCounts tripCounts;
  private final AdjointContext adjoints;

  PrimalCode(SweepState st, AssignmentAdjoints assignments, TripCounts tripCounts, AdjointContext adjoints) {
    this.st = st;
    this.assignments = assignments;
    this.tripCounts = tripCounts;
    this.adjoints = adjoints;
  }

  void write(Stmt s, Code out) {
    if (s instanceof Stmt.Block b) {
      b.statements().forEach(c -> write(c, out));
      return;
    }
    st.printer.clearSubstitutions(); // temporaries of the adjoint code around it are not in scope here
    if (s instanceof Stmt.LocalDecl d) {
      Variable v = d.variable();
      if (d.init() == null) {
        if (!st.hoisted.contains(v)) {
          out.declare(st.printer.typeRef(v.type()), v.name());
        }
      } else {
        if (st.hoisted.contains(v)) {
          out.assign(v.name(), "=", st.printer.printTyped(d.init()));
        } else {
          out.declare(st.printer.typeRef(v.type()), v.name(), st.printer.printTyped(d.init()));
        }
        followAdjoint(new Expr.VarRef(v, null), d.init(), out);
      }
    } else if (s instanceof Stmt.Assign a) {
      out.assign(st.printer.print(a.target()), a.op().symbol(), st.printer.printTyped(a.value()));
      followAdjoint(a.target(), a.value(), out);
    } else if (s instanceof Stmt.Eval e) {
      out.line(Snippet.of(st.printer.printTyped(e.call()), ";"));
    } else if (s instanceof Stmt.If i) {
      out.open(Snippet.of("if (", st.printer.printTyped(i.condition()), ")"));
      write(i.then(), out);
      if (i.otherwise() != null) {
        out.reopen("else");
        write(i.otherwise(), out);
      }
      out.close();
    } else if (s instanceof Stmt.CountedLoop c) {
      out.open(tripCounts.header(c, st.printer.print(c.start())));
      write(c.body(), out);
      out.close();
    } else if (s instanceof Stmt.While w) {
      LoopText.of(w, st.printer.printTyped(w.condition())).write(out, () -> write(w.body(), out));
    } else {
      throw new IllegalStateException("not in a checkpointed loop's body: " + s);
    }
  }

  /** An active array assigned by reference takes its adjoint array along. */
  private void followAdjoint(Expr target, Expr value, Code out) {
    Variable base = IrWalker.baseVariable(target);
    if (target.type().isArray() && base != null && st.activity.isActive(base)) {
      out.assign(adjoints.barOf(target), "=", assignments.shadowOf(value, st.printer.print(target)));
    }
  }
}
