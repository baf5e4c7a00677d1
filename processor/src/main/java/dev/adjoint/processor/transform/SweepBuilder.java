package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.Activity;
import dev.adjoint.processor.analyze.Aliases;
import dev.adjoint.processor.analyze.Optimizations;
import dev.adjoint.processor.analyze.ReverseReads;
import dev.adjoint.processor.analyze.RunningExtremum;
import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Names;
import dev.adjoint.processor.emit.RuntimeClasses;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.AssignOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the body of a method's adjoint: a forward sweep that runs the original statements and
 * records what the reverse sweep will need, then a reverse sweep that walks the statements
 * backwards, restoring overwritten values and accumulating adjoints.
 *
 * <p>What to record comes from the to-be-recorded analysis ({@link ReverseReads}), run on the IR
 * before any code is written; the reverse sweep is written first, once, and the forward sweep
 * after it, asking it which statements' reverses have code (those record branch flags and trip
 * counts). The variables the written reverse reads are checked against the analysis
 * ({@link AnalysisCheck}).
 *
 * <p>This class walks the statements; each construct's forward and
 * reverse halves are in their own class ({@link AssignmentAdjoints}, {@link BranchAdjoints},
 * {@link LoopAdjoints}, {@link ExtremumAdjoints}, calls in {@link CallAdjoints}, expressions in
 * {@link ExpressionAdjoints} and {@link MathAdjoints}), sharing {@link SweepState}.
 */
public final class SweepBuilder extends ExpressionHooks implements StatementContext {
  private final Recorder recorder;
  private final RecordingSets sets;
  private final AssignmentAdjoints assignments;
  private final BranchAdjoints branches;
  private final LoopAdjoints loops;
  private final ExtremumAdjoints extrema;
  private final CheckpointedLoopAdjoints checkpointed;
  private final SweepAssembler assembler;
  private SweepBuilder(MethodIR method, Activity activity, Aliases aliases, String adjointPackage,
      Optimizations optimizations) {
    super(new SweepState(method, activity, aliases, adjointPackage, optimizations));
    st.calls = new CallAdjoints(this, activity, aliases, st.printer, method);
    recorder = new Recorder(st);
    sets = new RecordingSets(st, recorder, this);
    TripCounts trips = new TripCounts(st);
    assignments = new AssignmentAdjoints(st, recorder, sets, this);
    branches = new BranchAdjoints(st, recorder, this);
    loops = new LoopAdjoints(st, recorder, sets, trips, this);
    extrema = new ExtremumAdjoints(st, recorder, sets, trips, loops, this);
    checkpointed = new CheckpointedLoopAdjoints(st, trips, loops, this, new PrimalCode(st, assignments, trips, this));
    assembler = new SweepAssembler(st, recorder, this);
  }

  public static Sweep build(MethodIR method, Activity activity, Aliases aliases, String adjointPackage,
      Optimizations optimizations) {
    return new SweepBuilder(method, activity, aliases, adjointPackage, optimizations).run();
  }

  private Sweep run() {
    Names base = VariableNaming.name(st);
    while (true) {
      ReverseReads.Result facts = ReverseReads.of(st.rules, st.withoutExtremum);
      st.topReads = facts.topReads();
      st.loopReads = facts.loopReads();
      st.allRecordedVars = facts.recordedVars();
      st.allRecordedClasses = facts.recordedClasses();
      st.hoisted = st.rules.declaredEarly(facts.reads());
      st.names = base.copy();
      st.loopNames = new java.util.IdentityHashMap<>();
      st.declaredUpFront = new java.util.LinkedHashMap<>();
      st.extremumMismatches.clear();
      st.generatedLoopReads.clear();
      st.generatedTopReads.clear();
      st.hasReverse.clear();
      Code reverse = reverse(st.method.body());
      AnalysisCheck.compare(facts, st.generatedTopReads, st.generatedLoopReads, st.method);
      st.printer.clearSubstitutions();
      st.blockMismatches.clear();
      st.pushed.clear();
      st.perIteration.clear();
      st.keptForReverse.clear();
      Code forward = forward(st.method.body());
      if (st.blockMismatches.isEmpty() && st.extremumMismatches.isEmpty()) {
        return assembler.assemble(forward, reverse);
      }
      // a safety net: generate again with those loops unblocked, or reversed trip by trip
      st.withoutBlock.addAll(st.blockMismatches);
      st.withoutExtremum.addAll(st.extremumMismatches);
    }
  }

