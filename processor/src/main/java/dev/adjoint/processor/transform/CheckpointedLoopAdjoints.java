package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.LoopState;
import dev.adjoint.processor.diagnostics.Construct;
import dev.adjoint.processor.diagnostics.Problem;
import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.RuntimeClasses;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.Set;

/**
 * The two halves of a {@code @Checkpointed} loop (Griewank and Walther's binomial checkpointing,
 * with the runtime's {@code Revolve} schedule). The forward sweep keeps the loop's entry state
 * ({@link LoopState}) and runs the loop recording nothing. The reverse sweep puts the entry state
 * back and follows the schedule: it runs steps again from a snapshot recording nothing, saves and
 * restores the state in the snapshot slots, and reverses one step at a time, by running that step
 * forward with its records and then its reverse. It ends with the entry state back, as the
 * statements before the loop expect it.
 */
final class CheckpointedLoopAdjoints {
  private final SweepState st;
  private final TripCounts tripCounts;
  private final LoopAdjoints loops;
  private final StatementContext sweep;
  private final PrimalCode primal;

  CheckpointedLoopAdjoints(SweepState st, TripCounts tripCounts, LoopAdjoints loops, StatementContext sweep,
      PrimalCode primal) {
    this.st = st;
    this.tripCounts = tripCounts;
    this.loops = loops;
    this.sweep = sweep;
    this.primal = primal;
  }

  /** The loop's state, after checking the loop can be checkpointed (else an error at its condition). */
  private LoopState state(Stmt.CountedLoop c) {
    if (st.plan.tripCount(c) == null) {
      throw new TransformException(c.condition().tree(), Problem.of(Construct.CHECKPOINT_NOT_COUNTED));
    }
    LoopState state = LoopState.of(c, st.plan, st.aliases);
    Variable unnamed = state.unnamed(c, st.plan, st.aliases);
    if (unnamed != null) {
      throw new TransformException(c.condition().tree(),
          Problem.of(Construct.CHECKPOINT_STATE_THROUGH_LOCAL, unnamed.sourceName()));
    }
    for (Variable v : state.contents()) {
      if (!LoopState.copyable(v.type())) {
        throw new TransformException(c.condition().tree(),
            Problem.of(Construct.CHECKPOINT_STATE_TYPE, v.sourceName(), v.type().sourceText()));
      }
    }
    return state;
  }

  /** The forward half: keeps the entry state, then runs the loop as written. */
  void forward(Stmt.CountedLoop c, Code out) {
    LoopState state = state(c);
    out.comment("the checkpointed loop's entry state, for its reverse (" + c.snapshots() + " snapshots)");
    for (Variable v : state.scalars()) {
      keep(v.type(), entry(c, v, "Entry"), v.name(), out);
    }
    for (Variable v : state.references()) {
      keep(v.type(), entry(c, v, "EntryRef"), v.name(), out);
      if (st.activity.isActive(v)) {
        keep(v.type(), entry(c, v, "BarEntryRef"), sweep.bar(v), out);
      }
    }
    for (Variable v : state.contents()) {
      keep(v.type(), entry(c, v, "EntryCopy"), Snippet.of(RuntimeClasses.SHADOWS, ".snapshot(" + v.name() + ")"), out);
    }
    out.open(tripCounts.header(c, st.printer.print(c.start())));
    primal.write(c.body(), out);
    out.close();
  }

  /**
   * Sets a local the reverse reads. It is declared at the top of the sweep (the loop may sit in a
   * block the lowering made, e.g. after an early return) and carried across a split sweep.
   */
  private void keep(JType type, String name, Object value, Code out) {
    out.assign(name, "=", value);
    st.keptForReverse.add(new SweepState.Local(type, name));
  }

  private String entry(Stmt.CountedLoop c, Variable v, String role) {
    return st.loopName(c, v.name() + role);
  }

  /** The reverse half: Revolve's schedule over the loop's trips (see the class comment). */
  void reverse(Stmt.CountedLoop c, Code out) {
    LoopState state = state(c);
    loops.reverseLoop(c, c.body(), null, (header, body) -> schedule(c, state, body, header), out);
  }

