package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.Checkpoints;
import dev.adjoint.processor.analyze.Optimizations;
import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The forward and reverse halves of counted and while loops: the trip count (recorded, or worked
 * out again), saves and checkpoints around the loop, record blocks, values recomputed per reverse
 * iteration, adjoint elements summed in locals ({@link AccumulatorHoisting}), and reverse loops
 * skipped when their incoming adjoints are zero.
 */
final class LoopAdjoints {
  private final SweepState st;
  private final Recorder recorder;
  private final RecordingSets sets;
  private final TripCounts tripCounts;
  private final StatementContext sweep;
  /** How many adjoint-carrying variables share each alias class (see {@link #hoistable}). */
  private Map<Variable, Integer> aliasClassSizes;

  LoopAdjoints(SweepState st, Recorder recorder, RecordingSets sets, TripCounts tripCounts, StatementContext sweep) {
    this.st = st;
    this.recorder = recorder;
    this.sets = sets;
    this.tripCounts = tripCounts;
    this.sweep = sweep;
  }

  void forwardCounted(Stmt.CountedLoop c, Code out) {
    sets.pushSaves(sets.of(c).saves(), out);
    sets.inLoop(c, recording -> {
      List<Checkpoints.Checkpoint> chosen = sets.forwardCheckpoints(recording, c.body());
      sets.pushCheckpoints(chosen, false, out);
      forwardCountedLoop(c, chosen, out);
    });
  }

  private void forwardBody(Stmt body, List<Checkpoints.Checkpoint> chosen, Code out) {
    sweep.forward(body, out);
    sets.pushCheckpoints(chosen, true, out);
  }

  private void forwardCountedLoop(Stmt.CountedLoop c, List<Checkpoints.Checkpoint> chosen, Code out) {
    Variable i = c.index();
    String type = i.type().sourceText();
    if (!sweep.hasReverse(c.body())) {
      out.open(tripCounts.header(c, st.printer.print(c.start())));
      forwardBody(c.body(), chosen, out);
      out.close();
      return;
    }
    String formula = tripCounts.tripFormula(c);
    if (formula != null) {
      // the reverse sweep works the trip count out again from the loop's bounds
      RecordBlock planned = st.blocks.get(c);
      RecordBlock written = planned == null ? null : new RecordBlock(st.tape);
      Code body = new Code();
      recorder.withBlock(written, () -> {
        forwardBody(c.body(), chosen, body);
        return body;
      });
      if (written != null) {
        boolean matches = written.sameShape(planned) && !recorder.mentionsTape(body);
        if (!matches) {
          st.blockMismatches.add(c); // run() generates the sweep again, this loop without a block
        }
        written.resolve(matches, prefix -> st.loopName(c, prefix));
        if (written.isUsed()) {
          String trips = st.loopName(c, "trips");
          out.declare("int", trips, formula);
          written.claim(trips, out);
          st.usesTape = true;
        }
      }
      out.open(tripCounts.header(c, st.printer.print(c.start())));
      out.append(body);
      out.close();
      return;
    }
    st.usesTape = true;
    String trips = st.loopName(c, "trips");
    out.declare("int", trips, "0");
    String start = st.printer.print(c.start());
    String startVar = null;
    if (!tripCounts.isInvariant(c.start())) {
      startVar = st.loopName(c, i.name() + "Start");
      out.declare(type, startVar, start);
      start = startVar;
    }
    out.open(tripCounts.header(c, start));
    forwardBody(c.body(), chosen, out);
    out.line(trips + "++;");
    out.close();
    if (startVar != null) {
      recorder.record(i.type(), startVar, out);
    }
    recorder.record(JType.INT, trips, out);
    st.noteRecordedAround("the trip count of the loop at " + where(c));
  }

  void forwardWhile(Stmt.While w, Code out) {
    sets.pushSaves(sets.of(w).saves(), out);
    sets.inLoop(w, recording -> {
      List<Checkpoints.Checkpoint> chosen = sets.forwardCheckpoints(recording, w.body());
      sets.pushCheckpoints(chosen, false, out);
      forwardWhileLoop(w, chosen, out);
    });
  }

  private void forwardWhileLoop(Stmt.While w, List<Checkpoints.Checkpoint> chosen, Code out) {
    LoopText loop = LoopText.of(w, st.printer.printTyped(w.condition()));
    if (!sweep.hasReverse(w.body())) {
      loop.write(out, () -> forwardBody(w.body(), chosen, out));
      return;
    }
    st.usesTape = true;
    String trips = st.loopName(w, "trips");
    out.declare("int", trips, "0");
    loop.write(out, () -> {
      forwardBody(w.body(), chosen, out);
      out.line(trips + "++;");
    });
    recorder.record(JType.INT, trips, out);
    st.noteRecordedAround("the trip count of the loop at " + where(w));
  }

