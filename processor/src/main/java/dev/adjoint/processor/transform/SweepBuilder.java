package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.Activity;
import dev.adjoint.processor.analyze.Aliases;
import dev.adjoint.processor.analyze.RunningExtremum;
import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Names;
import dev.adjoint.processor.emit.RuntimeClasses;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.AssignOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the body of a method's adjoint: a forward sweep that runs the original statements and
 * records what the reverse sweep will need, then a reverse sweep that walks the statements
 * backwards, restoring overwritten values and accumulating adjoints.
 *
 * <p>What to record is found by a fixed point (Tapenade's to-be-recorded analysis, done on the
 * generated code itself): the reverse sweep is generated once, the primal variables it reads are
 * collected, and it is generated again with those variables recorded wherever the forward sweep
 * overwrites them, until the set stops growing. So a loop like {@code s += a[i] * b[i]} records
 * nothing per iteration: its reverse reads a and b, which nothing overwrites, and never reads s.
 *
 * <p>This class walks the statements and keeps the fixed point; each construct's forward and
 * reverse halves are in their own class ({@link AssignmentAdjoints}, {@link BranchAdjoints},
 * {@link LoopAdjoints}, {@link ExtremumAdjoints}, calls in {@link CallAdjoints}, expressions in
 * {@link ExpressionAdjoints} and {@link MathAdjoints}), sharing {@link SweepState}.
 */
