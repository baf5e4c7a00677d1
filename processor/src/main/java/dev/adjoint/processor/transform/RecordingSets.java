package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.Checkpoints;
import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.RuntimeClasses;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the forward sweep records where it overwrites a value: the sets the fixed point of
 * {@link SweepBuilder} settles (per top-level statement and per loop), scalars saved once around a
 * loop whose own reverse never reads them, and arrays saved whole around a loop ({@link Checkpoints}).
 */
final class RecordingSets {
  private final SweepState st;
  private final Recorder recorder;
  private final StatementContext sweep;
  private final Checkpoints checkpoints;
  /** Array classes an enclosing loop checkpoints, so writes inside it record nothing. */
  private Set<Variable> checkpointed = new HashSet<>();
  /** Scalars saved once around an enclosing loop, so writes inside it record nothing. */
  private Set<Variable> suppressed = new HashSet<>();

  RecordingSets(SweepState st, Recorder recorder, StatementContext sweep) {
    this.st = st;
    this.recorder = recorder;
    this.sweep = sweep;
    this.checkpoints = new Checkpoints(st.method, st.aliases);
  }

  boolean needsRecord(Expr target, boolean isDecl) {
    if (target instanceof Expr.VarRef v) {
      Variable var = v.variable();
      if (st.isRecomputed(var) || suppressed.contains(var)) {
        return false; // recomputed by the reverse iteration, or saved once around the loop
      }
      if (isDecl && var.loopDepth() == 0) {
        return false; // a first definition: nothing is overwritten
      }
      if (var.type().isArray()) {
        // an active array's adjoint array must follow its reference back, so both are recorded
        return st.recordedVars.contains(var) || st.activity.isActive(var);
      }
      return st.recordedVars.contains(var);
    }
    Variable base = IrWalker.baseVariable(target);
    return base != null && st.recordedClasses.contains(st.aliases.find(base)) && !checkpointed.contains(st.aliases.find(base));
  }

  /**
   * The scalars a loop writes that the loop's own reverse never reads: they are saved once before
   * the loop and restored once after its reverse, instead of at every write.
   */
  List<Variable> saves(Stmt loop) {
    if (!st.on(Optimizations.Kind.LOOP_SAVES)) {
      return List.of();
    }
    Set<Variable> readInside = st.loopReads.getOrDefault(loop, Set.of());
    Set<Variable> declaredInside = st.plan.declaredIn(loop);
    List<Variable> out = new ArrayList<>();
    for (Variable v : st.plan.writtenScalars(loop)) {
      if (!v.type().isArray() && st.recordedVars.contains(v) && !readInside.contains(v) && !declaredInside.contains(v)
          && !suppressed.contains(v) && !st.isRecomputed(v)) {
        out.add(v);
      }
    }
    out.sort(java.util.Comparator.comparing(Variable::name));
    return out;
  }

  /** Runs work with the loop's saved variables suppressed, and returns the variables it saved. */
  List<Variable> withSaves(Stmt loop, Runnable work) {
    List<Variable> saved = saves(loop);
    Set<Variable> outer = suppressed;
    suppressed = new HashSet<>(outer);
    suppressed.addAll(saved);
    st.loopDepth++;
    st.openLoops.push(loop);
    try {
      work.run();
    } finally {
      suppressed = outer;
      st.loopDepth--;
      st.openLoops.pop();
    }
    return saved;
  }

  void pushSaves(List<Variable> saved, Code out) {
    for (Variable v : saved) {
      recorder.record(v.type(), v.name(), out);
      st.pushed.add(v.name());
      st.noteRecorded(v.name());
    }
  }

  /**
   * Runs work with the arrays the loop checkpoints (see {@link Checkpoints}): those still recorded
   * here and not already checkpointed by an enclosing loop. Their per-iteration copies are dropped
   * when the body has no reverse, since then no reverse iteration would take them back.
   */
  void withCheckpoints(Stmt loop, Stmt body, java.util.function.Consumer<List<Checkpoints.Checkpoint>> work) {
    List<Checkpoints.Checkpoint> chosen = new ArrayList<>();
    Set<Variable> outer = checkpointed;
    checkpointed = new HashSet<>(outer);
    for (Checkpoints.Checkpoint c : st.on(Optimizations.Kind.CHECKPOINTS) ? checkpoints.candidates(loop)
        : List.<Checkpoints.Checkpoint>of()) {
      Variable cls = st.aliases.find(c.array());
      if (st.recordedClasses.contains(cls) && !outer.contains(cls)) {
        chosen.add(c);
        checkpointed.add(cls);
      }
    }
    try {
      if (!chosen.isEmpty() && !sweep.hasReverse(body)) {
        chosen.replaceAll(c -> new Checkpoints.Checkpoint(c.array(), false));
      }
      work.accept(chosen);
    } finally {
      checkpointed = outer;
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

  /** Runs work with the recording sets of top-level statement k (see {@link SweepState#topReads}). */
  void withRecordingFor(int k, Runnable work) {
    Set<Variable> savedVars = st.recordedVars;
    Set<Variable> savedClasses = st.recordedClasses;
    Set<Variable> readUpToK = new HashSet<>();
    for (int j = 0; j <= k && j < st.topReads.size(); j++) {
      if (st.topReads.get(j) != null) {
        readUpToK.addAll(st.topReads.get(j));
      }
    }
    Set<Variable> vars = new HashSet<>();
    Set<Variable> classes = new HashSet<>();
    for (Variable v : readUpToK) {
      if (st.allRecordedVars.contains(v)) {
        vars.add(v);
      }
      if (v.type().isArray() && st.allRecordedClasses.contains(st.aliases.find(v))) {
        classes.add(st.aliases.find(v));
      }
    }
    // Array parameters the method writes must come back whole (the ABI leaves arrays as found), so
    // where they are recorded at all, every write is.
    for (Variable p : st.method.params()) {
      Variable c = st.aliases.find(p);
      if (p.type().isArray() && st.mutatedClasses.contains(c) && st.allRecordedClasses.contains(c)) {
        classes.add(c);
      }
    }
    if (!st.on(Optimizations.Kind.TO_BE_RECORDED)) {
      vars = everythingRecorded(readUpToK);
      classes = new HashSet<>();
      for (Variable v : vars) {
        if (v.type().isArray()) {
          classes.add(st.aliases.find(v));
        }
      }
    }
    st.recordedVars = vars;
    st.recordedClasses = classes;
    try {
      work.run();
    } finally {
      st.recordedVars = savedVars;
      st.recordedClasses = savedClasses;
    }
  }

  /**
   * With the to-be-recorded analysis off: every variable the method overwrites, every array it
   * mentions, and whatever the reverse reads, so every overwritten value is recorded.
   */
  Set<Variable> everythingRecorded(Set<Variable> reverseReads) {
    Set<Variable> all = new LinkedHashSet<>(reverseReads);
    all.addAll(st.overwritten);
    all.addAll(st.assignedAnywhere);
    IrWalker.allExpressions(st.method.body(), e -> {
      if (e instanceof Expr.VarRef v && v.type().isArray()) {
        all.add(v.variable());
      }
    });
    all.removeIf(st.countedIndices::contains);
    return all;
  }
}