  /**
   * Reverses a loop body, noting the primal variables it reads for this loop (to check them
   * against {@link dev.adjoint.processor.analyze.ReverseReads}), with the loop's saved variables
   * suppressed inside; then restores the saved variables after the loop.
   */
  void reverseLoop(Stmt loop, Stmt body, RecordBlock bodyBlock, java.util.function.BiConsumer<Code, Code> emitLoop,
      Code out) {
    Set<Variable> outerReads = st.printer.readsTarget();
    Set<Variable> inner = outerReads == null ? null : new LinkedHashSet<>();
    st.printer.recordReadsInto(inner);
    Code header = new Code();
    Code restores = new Code();
    List<Variable> saved = sets.inLoop(loop, recording -> {
      Code bodyCode = recorder.withBlock(bodyBlock, () -> sweep.reverse(body));
      if (!bodyCode.isEmpty()) {
        Code iteration = new Code();
        sets.popCheckpoints(recording.checkpoints(), true, iteration);
        emitLoop.accept(header, iteration.append(bodyCode));
      }
      sets.popCheckpoints(recording.checkpoints(), false, restores);
    }).saves();
    st.printer.recordReadsInto(outerReads);
    if (outerReads != null) {
      outerReads.addAll(inner);
      st.generatedLoopReads.put(loop, inner);
    }
    List<String> drivers = header.isEmpty() ? List.of() : zeroSkipDrivers(loop, header);
    if (drivers.isEmpty()) {
      out.append(header);
    } else {
      out.open("if (" + String.join(" || ", drivers.stream().map(d -> d + " != 0").toList()) + ")");
      out.append(header);
      out.close();
    }
    out.append(restores);
    for (int k = saved.size() - 1; k >= 0; k--) {
      out.assign(saved.get(k).name(), "=", recorder.popOf(saved.get(k).type()));
    }
  }

  /**
   * The adjoints that drive a loop's reverse when that reverse only accumulates adjoints: it
   * touches no tape, restores no primal value, calls nothing and writes no array element, and the
   * loop writes no integer declared outside it. Every contribution is then a multiple of the
   * adjoints of the floating scalars the loop writes, so when they are all zero the reverse loop
   * is skipped. A zero adjoint is a strong zero, as in ChainRules: it adds nothing even where a
   * partial derivative is infinite. Empty when the loop does not qualify.
   */
  private List<String> zeroSkipDrivers(Stmt loop, Code reverseLoop) {
    if (!st.on(Optimizations.Kind.ZERO_SKIP) || Stmt.isCheckpointedLoop(loop)) {
      return List.of(); // a checkpointed loop's reverse also puts its entry state back
    }
    if (reverseLoop.mentions(st.tapeLocal)) {
      return List.of();
    }
    boolean[] ok = {true};
    IrWalker.statements(loop, s -> {
      if (s instanceof Stmt.Eval || s instanceof Stmt.Assign a && !(a.target() instanceof Expr.VarRef)) {
        ok[0] = false;
      }
    });
    IrWalker.allExpressions(loop, e -> ok[0] &= !(e instanceof Expr.Invoke));
    Set<Variable> declared = st.plan.declaredIn(loop);
    List<String> drivers = new ArrayList<>();
    for (Variable v : st.plan.writtenScalars(loop)) {
      if (declared.contains(v)) {
        continue;
      }
      if (!v.type().isFloating() || v.type().isArray()) {
        ok[0] = false;
      } else if (st.activity.isActive(v)) {
        drivers.add(sweep.bar(v));
      }
    }
    if (!ok[0]) {
      return List.of();
    }
    drivers.sort(null);
    return drivers;
  }

  /** The loop-local values this reverse iteration recomputes rather than reading back from the tape. */
  void recompute(Stmt loop, Code out) {
    if (!st.on(Optimizations.Kind.RECOMPUTE)) {
      return;
    }
    Set<Variable> needed = st.loopReads.getOrDefault(loop, Set.of());
    st.printer.clearSubstitutions(); // temporaries of the body's adjoint code do not exist yet here
    for (Stmt.LocalDecl d : st.plan.recomputable(loop)) {
      if (needed.contains(d.variable())) {
        out.declare(d.variable().type().sourceText(), d.variable().name(), st.printer.printTyped(d.init()));
      }
    }
  }