  private void schedule(Stmt.CountedLoop c, LoopState state, Code stepReverse, Code out) {
    int snapshots = c.snapshots();
    String trips = st.loopName(c, "trips");
    String plan = st.loopName(c, "plan");
    out.comment("the checkpointed loop, reversed by Revolve's schedule with " + snapshots + " snapshots");
    out.declare("int", trips, tripCounts.tripFormula(c));
    out.open("if (" + trips + " > 0)");
    out.declare(Snippet.of(RuntimeClasses.REVOLVE, ".Plan"), plan,
        Snippet.of("new ", RuntimeClasses.REVOLVE, "(" + trips + ", " + snapshots + ").plan()"));
    for (Slots s : slots(c, state)) {
      out.declare(s.type().sourceText() + "[]", s.name(), "new " + newArray(s.type(), snapshots));
    }
    restoreEntry(c, state, out);
    out.open("while (" + plan + ".next())");
    out.open("if (" + plan + ".isAdvance())");
    String k = st.names.fresh("k");
    out.open("for (int " + k + " = " + plan + ".from(); " + k + " < " + plan + ".to(); " + k + "++)");
    out.declare(c.index().type().sourceText(), c.index().name(), tripCounts.indexAt(c.start(), null, k, c.step()));
    primal.write(c.body(), out);
    out.close();
    out.reopen("else if (" + plan + ".isSave())");
    for (Slots s : slots(c, state)) {
      String slot = s.name() + "[" + plan + ".slot()]";
      out.assign(slot, "=", s.save().apply(slot));
    }
    out.reopen("else if (" + plan + ".isRestore())");
    for (Slots s : slots(c, state)) {
      s.restore(s.name() + "[" + plan + ".slot()]", out);
    }
    out.reopen("else");
    out.declare(c.index().type().sourceText(), c.index().name(),
        tripCounts.indexAt(c.start(), null, plan + ".step()", c.step()));
    out.comment("the step forward again, with its records");
    out.open("");
    Set<Variable> reads = st.printer.readsTarget();
    st.printer.recordReadsInto(null); // the forward half reads its own values
    st.printer.clearSubstitutions();
    sweep.forward(c.body(), out);
    st.printer.recordReadsInto(reads);
    out.close();
    loops.recompute(c, out);
    out.append(stepReverse);
    out.close();
    out.close();
    restoreEntry(c, state, out);
    out.close();
  }

  private static String newArray(JType type, int snapshots) {
    String base = type.sourceText();
    int bracket = base.indexOf('[');
    return bracket < 0 ? base + "[" + snapshots + "]"
        : base.substring(0, bracket) + "[" + snapshots + "]" + base.substring(bracket);
  }

  /**
   * One piece of the state and its snapshot slots: a scalar, a reference (with its adjoint
   * array's, for an active array), or an array's contents.
   */
  private record Slots(JType type, String name, java.util.function.Function<String, Object> save, Restore restore) {
    void restore(String slot, Code out) {
      restore.write(slot, out);
    }
  }

  private interface Restore {
    void write(String slot, Code out);
  }

  private java.util.List<Slots> slots(Stmt.CountedLoop c, LoopState state) {
    java.util.List<Slots> out = new java.util.ArrayList<>();
    for (Variable v : state.scalars()) {
      out.add(new Slots(v.type(), entry(c, v, "Slots"), slot -> v.name(), (slot, code) -> code.assign(v.name(), "=", slot)));
    }
    for (Variable v : state.references()) {
      out.add(new Slots(v.type(), entry(c, v, "Refs"), slot -> v.name(), (slot, code) -> code.assign(v.name(), "=", slot)));
      if (st.activity.isActive(v)) {
        String bar = sweep.bar(v);
        out.add(new Slots(v.type(), entry(c, v, "BarRefs"), slot -> bar, (slot, code) -> code.assign(bar, "=", slot)));
      }
    }
    for (Variable v : state.contents()) { // after the references, which say where the contents go
      // a slot taken again is copied into, not allocated
      out.add(new Slots(v.type(), entry(c, v, "Copies"),
          slot -> Snippet.of(RuntimeClasses.SHADOWS, ".snapshot(" + v.name() + ", " + slot + ")"),
          (slot, code) -> code.line(Snippet.of(RuntimeClasses.SHADOWS, ".restore(" + slot + ", " + v.name() + ");"))));
    }
    return out;
  }

  /** Puts the entry state back: references first, then the contents of the arrays they name. */
  private void restoreEntry(Stmt.CountedLoop c, LoopState state, Code out) {
    for (Variable v : state.scalars()) {
      out.assign(v.name(), "=", entry(c, v, "Entry"));
    }
    for (Variable v : state.references()) {
      out.assign(v.name(), "=", entry(c, v, "EntryRef"));
      if (st.activity.isActive(v)) {
        out.assign(sweep.bar(v), "=", entry(c, v, "BarEntryRef"));
      }
    }
    for (Variable v : state.contents()) {
      out.line(Snippet.of(RuntimeClasses.SHADOWS, ".restore(" + entry(c, v, "EntryCopy") + ", " + v.name() + ");"));
    }
  }
}
