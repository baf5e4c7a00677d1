package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.Activity;
import dev.adjoint.processor.analyze.Aliases;
import dev.adjoint.processor.analyze.LoopPlan;
import dev.adjoint.processor.analyze.Optimizations;
import dev.adjoint.processor.analyze.RecordingRules;
import dev.adjoint.processor.analyze.ReverseReads;
import dev.adjoint.processor.analyze.RunningExtremum;
import dev.adjoint.processor.analyze.StatementRecords;
import dev.adjoint.processor.emit.Code;
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
 * the names chosen, the recording sets {@link ReverseReads} found,
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
  /** Where values are recorded: the rules the to-be-recorded analysis ({@link ReverseReads}) shares. */
  final RecordingRules rules;
  final Set<Variable> assignedAnywhere;
  final Set<Variable> mutatedClasses;
  final LoopPlan plan;
  final StatementRecords records;
  /** Per loop: the primal variables its reverse body reads ({@link ReverseReads}). */
  Map<Stmt, Set<Variable>> loopReads = new java.util.IdentityHashMap<>();
  /** Per top-level statement: the primal variables its reverse reads ({@link ReverseReads}). */
  List<Set<Variable>> topReads = new ArrayList<>();
  /** The variables and array alias classes recorded somewhere ({@link ReverseReads}). */
  Set<Variable> allRecordedVars = new HashSet<>();
  Set<Variable> allRecordedClasses = new HashSet<>();
  /** What the generated reverse reads, per loop and per top-level statement: checked against the analysis. */
  final Map<Stmt, Set<Variable>> generatedLoopReads = new java.util.IdentityHashMap<>();
  final List<Set<Variable>> generatedTopReads = new ArrayList<>();
  /** A local of the forward sweep that the reverse reads: a split sweep carries it across on the tape. */
  record Local(dev.adjoint.processor.ir.JType type, String name) {}

  /** The forward sweep's locals the reverse reads besides the method's own (a checkpointed loop's entry state). */
  final List<Local> keptForReverse = new ArrayList<>();
  /** Whether the reverse of each statement generated so far has any code (the forward asks). */
  final Map<Stmt, Boolean> hasReverse = new java.util.IdentityHashMap<>();
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
  /** Per counted loop: the record block its reverse reads (planned while the reverse was generated), which its forward must write. */
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
  /** What writes record at the place being generated ({@link RecordingSets}). */
  RecordingRules.Scope scope = RecordingRules.Scope.NONE;
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

  /** The name of loop's local for this role (e.g. "trips"): the same in the forward and the reverse. */
  String loopName(Stmt loop, String prefix) {
    return loopNames.computeIfAbsent(loop, l -> new java.util.HashMap<>()).computeIfAbsent(prefix, names::fresh);
  }

  /**
   * Introduces the reverse of loop's local {@code name} with a value: declared inside a block, but
   * only assigned at the top level of the method, where the forward sweep already declared it.
   */
  void introduceInReverse(Stmt loop, String type, String name, Object value, Code out) {
    if (inMethodScope(method.body(), loop)) {
      declaredUpFront.put(name, type);
      out.assign(name, "=", value);
    } else {
      out.declare(type, name, value);
    }
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
    this.rules = new RecordingRules(method, activity, aliases, optimizations);
    this.assignedAnywhere = rules.assignedAnywhere();
    this.mutatedClasses = rules.mutatedClasses();
    this.plan = rules.plan();
    this.records = rules.records();
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

}