  @Override
  public Code forward(Stmt s) {
    Code out = new Code();
    forward(s, out);
    return out;
  }

  @Override
  public void forward(Stmt s, Code out) {
    if (s == st.method.body()) {
      List<Stmt> list = st.method.body().statements();
      for (int k = 0; k < list.size(); k++) {
        int index = k;
        sets.withRecordingFor(index, () -> forward(list.get(index), out));
      }
    } else if (s instanceof Stmt.Block b) {
      for (Stmt c : b.statements()) {
        forward(c, out);
      }
    } else if (s instanceof Stmt.LocalDecl d) {
      assignments.forwardAssign(new Expr.VarRef(d.variable(), null), AssignOp.SET, d.init(), true, out);
    } else if (s instanceof Stmt.Assign a) {
      assignments.forwardAssign(a.target(), a.op(), a.value(), false, out);
    } else if (s instanceof Stmt.Eval e) {
      if (st.calls.isStatefulAndActive(e.call())) {
        throw new TransformException(e.call().tree(), "a call of a method with a stateful rule whose result is unused");
      }
      if (st.calls.splits(e.call())) {
        st.calls.forwardSplit(e.call(), out);
      } else {
        st.calls.pushSnapshots(e.call(), out);
        out.line(Snippet.of(st.printer.printTyped(e.call()), ";"));
      }
    } else if (s instanceof Stmt.If i) {
      recorder.nested(() -> branches.forwardIf(i, out));
    } else if (s instanceof Stmt.CountedLoop c && c.isCheckpointed()) {
      checkpointed.forward(c, out);
    } else if (s instanceof Stmt.CountedLoop c) {
      RunningExtremum.Update update = extrema.extremumOf(c);
      if (update == null) {
        recorder.nested(() -> loops.forwardCounted(c, out));
      } else {
        String won = st.names.fresh("won");
        recorder.nested(() -> extrema.forwardExtremum(c, update, won, out));
        recorder.record(JType.INT, won, out); // at the level of the enclosing loop, whose record block may take it
        st.noteRecorded("the winning trip of the running extremum at " + LoopAdjoints.where(c));
      }
    } else if (s instanceof Stmt.While w && w.isCheckpointed()) {
      checkpointed.forward(w, out);
    } else if (s instanceof Stmt.While w) {
      recorder.nested(() -> loops.forwardWhile(w, out));
    } else if (s instanceof Stmt.Return r) {
      forwardReturn(r, out);
    } else {
      throw new IllegalStateException("not normalized: " + s);
    }
  }

  private void forwardReturn(Stmt.Return r, Code out) {
    if (r.value() == null) {
      return;
    }
    String t = st.method.returnType().sourceText();
    if (r.value() instanceof Expr.Invoke call && st.calls.splits(call)) {
      st.printer.substitute(call, st.calls.forwardSplit(call, out));
    }
    String value = st.printer.print(r.value());
    if (st.method.returnType().isArray()) {
      String display = st.method.owner().getSimpleName() + "." + st.method.name();
      String check = st.method.returnType().dims() == 1 ? value + ".length" : value;
      out.line(Snippet.of(RuntimeClasses.SEEDS, ".checkSeed(\"" + display + "\", " + st.seedName + ", " + check + ");"));
      out.line(Snippet.of("if (" + st.valueOutName + " != null) " + st.valueOutName + "[0] = ", RuntimeClasses.SHADOWS,
          ".snapshot(" + value + ");"));
    } else {
      out.declare(t, st.resultName, value); // the sweep hands it out, the recording sweep returns it
    }
  }

  /** Whether the reverse of s, generated before the forward sweep asks, has any code. */
  @Override
  public boolean hasReverse(Stmt s) {
    Boolean any = st.hasReverse.get(s);
    if (any == null) {
      throw new IllegalStateException("the forward sweep asked about a statement the reverse did not generate: " + s);
    }
    return any;
  }

  @Override
  public Code reverse(Stmt s) {
    Code out = new Code();
    reverse(s, out);
    st.hasReverse.put(s, !out.isEmpty());
    return out;
  }