public final class SweepBuilder extends ExpressionHooks implements StatementContext {
  private static final int MAX_ROUNDS = 64;
  private final Recorder recorder;
  private final RecordingSets sets;
  private final AssignmentAdjoints assignments;
  private final BranchAdjoints branches;
  private final LoopAdjoints loops;
  private final ExtremumAdjoints extrema;
  private final SweepAssembler assembler;
  private List<Set<Variable>> nextTopReads = new ArrayList<>();
  /** The primal variables the reverse sweep reads, collected as it is generated. */
  private Set<Variable> reads = new LinkedHashSet<>();
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
    assembler = new SweepAssembler(st, recorder, this);
  }

  public static Sweep build(MethodIR method, Activity activity, Aliases aliases, String adjointPackage,
      Optimizations optimizations) {
    return new SweepBuilder(method, activity, aliases, adjointPackage, optimizations).run();
  }

  private Sweep run() {
    Names base = VariableNaming.name(st);
    IrWalker.statements(st.method.body(), s -> {
      if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef v) {
        st.assignedAnywhere.add(v.variable());
        st.overwritten.add(v.variable());
      } else if (s instanceof Stmt.LocalDecl d) {
        st.assignedAnywhere.add(d.variable());
        if (d.variable().loopDepth() > 0) {
          st.overwritten.add(d.variable());
        }
      } else if (s instanceof Stmt.CountedLoop c) {
        st.countedIndices.add(c.index());
      }
    });

    while (true) {
      st.extremumMismatches.clear();
      Code reverse = settleReverse(base);
      st.printer.clearSubstitutions();
      st.blockMismatches.clear();
      st.pushed.clear();
      st.perIteration.clear();
      Code forward = forward(st.method.body());
      if (st.blockMismatches.isEmpty() && st.extremumMismatches.isEmpty()) {
        return assembler.assemble(forward, reverse);
      }
      // a safety net: generate again with those loops unblocked, or reversed trip by trip
      st.withoutBlock.addAll(st.blockMismatches);
      st.withoutExtremum.addAll(st.extremumMismatches);
    }
  }

  /**
   * Generates the reverse sweep until the variables it reads, and so the ones the forward sweep must
   * record, stop changing.
   */
  private Code settleReverse(Names base) {
    Code reverse;
    int rounds = 0;
    while (true) {
      if (++rounds > MAX_ROUNDS) {
        // the sets only grow in practice; a bug that made them cycle must not hang javac
        throw new IllegalStateException("the to-be-recorded analysis did not settle in " + MAX_ROUNDS + " rounds");
      }
      st.names = base.copy();
      st.loopNames = new java.util.IdentityHashMap<>();
      st.declaredUpFront = new java.util.LinkedHashMap<>();
      reads = new LinkedHashSet<>();
      st.printer.recordReadsInto(reads);
      reverse = reverse(st.method.body());
      st.printer.recordReadsInto(null);
      Set<Variable> vars = new HashSet<>(st.recordedVars);
      Set<Variable> classes = new HashSet<>(st.recordedClasses);
      for (Variable v : reads) {
        if (!st.isRecomputed(v)) {
          vars.add(v);
        }
        if (v.type().isArray()) {
          classes.add(st.aliases.find(v));
        }
      }
      boolean stable = vars.equals(st.allRecordedVars) && classes.equals(st.allRecordedClasses)
          && sameReads(st.nextLoopReads, st.loopReads) && nextTopReads.equals(st.topReads);
      st.loopReads = st.nextLoopReads;
      st.nextLoopReads = new java.util.IdentityHashMap<>();
      st.topReads = nextTopReads;
      nextTopReads = new ArrayList<>();
      if (stable) {
        break;
      }
      st.allRecordedVars = vars;
      st.allRecordedClasses = classes;
    }
    st.recordedVars = st.allRecordedVars;
    st.recordedClasses = st.allRecordedClasses;
    Set<Variable> declaredEarly = st.on(Optimizations.Kind.TO_BE_RECORDED) ? reads : sets.everythingRecorded(reads);
    for (Variable v : declaredEarly) {
      if (!v.isParameter() && !st.countedIndices.contains(v)
          && !st.isRecomputed(v)) {
        st.hoisted.add(v);
      }
    }
    return reverse;
  }

  /** Equal per-loop read sets (IdentityHashMap's own equals compares the sets by reference). */
  private static boolean sameReads(Map<Stmt, Set<Variable>> a, Map<Stmt, Set<Variable>> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<Stmt, Set<Variable>> e : a.entrySet()) {
      if (!e.getValue().equals(b.get(e.getKey()))) {
        return false;
      }
    }
    return true;
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
      out.line(t + " " + st.resultName + " = " + value + ";"); // the sweep hands it out, the recording sweep returns it
    }
  }

  @Override
  public boolean hasReverse(Stmt s) {
    Names saved = st.names;
    st.names = saved.copy();
    Map<Stmt, Map<String, String>> savedLoopNames = st.loopNamesCopy();
    Map<String, String> savedUpFront = new java.util.LinkedHashMap<>(st.declaredUpFront);
    Set<Variable> savedReads = st.printer.readsTarget();
    st.printer.recordReadsInto(null);
    Map<Stmt, RecordBlock> savedBlocks = new java.util.IdentityHashMap<>(st.blocks);
    boolean nonEmpty = recorder.withBlock(null, () -> !reverse(s).isEmpty());
    st.blocks.clear();
    st.blocks.putAll(savedBlocks); // a probe decides nothing
    st.printer.clearSubstitutions(); // temporaries of the reverse sweep do not exist in the forward one
    st.printer.recordReadsInto(savedReads);
    st.names = saved;
    st.loopNames = savedLoopNames; // names the probe claimed are free again
    st.declaredUpFront = savedUpFront;
    return nonEmpty;
  }


  @Override
  public Code reverse(Stmt s) {
    Code out = new Code();
    reverse(s, out);
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
          out.line("// " + lastComment);
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
    } else if (s instanceof Stmt.CountedLoop c) {
      RunningExtremum.Update update = extrema.extremumOf(c);
      if (update == null) {
        recorder.nested(() -> loops.reverseCounted(c, out));
      } else {
        String won = st.names.fresh("won");
        out.line(Snippet.of("int " + won + " = ", recorder.popOf(JType.INT), ";"));
        recorder.nested(() -> extrema.reverseExtremum(c, update, won, out));
      }
    } else if (s instanceof Stmt.While w) {
      recorder.nested(() -> loops.reverseWhile(w, out));
    } else if (s instanceof Stmt.Return r) {
      reverseReturn(r, out);
    }
  }

  /** Reverses top-level statement k, recording what its reverse reads, under k's recording sets. */
  private Code reverseTopLevel(int k, Stmt statement) {
    Set<Variable> outer = st.printer.readsTarget();
    Set<Variable> mine = outer == null ? null : new LinkedHashSet<>();
    st.printer.recordReadsInto(mine);
    Code[] code = new Code[1];
    sets.withRecordingFor(k, () -> code[0] = reverse(statement));
    st.printer.recordReadsInto(outer);
    if (outer != null) {
      outer.addAll(mine);
      while (nextTopReads.size() <= k) {
        nextTopReads.add(null);
      }
      nextTopReads.set(k, mine);
    }
    return code[0];
  }

  private void reverseReturn(Stmt.Return r, Code out) {
    if (r.value() == null || !st.activity.isActive(r.value())) {
      return;
    }
    // The reverse sweep starts where the forward sweep ended, so reading here needs no recording.
    Set<Variable> savedReads = reads;
    st.printer.recordReadsInto(null);
    Expr value = r.value();
    if (value.type().isArray()) {
      if (value instanceof Expr.ArrayInit init) {
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
