package dev.adjoint.processor.transform;

import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Stmt;

/** The forward and reverse halves of an {@code if}: the branch taken is recorded as a boolean. */
final class BranchAdjoints {
  private final SweepState st;
  private final Recorder recorder;
  private final StatementContext sweep;

  BranchAdjoints(SweepState st, Recorder recorder, StatementContext sweep) {
    this.st = st;
    this.recorder = recorder;
    this.sweep = sweep;
  }

  void forwardIf(Stmt.If i, Code out) {
    Snippet cond = st.printer.printTyped(i.condition());
    if (!sweep.hasReverse(i)) {
      out.open(Snippet.of("if (", cond, ")"));
      sweep.forward(i.then(), out);
      if (i.otherwise() != null) {
        out.reopen("else");
        sweep.forward(i.otherwise(), out);
      }
      out.close();
      return;
    }
    st.usesTape = true;
    out.open(Snippet.of("if (", cond, ")"));
    sweep.forward(i.then(), out);
    recorder.recordFlag(true, out);
    st.noteRecorded(i.source() == null ? "the branch a break, continue or return takes"
        : "the branch taken at " + LoopAdjoints.where(i));
    out.reopen("else");
    if (i.otherwise() != null) {
      sweep.forward(i.otherwise(), out);
    }
    recorder.recordFlag(false, out);
    out.close();
  }

  void reverseIf(Stmt.If i, Code out) {
    Code then = sweep.reverse(i.then());
    Code otherwise = i.otherwise() == null ? new Code() : sweep.reverse(i.otherwise());
    if (then.isEmpty() && otherwise.isEmpty()) {
      return;
    }
    out.open(Snippet.of("if (", recorder.popOf(JType.BOOLEAN), ")"));
    out.append(then);
    if (!otherwise.isEmpty()) {
      out.reopen("else");
      out.append(otherwise);
    }
    out.close();
  }
}