  @Override
  public void reverse(Stmt s, Code out) {
    if (s instanceof Stmt.Block b) {
      List<Stmt> list = b.statements();
      boolean top = s == st.method.body();
      String lastComment = null;
      for (int k = list.size() - 1; k >= 0; k--) {
        Code one = top ? reverseTopLevel(k, list.get(k)) : reverse(list.get(k));
        // a line split into several statements (a call taken out of it) is labelled once
        if (!one.isEmpty() && list.get(k).source() != null && !list.get(k).source().comment().equals(lastComment)) {
          lastComment = list.get(k).source().comment();
          out.comment(lastComment);
        }
        out.append(one);
      }
      return;
    }
    st.printer.clearSubstitutions();
    if (s instanceof Stmt.LocalDecl d) {
      if (d.init() != null) {
        assignments.reverseAssign(new Expr.VarRef(d.variable(), null), AssignOp.SET, d.init(), true, out);
      }
    } else if (s instanceof Stmt.Assign a) {
      assignments.reverseAssign(a.target(), a.op(), a.value(), false, out);
    } else if (s instanceof Stmt.Eval e) {
      st.calls.reverse(e.call(), null, out);
    } else if (s instanceof Stmt.If i) {
      recorder.nested(() -> branches.reverseIf(i, out));
    } else if (s instanceof Stmt.CountedLoop c && c.isCheckpointed()) {
      checkpointed.reverse(c, out);
    } else if (s instanceof Stmt.CountedLoop c) {
      RunningExtremum.Update update = extrema.extremumOf(c);
      if (update == null) {
        recorder.nested(() -> loops.reverseCounted(c, out));
      } else {
        String won = st.names.fresh("won");
        out.declare("int", won, recorder.popOf(JType.INT));
        recorder.nested(() -> extrema.reverseExtremum(c, update, won, out));
      }
    } else if (s instanceof Stmt.While w && w.isCheckpointed()) {
      checkpointed.reverse(w, out);
    } else if (s instanceof Stmt.While w) {
      recorder.nested(() -> loops.reverseWhile(w, out));
    } else if (s instanceof Stmt.Return r) {
      reverseReturn(r, out);
    }
  }

  /** Reverses top-level statement k under k's recording scope, noting what its code reads. */
  private Code reverseTopLevel(int k, Stmt statement) {
    Set<Variable> mine = new LinkedHashSet<>();
    st.printer.recordReadsInto(mine);
    Code[] code = new Code[1];
    sets.withRecordingFor(k, () -> code[0] = reverse(statement));
    st.printer.recordReadsInto(null);
    while (st.generatedTopReads.size() <= k) {
      st.generatedTopReads.add(null);
    }
    st.generatedTopReads.set(k, mine);
    return code[0];
  }

  private void reverseReturn(Stmt.Return r, Code out) {
    if (r.value() == null || !st.activity.isActive(r.value())) {
      return;
    }
    // The reverse sweep starts where the forward sweep ended, so reading here needs no recording.
    Set<Variable> savedReads = st.printer.readsTarget();
    st.printer.recordReadsInto(null);
    Expr value = r.value();
    if (value.type().isArray()) {
      if (value instanceof Expr.ArrayInit init && init.type().dims() > 1) {
        // the lowering made each row a variable (or null): its adjoint takes the seed's row
        for (int k = 0; k < init.elements().size(); k++) {
          Expr row = init.elements().get(k);
          if (st.activity.isActive(row)) {
            out.line(Snippet.of(RuntimeClasses.SHADOWS, ".addInto(" + st.seedName + "[" + k + "], " + barOf(row) + ");"));
          }
        }
      } else if (value instanceof Expr.ArrayInit init) {
        for (int k = 0; k < init.elements().size(); k++) {
          propagateTo(init.elements().get(k), Seed.of(st.seedName + "[" + k + "]"), out);
        }
      } else {
        out.line(Snippet.of(RuntimeClasses.SHADOWS, ".addInto(" + st.seedName + ", " + barOf(value) + ");"));
      }
    } else {
      propagateTo(value, Seed.of(st.seedName), out);
    }
    st.printer.recordReadsInto(savedReads);
  }

  @Override
  public void reverseCall(Expr.Invoke call, String seed, Code out) {
    st.calls.reverse(call, seed, out);
  }

  @Override
  public boolean isTopLevel(Expr.Invoke call) {
    return assignments.isTopLevel(call);
  }

  @Override
  public int knownWinner(Expr.MathCall m) {
    return assignments.knownWinner(m);
  }

  @Override
  public String recordedChoice(Expr.MathCall m) {
    return assignments.recordedChoice(m);
  }

}
