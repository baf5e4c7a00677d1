package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.Activity;
import dev.adjoint.processor.analyze.Aliases;
import dev.adjoint.processor.analyze.LoopPlan;
import dev.adjoint.processor.analyze.Mutations;
import dev.adjoint.processor.analyze.RunningExtremum;
import dev.adjoint.processor.analyze.StatementRecords;
import dev.adjoint.processor.emit.Names;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the parts of one method's sweep share while it is generated: the method and its analyses,
 * the names chosen, the recording sets of the current round of {@link SweepBuilder}'s fixed point,
 * and what the loop being generated is doing (its record block, its running extremum). The
 * parts ({@link AssignmentAdjoints}, {@link LoopAdjoints}, ...) hold the behaviour; this holds
 * the data, so each part's file is about one construct.
 */
final class SweepState {
  final MethodIR method;
  final Activity activity;
  final Aliases aliases;
  final Printer printer;
  final Optimizations optimizations;
  final Map<Variable, String> bars = new HashMap<>();
  final Set<Variable> assignedAnywhere = new HashSet<>();
  final Set<Variable> countedIndices = new HashSet<>();
  final Set<Variable> mutatedClasses;
  final LoopPlan plan;
  /** Per loop: the primal variables its reverse body reads (from the previous round of the fixed point). */
  Map<Stmt, Set<Variable>> loopReads = new java.util.IdentityHashMap<>();
  Map<Stmt, Set<Variable>> nextLoopReads = new java.util.IdentityHashMap<>();
  /**
   * Per top-level statement: the primal variables its reverse reads (previous round). A write in
   * statement k needs recording only if the reverse of statement k or of one before it reads the
   * variable: the reverse of later statements runs first and sees the value the write left.
   */
  List<Set<Variable>> topReads = new ArrayList<>();
  Set<Variable> allRecordedVars = new HashSet<>();
  Set<Variable> allRecordedClasses = new HashSet<>();
  /** Variables assigned after their declaration, or declared inside a loop: their values change. */
  final Set<Variable> overwritten = new HashSet<>();
  final StatementRecords records;
  /** Set once the builder exists, which the call adjoints take as their context. */
  CallAdjoints calls;
  /** How many loops enclose the statement being generated. */
  int loopDepth;
  /** The loops whose body is being generated, innermost first. */
  final java.util.Deque<Stmt> openLoops = new java.util.ArrayDeque<>();
  /** Per loop: what its forward sweep records in every iteration, for the summary in the Javadoc. */
  final Map<Stmt, Set<String>> perIteration = new java.util.LinkedHashMap<>();
  /** The names whose values the forward sweep puts on the tape, for the verbose note. */
  final Set<String> pushed = new java.util.TreeSet<>();
  /** Per counted loop: the record block its reverse reads (this round), which its forward must write. */
  final Map<Stmt, RecordBlock> blocks = new java.util.IdentityHashMap<>();
  /** Loops whose forward and reverse did not agree on a record block: they keep per-record tape calls. */
  final Set<Stmt> withoutBlock = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  final Set<Stmt> blockMismatches = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  /** The running min/max loop whose body is being generated, or null (see {@link RunningExtremum}). */
  RunningExtremum.Update extremum;
  /** In that loop's forward: the local that notes the last trip whose challenger won, and the trip's number. */
  String extremumWon;
  String extremumTrip;
  /** Running min/max loops whose body turned out to record something: they are reversed trip by trip. */
  final Set<Stmt> withoutExtremum = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  final Set<Stmt> extremumMismatches = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  Names names;
  Set<Variable> recordedVars = new HashSet<>();
  Set<Variable> recordedClasses = new HashSet<>();
  Set<Variable> hoisted = new HashSet<>();
  /** The names of each loop's own locals (trip count, record cursors), shared by its two halves. */
  Map<Stmt, Map<String, String>> loopNames = new java.util.IdentityHashMap<>();
  /**
   * Locals of top-level loops that the reverse assigns rather than declares, since the forward
   * declared them in the same scope: the split reverse half declares them up front (name to type).
   */
  Map<String, String> declaredUpFront = new java.util.LinkedHashMap<>();
  /** The accumulator hoisting of each counted loop being reversed, outermost first. */
  final java.util.Deque<AccumulatorHoisting> accumulating = new java.util.ArrayDeque<>();
  boolean usesTape;
  String seedName;
  String valueOutName;
  /** The local that holds the method's result in the sweep ({@code value} unless the method uses that name). */
  String resultName;
  /** The tape local, as code names it (a {@link Snippet.Name}, so code that uses it can be found). */
  Snippet tape;
  /** The tape local's name. */
  String tapeLocal;
  /** The sweep's last parameter: a caller's tape to record on, or null to make its own. */
  String sharedTapeName;

  /** A copy of {@link #loopNames} to restore after a probe. */
  Map<Stmt, Map<String, String>> loopNamesCopy() {
    Map<Stmt, Map<String, String>> copy = new java.util.IdentityHashMap<>();
    loopNames.forEach((loop, names) -> copy.put(loop, new HashMap<>(names)));
    return copy;
  }

  /** The name of loop's local for this role (e.g. "trips"): the same in the forward and the reverse. */
  String loopName(Stmt loop, String prefix) {
    return loopNames.computeIfAbsent(loop, l -> new java.util.HashMap<>()).computeIfAbsent(prefix, names::fresh);
  }

  /**
   * How the reverse of loop introduces its local {@code name}: declared ({@code "int "}) inside a
   * block, but only assigned ({@code ""}) at the top level of the method, where the forward sweep
   * already declared it.
   */
  String declaredInReverse(Stmt loop, String type, String name) {
    if (inMethodScope(method.body(), loop)) {
      declaredUpFront.put(name, type);
      return "";
    }
    return type + " ";
  }

  /** Whether s sits in block's Java scope: blocks of the IR open no scope in the generated code. */
  private static boolean inMethodScope(Stmt.Block block, Stmt s) {
    for (Stmt c : block.statements()) {
      if (c == s || c instanceof Stmt.Block inner && inMethodScope(inner, s)) {
        return true;
      }
    }
    return false;
  }

  SweepState(MethodIR method, Activity activity, Aliases aliases, String adjointPackage, Optimizations optimizations) {
    this.method = method;
    this.optimizations = optimizations;
    this.activity = activity;
    this.aliases = aliases;
    this.printer = new Printer(adjointPackage);
    this.mutatedClasses = Mutations.mutatedClasses(method, aliases);
    this.plan = new LoopPlan(method, aliases);
    this.records = new StatementRecords(activity, aliases, overwritten, mutatedClasses);
  }

  /** Notes that the forward sweep records what, here: per iteration of the innermost loop, if any. */
  void noteRecorded(String what) {
    noteIn(openLoops.peek(), what);
  }

  /** Notes a record made once per run of the innermost loop: per iteration of the loop around it. */
  void noteRecordedAround(String what) {
    java.util.Iterator<Stmt> loops = openLoops.iterator();
    if (loops.hasNext()) {
      loops.next();
    }
    noteIn(loops.hasNext() ? loops.next() : null, what);
  }

  private void noteIn(Stmt loop, String what) {
    if (loop != null) {
      perIteration.computeIfAbsent(loop, l -> new java.util.TreeSet<>()).add(what);
    }
  }

  boolean on(Optimizations.Kind kind) {
    return optimizations.on(kind);
  }

  /** Whether the reverse iteration recomputes v rather than reading back a recorded value. */
  boolean isRecomputed(Variable v) {
    return on(Optimizations.Kind.RECOMPUTE) && plan.isRecomputed(v);
  }
}