  /**
   * Reverses a counted loop whose trip count the reverse can work out again with a candidate record
   * block ({@link RecordBlock}), which the loop keeps if its reverse body uses the tape no other way.
   */
  void reverseCounted(Stmt.CountedLoop c, Code out) {
    RecordBlock candidate =
        tripCounts.tripFormula(c) != null && !st.withoutBlock.contains(c) && st.on(Optimizations.Kind.RECORD_BLOCKS)
            ? new RecordBlock(st.tape) : null;
    AccumulatorHoisting hoisting = st.on(Optimizations.Kind.HOISTING) ? AccumulatorHoisting.of(c, st.bars, this::hoistable)
        : null;
    if (hoisting != null) {
      st.accumulating.addLast(hoisting);
    }
    try {
      reverseLoop(c, c.body(), candidate, (header, body) -> reverseCountedLoop(c, body, candidate, hoisting, header), out);
    } finally {
      if (hoisting != null) {
        st.accumulating.removeLast();
      }
    }
    if (candidate != null && candidate.isUsed()) {
      st.blocks.put(c, candidate);
    } else {
      st.blocks.remove(c);
    }
  }

  private void reverseCountedLoop(Stmt.CountedLoop c, Code body, RecordBlock recordBlock, AccumulatorHoisting hoisting,
      Code out) {
    if (recordBlock != null) {
      recordBlock.resolve(!recorder.mentionsTape(body), prefix -> st.loopName(c, prefix));
    }
    Variable i = c.index();
    String formula = tripCounts.tripFormula(c);
    String reverseHeader = tripCounts.reverseHeader(c);
    boolean blockUsed = recordBlock != null && recordBlock.isUsed();
    String k = null;
    String trips = null;
    if (reverseHeader == null || blockUsed) {
      trips = st.loopName(c, "trips");
      st.introduceInReverse(c, "int", trips, formula != null ? formula : recorder.popOf(JType.INT), out);
    }
    if (blockUsed) {
      recordBlock.takeBack(trips, (type, name, value, code) -> st.introduceInReverse(c, type, name, value, code), out);
    }
    Code iteration = new Code();
    if (reverseHeader == null) {
      // the trips are counted: the index is worked out from the trip's number
      Expr start = null;
      String startName = null;
      if (formula != null || tripCounts.isInvariant(c.start())) {
        start = c.start();
      } else {
        startName = st.loopName(c, i.name() + "Start");
        st.introduceInReverse(c, i.type().sourceText(), startName, recorder.popOf(i.type()), out);
      }
      k = st.names.fresh("k");
      iteration.declare(i.type().sourceText(), i.name(), tripCounts.indexAt(start, startName, k, c.step()));
    }
    recompute(c, iteration);
    iteration.append(body);
    List<AccumulatorHoisting.Accumulator> accumulators = hoisting == null ? List.of() : hoisting.usedIn(iteration);
    for (AccumulatorHoisting.Accumulator a : accumulators) {
      out.declare(a.type(), a.local(), a.array() + "[" + a.index() + "]");
    }
    out.open(reverseHeader != null ? reverseHeader : "for (int " + k + " = " + trips + " - 1; " + k + " >= 0; " + k + "--)");
    out.append(iteration);
    out.close();
    for (AccumulatorHoisting.Accumulator a : accumulators) {
      out.assign(a.array() + "[" + a.index() + "]", "=", a.local());
    }
  }

  /**
   * Whether {@link AccumulatorHoisting} may keep elements of v's adjoint in locals: a local
   * one-dimensional floating array that shares storage with no other variable (so no other name
   * in the loop can reach the same elements).
   */
  private boolean hoistable(Variable v) {
    if (aliasClassSizes == null) {
      aliasClassSizes = new HashMap<>();
      for (Variable b : st.bars.keySet()) {
        aliasClassSizes.merge(st.aliases.find(b), 1, Integer::sum);
      }
    }
    return v.type().dims() == 1 && v.type().isFloating() && !v.isParameter() && !st.aliases.find(v).isParameter()
        && v.kind() != Variable.Kind.RECEIVER && aliasClassSizes.getOrDefault(st.aliases.find(v), 0) == 1;
  }

  void reverseWhile(Stmt.While w, Code out) {
    reverseLoop(w, w.body(), null, (header, body) -> {
      String k = st.names.fresh("k");
      header.open(Snippet.of("for (int " + k + " = ", recorder.popOf(JType.INT), "; " + k + " > 0; " + k + "--)"));
      recompute(w, header);
      header.append(body);
      header.close();
    }, out);
  }

  /** Where a statement is in the user's source, for the summary: "line 35". */
  static String where(Stmt s) {
    return s.source() == null ? "a loop the normalizer made" : "line " + s.source().line();
  }
}
