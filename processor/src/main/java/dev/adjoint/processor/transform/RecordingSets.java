package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.Checkpoints;
import dev.adjoint.processor.analyze.RecordingRules;
import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.RuntimeClasses;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the forward sweep records where it overwrites a value, at the place being generated: the
 * scope of {@link RecordingRules} (the rules the to-be-recorded analysis shares) for the current
 * top-level statement and enclosing loops, and the code that saves scalars once around a loop and
 * arrays whole ({@link Checkpoints}).
 */
final class RecordingSets {
  private final SweepState st;
  private final Recorder recorder;
  private final StatementContext sweep;

  RecordingSets(SweepState st, Recorder recorder, StatementContext sweep) {
    this.st = st;
    this.recorder = recorder;
    this.sweep = sweep;
  }

  boolean needsRecord(Expr target, boolean isDecl) {
    return st.rules.needsRecord(st.scope, target, isDecl);
  }

  /** What the loop saves and checkpoints here, without entering it. */
  RecordingRules.LoopRecording of(Stmt loop) {
    return st.rules.enterLoop(st.scope, loop, st.loopReads.getOrDefault(loop, Set.of()));
  }

  /** Runs work inside the loop: with its saved scalars and checkpointed arrays recording nothing. */
  RecordingRules.LoopRecording inLoop(Stmt loop, java.util.function.Consumer<RecordingRules.LoopRecording> work) {
    RecordingRules.LoopRecording recording = of(loop);
    RecordingRules.Scope outer = st.scope;
    st.scope = recording.body();
    st.loopDepth++;
    st.openLoops.push(loop);
    try {
      work.accept(recording);
    } finally {
      st.scope = outer;
      st.loopDepth--;
      st.openLoops.pop();
    }
    return recording;
  }

  /**
   * The loop's checkpoints as the forward sweep makes them: the per-iteration copies are dropped
   * when the body has no reverse, since then no reverse iteration would take them back.
   */
  List<Checkpoints.Checkpoint> forwardCheckpoints(RecordingRules.LoopRecording recording, Stmt body) {
    List<Checkpoints.Checkpoint> chosen = new ArrayList<>(recording.checkpoints());
    if (!chosen.isEmpty() && !sweep.hasReverse(body)) {
      chosen.replaceAll(c -> new Checkpoints.Checkpoint(c.array(), false));
    }
    return chosen;
  }

  void pushSaves(List<Variable> saved, Code out) {
    for (Variable v : saved) {
      recorder.record(v.type(), v.name(), out);
      st.pushed.add(v.name());
      st.noteRecorded(v.name());
    }
  }

  /** Saves the checkpointed arrays: all of them before the loop, the per-iteration ones after each iteration. */
  void pushCheckpoints(List<Checkpoints.Checkpoint> chosen, boolean iteration, Code out) {
    for (Checkpoints.Checkpoint c : chosen) {
      if (iteration && !c.perIteration()) {
        continue;
      }
      String a = c.array().name();
      st.pushed.add(a + "[]");
      if (iteration) {
        st.noteRecorded("all of " + a + "[]");
      } else {
        st.noteRecordedAround("all of " + a + "[]");
      }
      out.line(c.array().type().base() == JType.Base.DOUBLE ? Snippet.of(st.tape, ".pushCopy(" + a + ");")
          : Snippet.of(st.tape, ".pushObject(", RuntimeClasses.SHADOWS, ".snapshot(" + a + "));"));
      st.usesTape = true;
    }
  }

  /** Puts checkpointed arrays back, in the reverse order of {@link #pushCheckpoints}. */
  void popCheckpoints(List<Checkpoints.Checkpoint> chosen, boolean iteration, Code out) {
    for (int k = chosen.size() - 1; k >= 0; k--) {
      Checkpoints.Checkpoint c = chosen.get(k);
      if (iteration && !c.perIteration()) {
        continue;
      }
      String a = c.array().name();
      if (st.printer.readsTarget() != null) {
        st.printer.readsTarget().add(c.array()); // the reverse names it, so it must be in scope there
      }
      out.line(c.array().type().base() == JType.Base.DOUBLE ? Snippet.of(st.tape, ".popInto(" + a + ");")
          : Snippet.of(RuntimeClasses.SHADOWS, ".restore(", st.tape, ".<" + c.array().type().sourceText() + ">popObject(), " + a + ");"));
    }
  }

  /** Runs work with the recording scope of top-level statement k (see {@link RecordingRules#forTopLevel}). */
  void withRecordingFor(int k, Runnable work) {
    RecordingRules.Scope outer = st.scope;
    st.scope = st.rules.forTopLevel(k, st.topReads, st.allRecordedVars, st.allRecordedClasses);
    try {
      work.run();
    } finally {
      st.scope = outer;
    }
  }
}
