package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.LoopState;
import dev.adjoint.processor.diagnostics.Construct;
import dev.adjoint.processor.diagnostics.Problem;
import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.RuntimeClasses;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.Set;

/**
 * The two halves of a {@code @Checkpointed} loop (Griewank and Walther's binomial checkpointing,
 * with the runtime's {@code Revolve} schedules). A counted loop's forward sweep keeps the loop's
 * entry state ({@link LoopState}) and runs the loop recording nothing; its reverse puts the entry
 * state back and follows the offline schedule for the trip count. A while loop's trip count is
 * known only at its end, so its forward sweep runs the online schedule: it saves the state into
 * the snapshot slots the schedule picks as the loop runs, and counts the steps; its reverse
 * follows the online schedule's plan for that count from those slots.
 *
 * <p>Following a plan means: running steps again from a snapshot recording nothing, saving and
 * restoring the state in the slots, and reversing one step at a time, by running that step forward
 * with its records and then its reverse. Both end with the entry state back, as the statements
 * before the loop expect it.
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
  private LoopState state(Stmt loop, Expr condition) {
    com.sun.source.tree.Tree at = condition == null ? null : condition.tree();
    LoopState state = LoopState.of(loop, st.plan, st.aliases);
    Stmt.Assign unnamed = state.unnamed(loop, st.plan, st.aliases);
    if (unnamed != null) {
      com.sun.source.tree.Tree write = unnamed.target().tree() != null ? unnamed.target().tree() : at;
      throw new TransformException(write, Problem.of(Construct.CHECKPOINT_STATE_THROUGH_LOCAL,
          IrWalker.baseVariable(unnamed.target()).sourceName()));
    }
    for (Variable v : state.contents()) {
      if (!LoopState.copyable(v.type())) {
        throw new TransformException(at,
            Problem.of(Construct.CHECKPOINT_STATE_TYPE, v.sourceName(), v.type().sourceText()));
      }
    }
    return state;
  }

  /** The forward half: keeps the entry state, then runs the loop as written. */
  void forward(Stmt.CountedLoop c, Code out) {
    LoopState state = state(c, c.condition());
    if (st.plan.tripCount(c) == null) { // its trips are known only at its end
      LoopText text = LoopText.of(tripCounts.header(c, st.printer.print(c.start())));
      if (sweep.hasReverse(c.body())) {
        String start = st.loopName(c, c.index().name() + "Start");
        keep(c.index().type(), start, st.printer.print(c.start()), out);
        text = LoopText.of(tripCounts.header(c, start));
      }
      forwardOnline(c, c.body(), c.snapshots(), state, text, out);
      return;
    }
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

  private String entry(Stmt c, Variable v, String role) {
    return st.loopName(c, v.name() + role);
  }

  /** The reverse half: Revolve's schedule over the loop's trips (see the class comment). */
  void reverse(Stmt.CountedLoop c, Code out) {
    LoopState state = state(c, c.condition());
    String typeOfIndex = c.index().type().sourceText();
    if (st.plan.tripCount(c) == null) {
      String start = st.loopName(c, c.index().name() + "Start");
      reverseOnline(c, c.body(), c.snapshots(), state, (step, code) ->
          code.declare(typeOfIndex, c.index().name(), tripCounts.indexAt(null, start, step, c.step())), out);
      return;
    }
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
    String typeOfIndex = c.index().type().sourceText();
    follow(c, c.body(), state, plan, (step, code) ->
        code.declare(typeOfIndex, c.index().name(), tripCounts.indexAt(c.start(), null, step, c.step())), stepReverse, out);
    restoreEntry(c, state, out);
    out.close();
  }

  /** The forward half of a checkpointed while loop: the online schedule (see {@link #forwardOnline}). */
  void forward(Stmt.While w, Code out) {
    LoopState state = state(w, w.condition());
    forwardOnline(w, w.body(), w.snapshots(), state, LoopText.of(w, st.printer.printTyped(w.condition())), out);
  }

  /**
   * A loop whose trip count is known only at its end: the online schedule picks, as the loop runs,
   * the states to keep in the slots, and the loop counts its steps for the reverse.
   */
  private void forwardOnline(Stmt loop, Stmt body, int snapshots, LoopState state, LoopText text, Code out) {
    if (!sweep.hasReverse(body)) { // nothing to reverse: nothing to keep
      text.write(out, () -> primal.write(body, out));
      return;
    }
    String online = st.loopName(loop, "online");
    String slot = st.loopName(loop, "slot");
    out.comment("the checkpointed loop keeps snapshots as it runs, for its reverse (" + snapshots
        + " snapshots, the online schedule)");
    for (Slots s : slots(loop, state)) {
      keep(s.type().arrayOf(), s.name(), "new " + newArray(s.type(), snapshots), out);
    }
    out.declare(Snippet.of(RuntimeClasses.ONLINE_REVOLVE), online,
        Snippet.of("new ", RuntimeClasses.ONLINE_REVOLVE, "(" + snapshots + ")"));
    out.declare("int", slot, online + ".start()");
    save(loop, state, slot, out);
    text.write(out, () -> {
      primal.write(body, out);
      out.assign(slot, "=", online + ".stepped()");
      out.open("if (" + slot + " >= 0)");
      save(loop, state, slot, out);
      out.close();
    });
    keep(JType.INT, st.loopName(loop, "steps"), online + ".steps()", out);
  }

  private void save(Stmt loop, LoopState state, String slot, Code out) {
    for (Slots s : slots(loop, state)) {
      String at = s.name() + "[" + slot + "]";
      out.assign(at, "=", s.save().apply(at));
    }
  }

  /** The reverse half of a checkpointed while loop: the online schedule's plan for its step count. */
  void reverse(Stmt.While w, Code out) {
    reverseOnline(w, w.body(), w.snapshots(), state(w, w.condition()), null, out);
  }

  private void reverseOnline(Stmt loop, Stmt body, int snapshots, LoopState state,
      java.util.function.BiConsumer<String, Code> index, Code out) {
    loops.reverseLoop(loop, body, null, (header, stepReverse) -> {
      String plan = st.loopName(loop, "plan");
      header.comment("the checkpointed loop, reversed by the online Revolve schedule with " + snapshots + " snapshots");
      header.declare(Snippet.of(RuntimeClasses.REVOLVE, ".Plan"), plan, Snippet.of(RuntimeClasses.ONLINE_REVOLVE,
          ".plan(" + st.loopName(loop, "steps") + ", " + snapshots + ")"));
      follow(loop, body, state, plan, index, stepReverse, header);
      header.comment("the entry state, kept in slot 0");
      for (Slots s : slots(loop, state)) {
        s.restore(s.name() + "[0]", header);
      }
    }, out);
  }

  /**
   * Follows a plan: steps run again as written, saves and restores in the slots, and reverse
   * steps. index declares a counted loop's index for a step's number (null for a while loop).
   */
  private void follow(Stmt loop, Stmt body, LoopState state, String plan,
      java.util.function.BiConsumer<String, Code> index, Code stepReverse, Code out) {
    out.open("while (" + plan + ".next())");
    out.open("if (" + plan + ".isAdvance())");
    String k = st.names.fresh("k");
    out.open("for (int " + k + " = " + plan + ".from(); " + k + " < " + plan + ".to(); " + k + "++)");
    if (index != null) {
      index.accept(k, out);
    }
    primal.write(body, out);
    out.close();
    out.reopen("else if (" + plan + ".isSave())");
    save(loop, state, plan + ".slot()", out);
    out.reopen("else if (" + plan + ".isRestore())");
    for (Slots s : slots(loop, state)) {
      s.restore(s.name() + "[" + plan + ".slot()]", out);
    }
    out.reopen("else");
    if (index != null) {
      index.accept(plan + ".step()", out);
    }
    out.comment("the step forward again, with its records");
    out.open("");
    Set<Variable> reads = st.printer.readsTarget();
    st.printer.recordReadsInto(null); // the forward half reads its own values
    st.printer.clearSubstitutions();
    sweep.forward(body, out);
    st.printer.recordReadsInto(reads);
    out.close();
    loops.recompute(loop, out);
    out.append(stepReverse);
    out.close();
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

  private java.util.List<Slots> slots(Stmt c, LoopState state) {
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
