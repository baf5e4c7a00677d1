package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.Activity;
import dev.adjoint.processor.analyze.Aliases;
import dev.adjoint.processor.analyze.Mutations;
import dev.adjoint.processor.ir.AdjointNaming;
import dev.adjoint.processor.ir.AssignOp;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
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
 */
public final class SweepBuilder implements AdjointContext {
  /**
   * The generated body and what it is made of, for the writer and the verbose report. {@code
   * recordBody} and {@code reverseBody} are the two halves of split reversal (see {@link
   * CallAdjoints}), which take the tape as {@code tapeName}; null for a method that returns an
   * array. {@code splitCallees}: the same-class methods this sweep reverses split.
   */
  public record Sweep(
      String body,
      List<String> paramNames,
      String seedName,
      List<String> barParamNames,
      String valueOutName,
      String sharedTapeName,
      Set<String> active,
      Set<String> recorded,
      List<String> mutatedParams,
      String recordBody,
      String reverseBody,
      String tapeName,
      Set<String> splitCallees) {}

  private static final int MAX_ROUNDS = 64;
  private final MethodIR method;
  private final Activity activity;
  private final Aliases aliases;
  private final Printer printer;
  private final Optimizations optimizations;
  private final Map<Variable, String> bars = new HashMap<>();
  private final Set<Variable> assignedAnywhere = new HashSet<>();
  private final Set<Variable> countedIndices = new HashSet<>();
  private final Set<Variable> mutatedClasses;
  private final LoopPlan plan;
  private final Checkpoints checkpoints;
  /** Array classes an enclosing loop checkpoints, so writes inside it record nothing. */
  private Set<Variable> checkpointed = new HashSet<>();
  /** Per loop: the primal variables its reverse body reads (from the previous round of the fixed point). */
  private Map<Stmt, Set<Variable>> loopReads = new java.util.IdentityHashMap<>();
  private Map<Stmt, Set<Variable>> nextLoopReads = new java.util.IdentityHashMap<>();
  /**
   * Per top-level statement: the primal variables its reverse reads (previous round). A write in
   * statement k needs recording only if the reverse of statement k or of one before it reads the
   * variable: the reverse of later statements runs first and sees the value the write left.
   */
  private List<Set<Variable>> topReads = new ArrayList<>();
  private List<Set<Variable>> nextTopReads = new ArrayList<>();
  private Set<Variable> allRecordedVars = new HashSet<>();
  private Set<Variable> allRecordedClasses = new HashSet<>();
  /** Variables assigned after their declaration, or declared inside a loop: their values change. */
  private final Set<Variable> overwritten = new HashSet<>();
  private final StatementRecords records;
  private final CallAdjoints calls;
  /** Adjoint arrays whose elements may be summed in locals: see {@link #hoistableBars()}. */
  private Map<String, String> hoistableBars;
  /** How many loops enclose the statement being generated. */
  private int loopDepth;
  /** For the statement being reversed: the popped choice of each min/max whose choice was recorded. */
  private final Map<Expr, String> choices = new java.util.IdentityHashMap<>();
  private final java.util.ArrayDeque<Integer> branchMarks = new java.util.ArrayDeque<>();
  /** The names whose values the forward sweep puts on the tape, for the verbose note. */
  private final Set<String> pushed = new java.util.TreeSet<>();
  /** Scalars saved once around an enclosing loop, so writes inside it record nothing. */
  private Set<Variable> suppressed = new HashSet<>();

  /** The record block of the counted loop whose body is being generated, or null (see {@link RecordBlock}). */
  private RecordBlock block;
  /** Per counted loop: the record block its reverse reads (this round), which its forward must write. */
  private final Map<Stmt, RecordBlock> blocks = new java.util.IdentityHashMap<>();
  /** Loops whose forward and reverse did not agree on a record block: they keep per-record tape calls. */
  private final Set<Stmt> withoutBlock = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  private final Set<Stmt> blockMismatches = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  /** The running min/max loop whose body is being generated, or null (see {@link RunningExtremum}). */
  private RunningExtremum.Update extremum;
  /** In that loop's forward: the local that notes the last trip whose challenger won, and the trip's number. */
  private String extremumWon;
  private String extremumTrip;
  /** Running min/max loops whose body turned out to record something: they are reversed trip by trip. */
  private final Set<Stmt> withoutExtremum = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  private final Set<Stmt> extremumMismatches = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  /** Record blocks made so far, which tells their placeholders apart. */
  private int blockCount;
  /** The tape's name as a whole word (see {@link #mentionsTape}). */
  private java.util.regex.Pattern tapeWord;

  private Names names;
  private Set<Variable> reads = new LinkedHashSet<>();
  private Set<Variable> recordedVars = new HashSet<>();
  private Set<Variable> recordedClasses = new HashSet<>();
  private Set<Variable> hoisted = new HashSet<>();
  private boolean usesTape;
  private String seedName;
  private String valueOutName;
  private String tapeName;
  /** The sweep's last parameter: a caller's tape to record on, or null to make its own. */
  private String sharedTapeName;

  private SweepBuilder(MethodIR method, Activity activity, Aliases aliases, String adjointPackage,
      Optimizations optimizations) {
    this.method = method;
    this.optimizations = optimizations;
    this.activity = activity;
    this.aliases = aliases;
    this.printer = new Printer(adjointPackage);
    this.mutatedClasses = Mutations.mutatedClasses(method, aliases);
    this.plan = new LoopPlan(method, aliases);
    this.checkpoints = new Checkpoints(method, aliases);
    this.records = new StatementRecords(activity, aliases, overwritten, mutatedClasses);
    this.calls = new CallAdjoints(this, activity, aliases, printer, method);
  }

  public static Sweep build(MethodIR method, Activity activity, Aliases aliases, String adjointPackage,
      Optimizations optimizations) {
    return new SweepBuilder(method, activity, aliases, adjointPackage, optimizations).run();
  }

  private boolean on(Optimizations.Kind kind) {
    return optimizations.on(kind);
  }

  /** Whether the reverse iteration recomputes v rather than reading back a recorded value. */
  private boolean isRecomputed(Variable v) {
    return on(Optimizations.Kind.RECOMPUTE) && plan.isRecomputed(v);
  }

  private Sweep run() {
    Names base = nameVariables();
    IrWalker.statements(method.body(), s -> {
      if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef v) {
        assignedAnywhere.add(v.variable());
        overwritten.add(v.variable());
      } else if (s instanceof Stmt.LocalDecl d) {
        assignedAnywhere.add(d.variable());
        if (d.variable().loopDepth() > 0) {
          overwritten.add(d.variable());
        }
      } else if (s instanceof Stmt.CountedLoop c) {
        countedIndices.add(c.index());
      }
    });

    while (true) {
      extremumMismatches.clear();
      Code reverse = settleReverse(base);
      printer.clearSubstitutions();
      blockMismatches.clear();
      pushed.clear();
      Code forward = forward(method.body());
      if (blockMismatches.isEmpty() && extremumMismatches.isEmpty()) {
        return assemble(forward, reverse);
      }
      // a safety net: generate again with those loops unblocked, or reversed trip by trip
      withoutBlock.addAll(blockMismatches);
      withoutExtremum.addAll(extremumMismatches);
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
      names = base.copy();
      reads = new LinkedHashSet<>();
      printer.recordReadsInto(reads);
      reverse = reverse(method.body());
      printer.recordReadsInto(null);
      Set<Variable> vars = new HashSet<>(recordedVars);
      Set<Variable> classes = new HashSet<>(recordedClasses);
      for (Variable v : reads) {
        if (!isRecomputed(v)) {
          vars.add(v);
        }
        if (v.type().isArray()) {
          classes.add(aliases.find(v));
        }
      }
      boolean stable = vars.equals(allRecordedVars) && classes.equals(allRecordedClasses)
          && sameReads(nextLoopReads, loopReads) && nextTopReads.equals(topReads);
      loopReads = nextLoopReads;
      nextLoopReads = new java.util.IdentityHashMap<>();
      topReads = nextTopReads;
      nextTopReads = new ArrayList<>();
      if (stable) {
        break;
      }
      allRecordedVars = vars;
      allRecordedClasses = classes;
    }
    recordedVars = allRecordedVars;
    recordedClasses = allRecordedClasses;
    Set<Variable> declaredEarly = on(Optimizations.Kind.TO_BE_RECORDED) ? reads : everythingRecorded(reads);
    for (Variable v : declaredEarly) {
      if (v.kind() != Variable.Kind.PARAMETER && v.kind() != Variable.Kind.RECEIVER && !countedIndices.contains(v)
          && !isRecomputed(v)) {
        hoisted.add(v);
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

  // ---- naming ----

  private Names nameVariables() {
    Names n = new Names();
    for (Variable p : method.params()) {
      n.reserve(p.name());
    }
    IrWalker.statements(method.body(), s -> {
      if (s instanceof Stmt.LocalDecl d && d.variable().kind() == Variable.Kind.LOCAL) {
        n.reserve(d.variable().sourceName());
      } else if (s instanceof Stmt.CountedLoop c) {
        n.reserve(c.index().sourceName());
      }
    });
    Set<Variable> seen = new HashSet<>(method.params());
    List<Variable> locals = new ArrayList<>();
    IrWalker.statements(method.body(), s -> {
      Variable v = s instanceof Stmt.LocalDecl d ? d.variable() : s instanceof Stmt.CountedLoop c ? c.index() : null;
      if (v != null && seen.add(v)) {
        locals.add(v);
      }
    });
    Set<String> usedByLocals = new HashSet<>();
    method.params().forEach(p -> usedByLocals.add(p.name())); // inlined callees may reuse them
    for (Variable v : locals) {
      String wanted = v.kind() == Variable.Kind.SYNTHETIC ? v.sourceName().replaceAll("\\$\\d+$", "") : v.sourceName();
      if (v.kind() == Variable.Kind.LOCAL && usedByLocals.add(wanted)) {
        v.rename(wanted); // first variable of this name keeps it
      } else {
        v.rename(n.claim(wanted));
      }
    }
    List<Variable> all = new ArrayList<>(method.params());
    all.addAll(locals);
    for (Variable v : all) {
      if (activity.isActive(v)) {
        bars.put(v, n.claim(AdjointNaming.bar(v.name())));
      }
    }
    seedName = n.claim("dy");
    valueOutName = n.claim("valueOut");
    sharedTapeName = n.claim("sharedTape");
    tapeName = n.claim("tape");
    return n;
  }

  @Override
  public String bar(Variable v) {
    String b = bars.get(v);
    if (b == null) {
      throw new IllegalStateException("no adjoint for " + v);
    }
    return b;
  }

  // ---- assembly ----

  /**
   * A value the recording sweep hands its reverse sweep on the tape: what the reverse reads as the
   * forward left it. {@code declare}: the reverse declares it as it takes it back (else it is a
   * parameter, which it assigns). {@code onlyIf}: a condition both halves know, or null for always
   * (the recording half's flag; the reverse half's parameter is null then).
   */
  private record Carried(JType type, String name, boolean declare, String onlyIf) {}

  private Sweep assemble(Code forward, Code reverse) {
    Code body = new Code();
    Code recordHead = new Code(); // the recording sweep's declarations
    Code reverseHead = new Code(); // the reverse sweep's
    List<Carried> carried = new ArrayList<>();
    List<String> barParams = new ArrayList<>();
    List<String> mutatedParams = new ArrayList<>();
    Code restoreAtEnd = new Code();
    for (Variable p : method.params()) {
      if (p.kind() == Variable.Kind.RECEIVER) {
        continue;
      }
      boolean wrt = method.wrt().contains(p);
      boolean mutated = p.type().isArray() && mutatedClasses.contains(aliases.find(p));
      if (mutated) {
        mutatedParams.add(p.name());
      }
      if (wrt && p.type().isArray()) {
        barParams.add(bar(p));
        body.line("if (" + bar(p) + " == null) " + bar(p) + " = Shadows.zerosLike(" + p.name() + ");");
        // a caller passes the same adjoint array to both halves, or null to both: then the reverse
        // half must add into the array the recording half made, which local aliases may hold
        String made = names.claim(bar(p) + "Made");
        recordHead.line("boolean " + made + " = " + bar(p) + " == null;");
        recordHead.line("if (" + made + ") " + bar(p) + " = Shadows.zerosLike(" + p.name() + ");");
        carried.add(new Carried(p.type(), bar(p), false, made));
      } else if (activity.isActive(p) && p.type().isArray()) {
        String line = p.type().sourceText() + " " + bar(p) + " = Shadows.zerosLike(" + p.name() + ");";
        body.line(line);
        recordHead.line(line);
        carried.add(new Carried(p.type(), bar(p), true, null));
      } else if (activity.isActive(p)) {
        body.line(p.type().sourceText() + " " + bar(p) + " = 0;");
        reverseHead.line(p.type().sourceText() + " " + bar(p) + " = 0;");
      }
      if (mutated && !recordedClasses.contains(aliases.find(p))) {
        String saved = names.claim(p.name() + "Saved");
        String line = p.type().sourceText() + " " + saved + " = Shadows.snapshot(" + p.name() + ");";
        body.line(line);
        recordHead.line(line);
        carried.add(new Carried(p.type(), saved, true, null));
        restoreAtEnd.line("Shadows.restore(" + saved + ", " + p.name() + ");");
      }
    }
    for (Map.Entry<Variable, String> e : sortedBars()) {
      Variable v = e.getKey();
      if (!v.isParameter()) {
        String line = v.type().sourceText() + " " + e.getValue() + " = " + zero(v.type()) + ";";
        body.line(line);
        if (v.type().isArray()) { // the forward sweep makes an array's adjoint array with the array
          recordHead.line(line);
          carried.add(new Carried(v.type(), e.getValue(), true, null));
        } else {
          reverseHead.line(line);
        }
      }
    }
    for (Variable v : sortedHoisted()) {
      String line = v.type().sourceText() + " " + v.name() + " = " + zero(v.type()) + ";";
      body.line(line);
      recordHead.line(line);
      carried.add(new Carried(v.type(), v.name(), true, null));
    }
    for (Variable p : method.params()) {
      if (p.kind() != Variable.Kind.RECEIVER && assignedAnywhere.contains(p)) {
        carried.add(new Carried(p.type(), p.name(), false, null)); // the reverse starts from its last value
      }
    }
    if (usesTape) {
      body.line("Tape " + tapeName + " = " + sharedTapeName + " != null ? " + sharedTapeName + " : new Tape();");
    }
    body.line("");
    body.line("// forward sweep");
    body.append(forward);
    boolean scalarResult = !method.returnType().isVoid() && !method.returnType().isArray();
    if (scalarResult) {
      body.line("if (" + valueOutName + " != null) " + valueOutName + "[0] = value;");
    }
    body.line("");
    body.line("// reverse sweep");
    body.append(reverse);
    if (usesTape) {
      body.line("if (" + sharedTapeName + " == null) " + tapeName + ".release();");
    }
    body.append(restoreAtEnd);
    Code scalarReturn = new Code();
    List<Variable> scalarWrt = method.wrt().stream().filter(v -> !v.type().isArray()).toList();
    if (scalarWrt.size() == 1) {
      scalarReturn.line("return " + bar(scalarWrt.get(0)) + ";");
    } else if (scalarWrt.size() > 1) {
      scalarReturn.line("return new double[] {" + String.join(", ", scalarWrt.stream().map(this::bar).toList()) + "};");
    }
    body.append(scalarReturn);
    String recordBody = null;
    String reverseBody = null;
    if (!method.returnType().isArray()) {
      Code record = new Code().append(recordHead);
      record.line("");
      record.line("// forward sweep");
      record.append(forward);
      record.line("");
      record.line("// what the reverse sweep reads, as the forward sweep left it");
      for (Carried c : carried) {
        String push = tapeName + "." + pushMethod(c.type()) + "(" + c.name() + ");";
        record.line(c.onlyIf() == null ? push : "if (" + c.onlyIf() + ") " + push);
      }
      if (scalarResult) {
        record.line("return value;");
      }
      recordBody = record.toString();
      Code rev = new Code().append(reverseHead);
      for (int k = carried.size() - 1; k >= 0; k--) {
        Carried c = carried.get(k);
        String pop = (c.declare() ? c.type().sourceText() + " " : "") + c.name() + " = " + popFromTape(c.type()) + ";";
        rev.line(c.onlyIf() == null ? pop : "if (" + c.name() + " == null) " + pop);
      }
      rev.line("");
      rev.line("// reverse sweep");
      rev.append(reverse).append(restoreAtEnd).append(scalarReturn);
      reverseBody = rev.toString();
    }
    List<String> paramNames = method.params().stream().map(Variable::name).toList();
    Set<String> active = activity.describe(method);
    // what the forward sweep puts on the tape, not what the analysis allowed it to
    Set<String> recorded = new LinkedHashSet<>(pushed);
    String text = body.toString();
    if (text.indexOf('\u0000') >= 0) {
      throw new IllegalStateException("a record block placeholder was left unresolved:\n" + text);
    }
    return new Sweep(text, paramNames, method.returnType().isVoid() ? null : seedName, barParams,
        valueOutName, sharedTapeName, active, new java.util.TreeSet<>(recorded), mutatedParams,
        recordBody, reverseBody, tapeName, calls.splitCallees());
  }

  private List<Map.Entry<Variable, String>> sortedBars() {
    List<Map.Entry<Variable, String>> entries = new ArrayList<>(bars.entrySet());
    entries.sort(java.util.Comparator.comparing(Map.Entry::getValue));
    return entries;
  }

  private List<Variable> sortedHoisted() {
    List<Variable> list = new ArrayList<>(hoisted);
    list.sort(java.util.Comparator.comparing(Variable::name));
    return list;
  }

  private static String zero(JType type) {
    if (type.isArray() || type.base() == JType.Base.REFERENCE) {
      return "null";
    }
    return switch (type.base()) {
      case BOOLEAN -> "false";
      case FLOAT -> "0f";
      case DOUBLE -> "0.0";
      case LONG -> "0L";
      default -> "0";
    };
  }

  // ---- forward sweep ----

  private Code forward(Stmt s) {
    Code out = new Code();
    forward(s, out);
    return out;
  }

  private void forward(Stmt s, Code out) {
    if (s == method.body()) {
      List<Stmt> list = method.body().statements();
      for (int k = 0; k < list.size(); k++) {
        int index = k;
        withRecordingFor(index, () -> forward(list.get(index), out));
      }
    } else if (s instanceof Stmt.Block b) {
      for (Stmt c : b.statements()) {
        forward(c, out);
      }
    } else if (s instanceof Stmt.LocalDecl d) {
      forwardAssign(new Expr.VarRef(d.variable(), null), AssignOp.SET, d.init(), true, out);
    } else if (s instanceof Stmt.Assign a) {
      forwardAssign(a.target(), a.op(), a.value(), false, out);
    } else if (s instanceof Stmt.Eval e) {
      if (calls.isStatefulAndActive(e.call())) {
        throw new TransformException(e.call().tree(), "a call of a method with a stateful rule whose result is unused");
      }
      if (calls.splits(e.call())) {
        calls.forwardSplit(e.call(), out);
      } else {
        calls.pushSnapshots(e.call(), out);
        out.line(printer.print(e.call()) + ";");
      }
    } else if (s instanceof Stmt.If i) {
      nested(() -> forwardIf(i, out));
    } else if (s instanceof Stmt.CountedLoop c) {
      RunningExtremum.Update update = extremumOf(c);
      if (update == null) {
        nested(() -> forwardCounted(c, out));
      } else {
        String won = names.fresh("won");
        nested(() -> forwardExtremum(c, update, won, out));
        record(JType.INT, won, out); // at the level of the enclosing loop, whose record block may take it
      }
    } else if (s instanceof Stmt.While w) {
      nested(() -> forwardWhile(w, out));
    } else if (s instanceof Stmt.Return r) {
      forwardReturn(r, out);
    } else {
      throw new IllegalStateException("not normalized: " + s);
    }
  }

  private void forwardAssign(Expr target, AssignOp op, Expr value, boolean isDecl, Code out) {
    Variable base = IrWalker.baseVariable(target);
    JType type = target.type();
    if (value instanceof Expr.Invoke call && calls.splits(call)) {
      // the callee's records go below this statement's, which its reverse takes back first
      printer.substitute(call, calls.forwardSplit(call, out));
    } else if (value instanceof Expr.Invoke call) {
      calls.pushSnapshots(call, out);
      if (calls.isStatefulAndActive(call)) {
        calls.runRule(call, out);
      }
    }
    pushStatementRecords(target, value, out);
    if (needsRecord(target, isDecl) && !isIntegerStep(target, op, value)) {
      String t = printer.print(target);
      record(type, t, out);
      if (base != null) {
        pushed.add(base.name() + (target instanceof Expr.ArrayRead ? "[]" : ""));
      }
      if (type.isArray() && activity.isActive(base)) {
        out.line(tapeName + ".pushObject(" + barOf(target) + ");");
      }
      usesTape = true;
    }
    String lhs = printer.print(target);
    if (isDecl) {
      Variable v = ((Expr.VarRef) target).variable();
      if (value == null) {
        if (!hoisted.contains(v)) {
          out.line(type.sourceText() + " " + v.name() + ";");
        }
        return;
      }
      lhs = hoisted.contains(v) ? v.name() : type.sourceText() + " " + v.name();
    }
    out.line(lhs + " " + op.symbol() + " " + printer.print(value) + ";");
    if (type.isArray() && base != null && activity.isActive(base)) {
      out.line(barOf(target) + " = " + shadowOf(value, printer.print(target)) + ";");
    }
    printer.clearSubstitutions();
  }

  /** The adjoint array that goes with a fresh primal array value. */
  private String shadowOf(Expr value, String primal) {
    if (value instanceof Expr.VarRef v && activity.isActive(v.variable())) {
      return bar(v.variable());
    }
    if (value instanceof Expr.ArrayRead a && activity.isActive(IrWalker.baseVariable(a))) {
      return barOf(a);
    }
    if (value instanceof Expr.Literal l && l.text().equals("null")) {
      return "null";
    }
    if (value instanceof Expr.Conditional c) {
      return printer.print(c.condition()) + " ? " + shadowOf(c.ifTrue(), printer.print(c.ifTrue())) + " : "
          + shadowOf(c.ifFalse(), printer.print(c.ifFalse()));
    }
    return "Shadows.zerosLike(" + primal + ")";
  }

  /** {@code i += c} or {@code i -= c} on an integer variable, with a literal c: undone by the inverse step. */
  private static boolean isIntegerStep(Expr target, AssignOp op, Expr value) {
    return target instanceof Expr.VarRef v
        && (v.type().base() == JType.Base.INT || v.type().base() == JType.Base.LONG) && v.type().dims() == 0
        && (op == AssignOp.ADD || op == AssignOp.SUB) && value instanceof Expr.Literal;
  }

  private boolean needsRecord(Expr target, boolean isDecl) {
    if (target instanceof Expr.VarRef v) {
      Variable var = v.variable();
      if (isRecomputed(var) || suppressed.contains(var)) {
        return false; // recomputed by the reverse iteration, or saved once around the loop
      }
      if (isDecl && var.loopDepth() == 0) {
        return false; // a first definition: nothing is overwritten
      }
      if (var.type().isArray()) {
        // an active array's adjoint array must follow its reference back, so both are recorded
        return recordedVars.contains(var) || activity.isActive(var);
      }
      return recordedVars.contains(var);
    }
    Variable base = IrWalker.baseVariable(target);
    return base != null && recordedClasses.contains(aliases.find(base)) && !checkpointed.contains(aliases.find(base));
  }

  private void forwardIf(Stmt.If i, Code out) {
    String cond = printer.print(i.condition());
    if (!hasReverse(i)) {
      out.open("if (" + cond + ")");
      forward(i.then(), out);
      if (i.otherwise() != null) {
        out.reopen("else");
        forward(i.otherwise(), out);
      }
      out.close();
      return;
    }
    usesTape = true;
    out.open("if (" + cond + ")");
    forward(i.then(), out);
    record(JType.BOOLEAN, "true", out);
    out.reopen("else");
    if (i.otherwise() != null) {
      forward(i.otherwise(), out);
    }
    record(JType.BOOLEAN, "false", out);
    out.close();
  }

  /**
   * The scalars a loop writes that the loop's own reverse never reads: they are saved once before
   * the loop and restored once after its reverse, instead of at every write.
   */
  private List<Variable> saves(Stmt loop) {
    if (!on(Optimizations.Kind.LOOP_SAVES)) {
      return List.of();
    }
    Set<Variable> readInside = loopReads.getOrDefault(loop, Set.of());
    Set<Variable> declaredInside = plan.declaredIn(loop);
    List<Variable> out = new ArrayList<>();
    for (Variable v : plan.writtenScalars(loop)) {
      if (!v.type().isArray() && recordedVars.contains(v) && !readInside.contains(v) && !declaredInside.contains(v)
          && !suppressed.contains(v) && !isRecomputed(v)) {
        out.add(v);
      }
    }
    out.sort(java.util.Comparator.comparing(Variable::name));
    return out;
  }

  /** Runs work with the loop's saved variables suppressed, and returns the variables it saved. */
  private List<Variable> withSaves(Stmt loop, Runnable work) {
    List<Variable> saved = saves(loop);
    Set<Variable> outer = suppressed;
    suppressed = new HashSet<>(outer);
    suppressed.addAll(saved);
    loopDepth++;
    try {
      work.run();
    } finally {
      suppressed = outer;
      loopDepth--;
    }
    return saved;
  }

  private void pushSaves(List<Variable> saved, Code out) {
    for (Variable v : saved) {
      record(v.type(), v.name(), out);
      pushed.add(v.name());
    }
  }

  private void forwardCounted(Stmt.CountedLoop c, Code out) {
    pushSaves(saves(c), out);
    withSaves(c, () -> withCheckpoints(c, c.body(), chosen -> {
      pushCheckpoints(chosen, false, out);
      forwardCountedLoop(c, chosen, out);
    }));
  }

  /**
   * Runs work with the arrays the loop checkpoints (see {@link Checkpoints}): those still recorded
   * here and not already checkpointed by an enclosing loop. Their per-iteration copies are dropped
   * when the body has no reverse, since then no reverse iteration would take them back.
   */
  private void withCheckpoints(Stmt loop, Stmt body, java.util.function.Consumer<List<Checkpoints.Checkpoint>> work) {
    List<Checkpoints.Checkpoint> chosen = new ArrayList<>();
    Set<Variable> outer = checkpointed;
    checkpointed = new HashSet<>(outer);
    for (Checkpoints.Checkpoint c : on(Optimizations.Kind.CHECKPOINTS) ? checkpoints.candidates(loop)
        : List.<Checkpoints.Checkpoint>of()) {
      Variable cls = aliases.find(c.array());
      if (recordedClasses.contains(cls) && !outer.contains(cls)) {
        chosen.add(c);
        checkpointed.add(cls);
      }
    }
    try {
      if (!chosen.isEmpty() && !hasReverse(body)) {
        chosen.replaceAll(c -> new Checkpoints.Checkpoint(c.array(), false));
      }
      work.accept(chosen);
    } finally {
      checkpointed = outer;
    }
  }

  /** Saves the checkpointed arrays: all of them before the loop, the per-iteration ones after each iteration. */
  private void pushCheckpoints(List<Checkpoints.Checkpoint> chosen, boolean iteration, Code out) {
    for (Checkpoints.Checkpoint c : chosen) {
      if (iteration && !c.perIteration()) {
        continue;
      }
      String a = c.array().name();
      pushed.add(a + "[]");
      out.line(c.array().type().base() == JType.Base.DOUBLE ? tapeName + ".pushCopy(" + a + ");"
          : tapeName + ".pushObject(Shadows.snapshot(" + a + "));");
      usesTape = true;
    }
  }

  /** Puts checkpointed arrays back, in the reverse order of {@link #pushCheckpoints}. */
  private void popCheckpoints(List<Checkpoints.Checkpoint> chosen, boolean iteration, Code out) {
    for (int k = chosen.size() - 1; k >= 0; k--) {
      Checkpoints.Checkpoint c = chosen.get(k);
      if (iteration && !c.perIteration()) {
        continue;
      }
      String a = c.array().name();
      if (printer.readsTarget() != null) {
        printer.readsTarget().add(c.array()); // the reverse names it, so it must be in scope there
      }
      out.line(c.array().type().base() == JType.Base.DOUBLE ? tapeName + ".popInto(" + a + ");"
          : "Shadows.restore(" + tapeName + ".<" + c.array().type().sourceText() + ">popObject(), " + a + ");");
    }
  }

  private void forwardBody(Stmt body, List<Checkpoints.Checkpoint> chosen, Code out) {
    forward(body, out);
    pushCheckpoints(chosen, true, out);
  }

  /**
   * Whether code uses the tape other than through a record block's locals: a call on it, or a
   * callee's sweep handed it, which records on the tape where the block is.
   */
  private boolean mentionsTape(Code code) {
    if (tapeWord == null) {
      tapeWord = java.util.regex.Pattern.compile(
          "(?<![\\w$])" + java.util.regex.Pattern.quote(tapeName) + "(?![\\w$])");
    }
    return tapeWord.matcher(code.toString()).find();
  }

  /** The loop's header as written, starting its index at start. */
  private String header(Stmt.CountedLoop c, String start) {
    Variable i = c.index();
    return "for (" + i.type().sourceText() + " " + i.name() + " = " + start + "; " + printer.print(c.condition()) + "; "
        + i.name() + stepText(c) + ")";
  }

  private void forwardCountedLoop(Stmt.CountedLoop c, List<Checkpoints.Checkpoint> chosen, Code out) {
    Variable i = c.index();
    String type = i.type().sourceText();
    if (!hasReverse(c.body())) {
      out.open(header(c, printer.print(c.start())));
      forwardBody(c.body(), chosen, out);
      out.close();
      return;
    }
    String formula = tripFormula(c);
    if (formula != null) {
      // the reverse sweep works the trip count out again from the loop's bounds
      RecordBlock planned = blocks.get(c);
      RecordBlock written = planned == null ? null : new RecordBlock(blockCount++, tapeName);
      Code body = new Code();
      withBlock(written, () -> {
        forwardBody(c.body(), chosen, body);
        return body;
      });
      if (written != null) {
        boolean matches = written.sameShape(planned) && !mentionsTape(body);
        if (!matches) {
          blockMismatches.add(c); // run() generates the sweep again, this loop without a block
        }
        written.resolve(body, matches, names::fresh);
        if (written.isUsed()) {
          String trips = names.fresh("trips");
          out.line("int " + trips + " = " + formula + ";");
          written.claim(trips, out);
          usesTape = true;
        }
      }
      out.open(header(c, printer.print(c.start())));
      out.append(body);
      out.close();
      return;
    }
    usesTape = true;
    String trips = names.fresh("trips");
    out.line("int " + trips + " = 0;");
    String start = printer.print(c.start());
    String startVar = null;
    if (!isInvariant(c.start())) {
      startVar = names.fresh(i.name() + "Start");
      out.line(type + " " + startVar + " = " + start + ";");
      start = startVar;
    }
    out.open(header(c, start));
    forwardBody(c.body(), chosen, out);
    out.line(trips + "++;");
    out.close();
    if (startVar != null) {
      record(i.type(), startVar, out);
    }
    record(JType.INT, trips, out);
  }

  private String stepText(Stmt.CountedLoop c) {
    Expr step = c.step();
    if (step instanceof Expr.Literal l && l.text().equals("1")) {
      return "++";
    }
    if (step instanceof Expr.Unary u && u.operand() instanceof Expr.Literal l && l.text().equals("1")) {
      return "--";
    }
    if (step instanceof Expr.Unary u) {
      return " -= " + printer.print(u.operand());
    }
    return " += " + printer.print(step);
  }

  /** The loop's running min/max update when it is reversed as one ({@link RunningExtremum}), else null. */
  private RunningExtremum.Update extremumOf(Stmt.CountedLoop c) {
    if (withoutExtremum.contains(c) || tripFormula(c) == null || !on(Optimizations.Kind.RUNNING_EXTREMA)) {
      return null; // the reverse needs the trip's index from its number
    }
    return RunningExtremum.find(c, plan, activity, records);
  }

  /**
   * A running min/max loop as written, noting in won the number of the last trip whose challenger
   * won (-1 if none); the caller records won after it. Its body must record nothing.
   */
  private void forwardExtremum(Stmt.CountedLoop c, RunningExtremum.Update update, String won, Code out) {
    pushSaves(saves(c), out);
    withSaves(c, () -> {
      out.line("int " + won + " = -1;");
      Code body = new Code();
      String index = c.index().name();
      String start = printer.print(c.start());
      boolean up = c.step() instanceof Expr.Literal; // tripFormula admits only steps of +1 and -1
      String trip = up ? difference(index, start) : difference(start, index);
      withExtremum(update, won, c.index().type().base() == JType.Base.LONG ? "(int) (" + trip + ")" : trip,
          () -> forward(c.body(), body));
      if (mentionsTape(body)) {
        extremumMismatches.add(c);
      }
      out.open(header(c, start));
      out.append(body);
      out.close();
    });
  }

  /**
   * The reverse of a running min/max loop: the body's adjoint for the trip won names, with the
   * challenger taking the running value's whole adjoint; nothing when no trip's challenger won.
   */
  private void reverseExtremum(Stmt.CountedLoop c, RunningExtremum.Update update, String won, Code out) {
    withExtremum(update, null, null, () -> reverseLoop(c, c.body(), null, (header, body) -> {
      if (mentionsTape(body)) {
        extremumMismatches.add(c);
      }
      Variable i = c.index();
      header.open("if (" + won + " >= 0)");
      header.line(i.type().sourceText() + " " + i.name() + " = " + indexAt(printer.print(c.start()), won, c.step()) + ";");
      recompute(c, header);
      header.append(body);
      header.close();
    }, out));
  }

  private void withExtremum(RunningExtremum.Update update, String won, String trip, Runnable work) {
    RunningExtremum.Update outerUpdate = extremum;
    String outerWon = extremumWon;
    String outerTrip = extremumTrip;
    extremum = update;
    extremumWon = won;
    extremumTrip = trip;
    try {
      work.run();
    } finally {
      extremum = outerUpdate;
      extremumWon = outerWon;
      extremumTrip = outerTrip;
    }
  }

  private void forwardWhile(Stmt.While w, Code out) {
    pushSaves(saves(w), out);
    withSaves(w, () -> withCheckpoints(w, w.body(), chosen -> {
      pushCheckpoints(chosen, false, out);
      forwardWhileLoop(w, chosen, out);
    }));
  }

  private void forwardWhileLoop(Stmt.While w, List<Checkpoints.Checkpoint> chosen, Code out) {
    String cond = printer.print(w.condition());
    if (!hasReverse(w.body())) {
      if (w.doWhile()) {
        out.open("do");
        forwardBody(w.body(), chosen, out);
        out.depthCloseWith("} while (" + cond + ");");
      } else {
        out.open("while (" + cond + ")");
        forwardBody(w.body(), chosen, out);
        out.close();
      }
      return;
    }
    usesTape = true;
    String trips = names.fresh("trips");
    out.line("int " + trips + " = 0;");
    if (w.doWhile()) {
      out.open("do");
      forwardBody(w.body(), chosen, out);
      out.line(trips + "++;");
      out.depthCloseWith("} while (" + cond + ");");
    } else {
      out.open("while (" + cond + ")");
      forwardBody(w.body(), chosen, out);
      out.line(trips + "++;");
      out.close();
    }
    record(JType.INT, trips, out);
  }

  private void forwardReturn(Stmt.Return r, Code out) {
    if (r.value() == null) {
      return;
    }
    String t = method.returnType().sourceText();
    if (r.value() instanceof Expr.Invoke call && calls.splits(call)) {
      printer.substitute(call, calls.forwardSplit(call, out));
    }
    String value = printer.print(r.value());
    if (method.returnType().isArray()) {
      String display = method.owner().getSimpleName() + "." + method.name();
      String check = method.returnType().dims() == 1 ? value + ".length" : value;
      out.line("Seeds.checkSeed(\"" + display + "\", " + seedName + ", " + check + ");");
      out.line("if (" + valueOutName + " != null) " + valueOutName + "[0] = Shadows.snapshot(" + value + ");");
    } else {
      out.line(t + " value = " + value + ";"); // the sweep hands it out, the recording sweep returns it
    }
  }

  private boolean hasReverse(Stmt s) {
    Names saved = names;
    names = saved.copy();
    Set<Variable> savedReads = printer.readsTarget();
    printer.recordReadsInto(null);
    Map<Stmt, RecordBlock> savedBlocks = new java.util.IdentityHashMap<>(blocks);
    boolean nonEmpty = withBlock(null, () -> !reverse(s).isEmpty());
    blocks.clear();
    blocks.putAll(savedBlocks); // a probe decides nothing
    printer.clearSubstitutions(); // temporaries of the reverse sweep do not exist in the forward one
    printer.recordReadsInto(savedReads);
    names = saved;
    return nonEmpty;
  }

  /** Whether e reads only variables nothing in the method writes, so the reverse sweep can recompute it. */
  private boolean isInvariant(Expr e) {
    boolean[] ok = {true};
    IrWalker.expressions(e, x -> {
      if (x instanceof Expr.VarRef v && assignedAnywhere.contains(v.variable())
          || x instanceof Expr.Invoke || x instanceof Expr.ArrayRead) {
        ok[0] = false;
      }
    });
    return ok[0];
  }

  // ---- reverse sweep ----

  private Code reverse(Stmt s) {
    Code out = new Code();
    reverse(s, out);
    return out;
  }

  private void reverse(Stmt s, Code out) {
    if (s instanceof Stmt.Block b) {
      List<Stmt> list = b.statements();
      boolean top = s == method.body();
      for (int k = list.size() - 1; k >= 0; k--) {
        Code one = top ? reverseTopLevel(k, list.get(k)) : reverse(list.get(k));
        if (!one.isEmpty() && list.get(k).source() != null) {
          out.line("// " + list.get(k).source().comment());
        }
        out.append(one);
      }
      return;
    }
    printer.clearSubstitutions();
    if (s instanceof Stmt.LocalDecl d) {
      if (d.init() != null) {
        reverseAssign(new Expr.VarRef(d.variable(), null), AssignOp.SET, d.init(), true, out);
      }
    } else if (s instanceof Stmt.Assign a) {
      reverseAssign(a.target(), a.op(), a.value(), false, out);
    } else if (s instanceof Stmt.Eval e) {
      calls.reverse(e.call(), null, out);
    } else if (s instanceof Stmt.If i) {
      nested(() -> reverseIf(i, out));
    } else if (s instanceof Stmt.CountedLoop c) {
      RunningExtremum.Update update = extremumOf(c);
      if (update == null) {
        nested(() -> reverseCounted(c, out));
      } else {
        String won = names.fresh("won");
        out.line("int " + won + " = " + popOf(JType.INT) + ";");
        nested(() -> reverseExtremum(c, update, won, out));
      }
    } else if (s instanceof Stmt.While w) {
      nested(() -> reverseWhile(w, out));
    } else if (s instanceof Stmt.Return r) {
      reverseReturn(r, out);
    }
  }

  /** The call a statement consists of, if any: only such calls record a stateful rule's closure. */
  private Expr topLevelCall;

  @Override
  public boolean isTopLevel(Expr.Invoke call) {
    return call == topLevelCall;
  }

  /** Reverses top-level statement k, recording what its reverse reads, under k's recording sets. */
  private Code reverseTopLevel(int k, Stmt statement) {
    Set<Variable> outer = printer.readsTarget();
    Set<Variable> mine = outer == null ? null : new LinkedHashSet<>();
    printer.recordReadsInto(mine);
    Code[] code = new Code[1];
    withRecordingFor(k, () -> code[0] = reverse(statement));
    printer.recordReadsInto(outer);
    if (outer != null) {
      outer.addAll(mine);
      while (nextTopReads.size() <= k) {
        nextTopReads.add(null);
      }
      nextTopReads.set(k, mine);
    }
    return code[0];
  }

  /** Runs work with the recording sets of top-level statement k (see {@link #topReads}). */
  private void withRecordingFor(int k, Runnable work) {
    Set<Variable> savedVars = recordedVars;
    Set<Variable> savedClasses = recordedClasses;
    Set<Variable> readUpToK = new HashSet<>();
    for (int j = 0; j <= k && j < topReads.size(); j++) {
      if (topReads.get(j) != null) {
        readUpToK.addAll(topReads.get(j));
      }
    }
    Set<Variable> vars = new HashSet<>();
    Set<Variable> classes = new HashSet<>();
    for (Variable v : readUpToK) {
      if (allRecordedVars.contains(v)) {
        vars.add(v);
      }
      if (v.type().isArray() && allRecordedClasses.contains(aliases.find(v))) {
        classes.add(aliases.find(v));
      }
    }
    // Array parameters the method writes must come back whole (the ABI leaves arrays as found), so
    // where they are recorded at all, every write is.
    for (Variable p : method.params()) {
      Variable c = aliases.find(p);
      if (p.type().isArray() && mutatedClasses.contains(c) && allRecordedClasses.contains(c)) {
        classes.add(c);
      }
    }
    if (!on(Optimizations.Kind.TO_BE_RECORDED)) {
      vars = everythingRecorded(readUpToK);
      classes = new HashSet<>();
      for (Variable v : vars) {
        if (v.type().isArray()) {
          classes.add(aliases.find(v));
        }
      }
    }
    recordedVars = vars;
    recordedClasses = classes;
    try {
      work.run();
    } finally {
      recordedVars = savedVars;
      recordedClasses = savedClasses;
    }
  }

  /**
   * With the to-be-recorded analysis off: every variable the method overwrites, every array it
   * mentions, and whatever the reverse reads, so every overwritten value is recorded.
   */
  private Set<Variable> everythingRecorded(Set<Variable> reverseReads) {
    Set<Variable> all = new LinkedHashSet<>(reverseReads);
    all.addAll(overwritten);
    all.addAll(assignedAnywhere);
    IrWalker.allExpressions(method.body(), e -> {
      if (e instanceof Expr.VarRef v && v.type().isArray()) {
        all.add(v.variable());
      }
    });
    all.removeIf(countedIndices::contains);
    return all;
  }

  private void reverseAssign(Expr target, AssignOp op, Expr value, boolean isDecl, Code out) {
    topLevelCall = value instanceof Expr.Invoke ? value : null;
    JType type = target.type();
    Variable base = IrWalker.baseVariable(target);
    boolean record = needsRecord(target, isDecl);
    if (type.isArray()) {
      reverseArrayAssign(target, value, base, record, out);
      return;
    }
    boolean active = base != null && activity.isActive(base) && type.isFloating();
    if (!active) {
      if (record && isIntegerStep(target, op, value)) {
        // integer steps invert exactly, so the tape never holds the counter
        out.line(printer.print(target) + (op == AssignOp.ADD ? " -= " : " += ") + printer.print(value) + ";");
      } else if (record) {
        out.line(restore(target));
      }
      if (value instanceof Expr.Invoke call) {
        calls.reverse(call, null, out);
      }
      return;
    }
    String targetBar = barOfElement(target, out);
    if (op == AssignOp.ADD || op == AssignOp.SUB) {
      if (record) {
        out.line(restore(target));
      }
      Seed seed = Seed.of(targetBar);
      if (readsTarget(value, base)) {
        // s += s * s: propagating adds into sBar, so the seed must be read before that
        String saved = names.fresh("d");
        out.line("double " + saved + " = " + targetBar + ";");
        seed = Seed.of(saved);
      }
      popStatementRecords(target, value, out);
      propagateTo(value, op == AssignOp.SUB ? seed.negate() : seed, out);
      return;
    }
    Expr rhs = op == AssignOp.SET ? value
        : new Expr.Binary(op.binary(), target, value, type, value.tree());
    if (!activity.isActive(rhs)) {
      out.line(targetBar + " = 0;");
      if (record) {
        out.line(restore(target));
      }
      if (value instanceof Expr.Invoke call) {
        calls.reverse(call, null, out);
      }
      return;
    }
    String seed = names.fresh("d");
    out.line("double " + seed + " = " + targetBar + ";");
    out.line(targetBar + " = 0;");
    if (record) {
      out.line(restore(target));
    }
    popStatementRecords(target, value, out);
    propagateTo(rhs, Seed.of(seed), out);
  }

  /** Which argument a min/max returns, as Math decides it: ties go to the first. */
  String choiceCondition(Expr.MathCall m) {
    String cmp = m.function() == dev.adjoint.processor.ir.MathFunction.MIN ? " <= " : " >= ";
    int relational = dev.adjoint.processor.ir.BinaryOp.LE.precedence();
    return printer.printRightOperand(m.args().get(0), relational - 1) + cmp
        + printer.printRightOperand(m.args().get(1), relational);
  }

  private StatementRecords.Plan statementRecords(Expr target, Expr value) {
    return on(Optimizations.Kind.STATEMENT_RECORDS) ? records.of(target, value, loopDepth > 0)
        : StatementRecords.Plan.NONE;
  }

  /** Records what {@link StatementRecords} plans for the assignment, before it runs. */
  private void pushStatementRecords(Expr target, Expr value, Code out) {
    if (extremum != null && value == extremum.call()) {
      String firstWins = choiceCondition(extremum.call());
      out.open("if (" + (extremum.challenger() == 0 ? firstWins : "!(" + firstWins + ")") + ")");
      out.line(extremumWon + " = " + extremumTrip + ";");
      out.close();
      return;
    }
    StatementRecords.Plan plan = statementRecords(target, value);
    for (Expr.MathCall m : plan.values()) {
      String v = names.fresh("v");
      out.line("double " + v + " = " + printer.print(m) + ";");
      record(JType.DOUBLE, v, out);
      printer.substitute(m, v); // the statement itself then reads the temporary
    }
    for (Expr.MathCall m : plan.choices()) {
      record(JType.BOOLEAN, choiceCondition(m), out);
    }
  }

  /** Pops the statement's records (last pushed first) for the adjoint code below to use. */
  private void popStatementRecords(Expr target, Expr value, Code out) {
    choices.clear();
    if (extremum != null && value == extremum.call()) {
      return; // reversed for the winning trip alone, where the challenger won: see knownWinner
    }
    StatementRecords.Plan plan = statementRecords(target, value);
    for (int k = plan.choices().size() - 1; k >= 0; k--) {
      String c = names.fresh("first");
      out.line("boolean " + c + " = " + popOf(JType.BOOLEAN) + ";");
      choices.put(plan.choices().get(k), c);
    }
    for (int k = plan.values().size() - 1; k >= 0; k--) {
      String v = names.fresh("v");
      out.line("double " + v + " = " + popOf(JType.DOUBLE) + ";");
      printer.substitute(plan.values().get(k), v);
    }
  }

  /**
   * Which argument of a min/max is known to have won where it is reversed: the challenger of the
   * running min/max loop whose winning trip is being reversed; -1 for any other min/max.
   */
  @Override
  public int knownWinner(Expr.MathCall m) {
    return extremum != null && m == extremum.call() ? extremum.challenger() : -1;
  }

  /** The popped choice of a min/max whose choice was recorded, or null to compare its arguments. */
  @Override
  public String recordedChoice(Expr.MathCall m) {
    return choices.get(m);
  }

  /** Whether e reads the target's variable, or any array that may share the target's storage. */
  private boolean readsTarget(Expr e, Variable target) {
    boolean[] found = {false};
    IrWalker.expressions(e, x -> {
      if (x instanceof Expr.VarRef v && aliases.find(v.variable()) == aliases.find(target)) {
        found[0] = true;
      }
    });
    return found[0];
  }

  /** The adjoint of an assignment target, with a complex index computed once. */
  private String barOfElement(Expr target, Code out) {
    if (target instanceof Expr.VarRef v) {
      return bar(v.variable());
    }
    Expr.ArrayRead a = (Expr.ArrayRead) target;
    String index = value(a.index(), out);
    printer.substitute(a.index(), index);
    return barOf(a.array()) + "[" + index + "]";
  }

  private void reverseArrayAssign(Expr target, Expr value, Variable base, boolean record, Code out) {
    boolean active = base != null && activity.isActive(base);
    String seed = null;
    boolean seeded = active && activity.isActive(value)
        && (value instanceof Expr.Invoke || value instanceof Expr.ArrayInit || value instanceof Expr.ArrayCopy);
    if (seeded) {
      seed = names.fresh("d");
      out.line(target.type().sourceText() + " " + seed + " = " + barOf(target) + ";");
    }
    if (record) {
      if (active) {
        out.line(barOf(target) + " = " + tapeName + ".popObject();");
      }
      out.line(printer.print(target) + " = " + tapeName + ".popObject();");
    }
    if (value instanceof Expr.Invoke call) {
      calls.reverse(call, seed, out);
    } else if (value instanceof Expr.ArrayCopy copy && seeded) {
      out.line("Shadows.addInto(" + seed + ", " + barOf(copy.source()) + ");");
    } else if (value instanceof Expr.ArrayInit init && seeded) {
      for (int k = 0; k < init.elements().size(); k++) {
        propagateTo(init.elements().get(k), Seed.of(seed + "[" + k + "]"), out);
      }
    }
  }

  private String restore(Expr target) {
    return printer.print(target) + " = " + popOf(target.type()) + ";";
  }

  /** Reads back the most recent record of type: from the loop's record block where it holds it, else the tape. */
  private String popOf(JType type) {
    String onTape = popFromTape(type);
    String fromBlock = block == null ? null : block.pop(type, onTape);
    return fromBlock != null ? fromBlock : onTape;
  }

  private String popFromTape(JType type) {
    if (type.isArray() || type.base() == JType.Base.REFERENCE) {
      return tapeName + ".popObject()";
    }
    return switch (type.base()) {
      case DOUBLE -> tapeName + ".popDouble()";
      case FLOAT -> tapeName + ".popFloat()";
      case LONG -> tapeName + ".popLong()";
      case BOOLEAN -> tapeName + ".popBoolean()";
      case INT -> tapeName + ".popInt()";
      default -> "(" + type.sourceText() + ") " + tapeName + ".popInt()";
    };
  }

  /** Records value of type: in the loop's record block where it takes it, else on the tape. */
  private void record(JType type, String value, Code out) {
    String onTape = tapeName + "." + pushMethod(type) + "(" + value + ");";
    String inBlock = block == null ? null : block.push(type, value, onTape);
    out.line(inBlock != null ? inBlock : onTape);
    usesTape = true;
  }

  /** Runs work for a statement nested in a loop body: its records cannot go to the loop's record block. */
  private void nested(Runnable work) {
    if (block == null) {
      work.run();
    } else {
      block.nested(work);
    }
  }

  /** Runs work with the given record block (or none) taking the records of the body it generates. */
  private <T> T withBlock(RecordBlock b, java.util.function.Supplier<T> work) {
    RecordBlock outer = block;
    block = b;
    try {
      return work.get();
    } finally {
      block = outer;
    }
  }

  private static String pushMethod(JType type) {
    if (type.isArray() || type.base() == JType.Base.REFERENCE) {
      return "pushObject";
    }
    return switch (type.base()) {
      case DOUBLE -> "pushDouble";
      case FLOAT -> "pushFloat";
      case LONG -> "pushLong";
      case BOOLEAN -> "pushBoolean";
      default -> "pushInt";
    };
  }

  private void reverseIf(Stmt.If i, Code out) {
    Code then = reverse(i.then());
    Code otherwise = i.otherwise() == null ? new Code() : reverse(i.otherwise());
    if (then.isEmpty() && otherwise.isEmpty()) {
      return;
    }
    out.open("if (" + popOf(JType.BOOLEAN) + ")");
    out.append(then);
    if (!otherwise.isEmpty()) {
      out.reopen("else");
      out.append(otherwise);
    }
    out.close();
  }

  /**
   * Reverses a loop body, recording the primal variables it reads for this loop, with the loop's
   * saved variables suppressed inside; then restores the saved variables after the loop.
   */
  private void reverseLoop(Stmt loop, Stmt body, RecordBlock bodyBlock, java.util.function.BiConsumer<Code, Code> emitLoop,
      Code out) {
    Set<Variable> outerReads = printer.readsTarget();
    Set<Variable> inner = outerReads == null ? null : new LinkedHashSet<>();
    printer.recordReadsInto(inner);
    Code header = new Code();
    Code restores = new Code();
    List<Variable> saved = withSaves(loop, () -> withCheckpoints(loop, body, chosen -> {
      Code bodyCode = withBlock(bodyBlock, () -> reverse(body));
      if (!bodyCode.isEmpty()) {
        Code iteration = new Code();
        popCheckpoints(chosen, true, iteration);
        emitLoop.accept(header, iteration.append(bodyCode));
      }
      popCheckpoints(chosen, false, restores);
    }));
    printer.recordReadsInto(outerReads);
    if (outerReads != null) {
      outerReads.addAll(inner);
      nextLoopReads.put(loop, inner);
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
      out.line(saved.get(k).name() + " = " + popOf(saved.get(k).type()) + ";");
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
    if (!on(Optimizations.Kind.ZERO_SKIP)) {
      return List.of();
    }
    if (reverseLoop.toString().contains(tapeName + ".")) {
      return List.of();
    }
    boolean[] ok = {true};
    IrWalker.statements(loop, s -> {
      if (s instanceof Stmt.Eval || s instanceof Stmt.Assign a && !(a.target() instanceof Expr.VarRef)) {
        ok[0] = false;
      }
    });
    IrWalker.allExpressions(loop, e -> ok[0] &= !(e instanceof Expr.Invoke));
    Set<Variable> declared = plan.declaredIn(loop);
    List<String> drivers = new ArrayList<>();
    for (Variable v : plan.writtenScalars(loop)) {
      if (declared.contains(v)) {
        continue;
      }
      if (!v.type().isFloating() || v.type().isArray()) {
        ok[0] = false;
      } else if (activity.isActive(v)) {
        drivers.add(bar(v));
      }
    }
    if (!ok[0]) {
      return List.of();
    }
    drivers.sort(null);
    return drivers;
  }

  /** The loop-local values this reverse iteration recomputes rather than reading back from the tape. */
  private void recompute(Stmt loop, Code out) {
    if (!on(Optimizations.Kind.RECOMPUTE)) {
      return;
    }
    Set<Variable> needed = loopReads.getOrDefault(loop, Set.of());
    printer.clearSubstitutions(); // temporaries of the body's adjoint code do not exist yet here
    for (Stmt.LocalDecl d : plan.recomputable(loop)) {
      if (needed.contains(d.variable())) {
        out.line(d.variable().type().sourceText() + " " + d.variable().name() + " = " + printer.print(d.init()) + ";");
      }
    }
  }

  /**
   * Reverses a counted loop whose trip count the reverse can work out again with a candidate record
   * block ({@link RecordBlock}), which the loop keeps if its reverse body uses the tape no other way.
   */
  private void reverseCounted(Stmt.CountedLoop c, Code out) {
    RecordBlock candidate =
        tripFormula(c) != null && !withoutBlock.contains(c) && on(Optimizations.Kind.RECORD_BLOCKS)
            ? new RecordBlock(blockCount++, tapeName) : null;
    reverseLoop(c, c.body(), candidate, (header, body) -> reverseCountedLoop(c, body, candidate, header), out);
    if (candidate != null && candidate.isUsed()) {
      blocks.put(c, candidate);
    } else {
      blocks.remove(c);
    }
  }

  private void reverseCountedLoop(Stmt.CountedLoop c, Code body, RecordBlock recordBlock, Code out) {
    if (recordBlock != null) {
      recordBlock.resolve(body, !mentionsTape(body), names::fresh);
    }
    Variable i = c.index();
    String k = names.fresh("k");
    String trips = names.fresh("trips");
    String formula = tripFormula(c);
    out.line("int " + trips + " = " + (formula != null ? formula : popOf(JType.INT)) + ";");
    if (recordBlock != null && recordBlock.isUsed()) {
      recordBlock.takeBack(trips, out);
    }
    String start;
    if (formula != null || isInvariant(c.start())) {
      start = printer.print(c.start());
    } else {
      start = names.fresh(i.name() + "Start");
      out.line(i.type().sourceText() + " " + start + " = " + popOf(i.type()) + ";");
    }
    Code iteration = new Code();
    iteration.line(i.type().sourceText() + " " + i.name() + " = " + indexAt(start, k, c.step()) + ";");
    recompute(c, iteration);
    iteration.append(body);
    AccumulatorHoisting hoisting = new AccumulatorHoisting(iteration, hoistableBars(), names);
    for (AccumulatorHoisting.Accumulator a : hoisting.accumulators()) {
      out.line(a.type() + " " + a.local() + " = " + a.array() + "[" + a.index() + "];");
    }
    out.open("for (int " + k + " = " + trips + " - 1; " + k + " >= 0; " + k + "--)");
    out.append(hoisting.rewritten());
    out.close();
    for (AccumulatorHoisting.Accumulator a : hoisting.accumulators()) {
      out.line(a.array() + "[" + a.index() + "] = " + a.local() + ";");
    }
  }

  /**
   * The adjoint arrays {@link AccumulatorHoisting} may keep elements of in locals, with their
   * element types: those of local one-dimensional arrays that share storage with no other variable
   * (so no other name in the loop can reach the same elements).
   */
  private Map<String, String> hoistableBars() {
    if (!on(Optimizations.Kind.HOISTING)) {
      return Map.of();
    }
    if (hoistableBars != null) {
      return hoistableBars; // the adjoint names are fixed once the variables are named
    }
    Map<Variable, Integer> classSizes = new HashMap<>();
    for (Variable v : bars.keySet()) {
      classSizes.merge(aliases.find(v), 1, Integer::sum);
    }
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<Variable, String> e : bars.entrySet()) {
      Variable v = e.getKey();
      if (v.type().dims() == 1 && v.type().isFloating() && !v.isParameter() && !aliases.find(v).isParameter()
          && v.kind() != Variable.Kind.RECEIVER && classSizes.get(aliases.find(v)) == 1) {
        out.put(e.getValue(), v.type().element().sourceText());
      }
    }
    hoistableBars = out;
    return out;
  }

  /**
   * The trip count of a loop {@code for (i = start; i < end; i++)} (or with {@code <=}, or counting
   * down with {@code >}, {@code >=}) whose bounds the loop never changes, as an expression over
   * those bounds, which must be integers; null for any other loop, whose trip count is recorded.
   */
  private String tripFormula(Stmt.CountedLoop c) {
    boolean up = c.step() instanceof Expr.Literal l && l.text().equals("1");
    boolean down = c.step() instanceof Expr.Unary u && u.operand() instanceof Expr.Literal l && l.text().equals("1");
    if (!(up || down) || !(c.condition() instanceof Expr.Binary b) || !(b.left() instanceof Expr.VarRef v)
        || v.variable() != c.index() || !plan.isLoopInvariant(b.right(), c) || !plan.isLoopInvariant(c.start(), c)
        || b.right().type().isFloating() || c.start().type().isFloating()) {
      return null; // a double bound (i < n with double n) compares after widening: count the trips
    }
    String start = printer.print(c.start());
    String end = printer.print(b.right());
    String span;
    if (up && (b.op() == BinaryOp.LT || b.op() == BinaryOp.LE)) {
      span = difference(end, start) + (b.op() == BinaryOp.LE ? " + 1" : "");
    } else if (down && (b.op() == BinaryOp.GT || b.op() == BinaryOp.GE)) {
      span = difference(start, end) + (b.op() == BinaryOp.GE ? " + 1" : "");
    } else {
      return null;
    }
    boolean isLong = c.index().type().base() == JType.Base.LONG;
    return isLong ? "(int) Math.max(0L, " + span + ")" : "Math.max(0, " + span + ")";
  }

  /** a - b as readable source: no "- 0", and parentheses only around compound operands. */
  private static String difference(String a, String b) {
    // an operand looser than '-' (?:, shifts, bit operators) keeps its parentheses
    String left = a.matches("[\\w$.\\[\\]() +\\-*/%]*") ? a : "(" + a + ")";
    if (b.equals("0")) {
      return left;
    }
    return left + " - " + (b.contains(" ") || b.startsWith("-") ? "(" + b + ")" : b);
  }

  /** start + k * step, tidied for the common cases. */
  private String indexAt(String start, String k, Expr step) {
    String stepText = printer.print(step);
    String scaled = stepText.equals("1") ? k : stepText.equals("-1") ? "-" + k : k + " * " + atom(step, stepText);
    if (start.equals("0")) {
      return scaled;
    }
    return scaled.startsWith("-") ? start + " - " + scaled.substring(1) : start + " + " + scaled;
  }

  private static String atom(Expr e, String text) {
    return Printer.isSimple(e) && !text.startsWith("-") ? text : "(" + text + ")";
  }

  private void reverseWhile(Stmt.While w, Code out) {
    reverseLoop(w, w.body(), null, (header, body) -> {
      String k = names.fresh("k");
      header.open("for (int " + k + " = " + popOf(JType.INT) + "; " + k + " > 0; " + k + "--)");
      recompute(w, header);
      header.append(body);
      header.close();
    }, out);
  }

  private void reverseReturn(Stmt.Return r, Code out) {
    if (r.value() == null || !activity.isActive(r.value())) {
      return;
    }
    // The reverse sweep starts where the forward sweep ended, so reading here needs no recording.
    Set<Variable> savedReads = reads;
    printer.recordReadsInto(null);
    Expr value = r.value();
    if (value.type().isArray()) {
      if (value instanceof Expr.ArrayInit init) {
        for (int k = 0; k < init.elements().size(); k++) {
          propagateTo(init.elements().get(k), Seed.of(seedName + "[" + k + "]"), out);
        }
      } else {
        out.line("Shadows.addInto(" + seedName + ", " + barOf(value) + ");");
      }
    } else {
      propagateTo(value, Seed.of(seedName), out);
    }
    printer.recordReadsInto(savedReads);
  }

  // ---- expression adjoints ----

  /** The adjoint array of an array-valued expression: {@code u} gives uBar, {@code a[i]} gives aBar[i]. */
  @Override
  public String barOf(Expr array) {
    if (array instanceof Expr.VarRef v) {
      return bar(v.variable());
    }
    if (array instanceof Expr.ArrayRead a) {
      String index = printer.substitution(a.index());
      return barOf(a.array()) + "[" + (index != null ? index : printer.print(a.index())) + "]";
    }
    throw new TransformException(array.tree(), "this array expression as the target of an adjoint");
  }

  /** The primal value of e in the reverse sweep: its text if cheap, else a temporary computed once. */
  @Override
  public String value(Expr e, Code out) {
    String sub = printer.substitution(e);
    if (sub != null) {
      return sub;
    }
    if (Printer.isSimple(e)) {
      return printer.print(e);
    }
    String text = printer.print(e);
    String t = names.fresh("t");
    out.line(e.type().sourceText() + " " + t + " = " + text + ";");
    printer.substitute(e, t);
    return t;
  }

  /** value(e) as an operand: names and literals as they are, negative literals parenthesised. */
  @Override
  public String operand(Expr e, Code out) {
    String v = value(e, out);
    return v.startsWith("-") || v.contains(" ") ? "(" + v + ")" : v;
  }

  // exposed to ExpressionAdjoints, MathAdjoints and CallAdjoints

  /** Adds the seed's contributions to the adjoints of the active variables e reads. */
  @Override
  public void propagateTo(Expr e, Seed seed, Code out) {
    ExpressionAdjoints.propagate(e, seed, out, this);
  }

  /**
   * Opens a branch of adjoint code; temporaries it declares are forgotten at {@link #elseBranch}
   * and {@link #closeBranch}, as Java forgets them.
   */
  @Override
  public void openBranch(String header, Code out) {
    branchMarks.push(printer.mark());
    out.open(header);
  }

  @Override
  public void elseBranch(Code out) {
    printer.rollback(branchMarks.peek());
    out.reopen("else");
  }

  @Override
  public void closeBranch(Code out) {
    printer.rollback(branchMarks.pop());
    out.close();
  }

  /**
   * seed * factor, as a strong zero where that optimisation is on (see {@link Seed#strongTimes});
   * factor is written after the seed's temporary.
   */
  @Override
  public Seed strongTimes(Seed seed, Code out, java.util.function.Supplier<String> factor) {
    return on(Optimizations.Kind.STRONG_ZEROS) ? reuse(seed, out).strongTimes(factor.get()) : seed.times(factor.get());
  }

  /** seed / divisor, as a strong zero where that optimisation is on (see {@link Seed#strongOver}). */
  @Override
  public Seed strongOver(Seed seed, Code out, java.util.function.Supplier<String> divisor) {
    return on(Optimizations.Kind.STRONG_ZEROS) ? reuse(seed, out).strongOver(divisor.get()) : seed.over(divisor.get());
  }

  @Override
  public Seed reuse(Seed seed, Code out) {
    if (seed.atomic()) {
      return seed;
    }
    String d = names.fresh("d");
    out.line("double " + d + " = " + seed.text() + ";");
    return Seed.of(d);
  }

  @Override
  public void reverseCall(Expr.Invoke call, String seed, Code out) {
    calls.reverse(call, seed, out);
  }

  @Override
  public boolean isActive(Expr e) {
    return activity.isActive(e);
  }

  @Override
  public String freshName(String prefix) {
    return names.fresh(prefix);
  }

  @Override
  public String print(Expr e) {
    return printer.print(e);
  }

  // exposed to CallAdjoints

  /** Notes, for the verbose report, that the forward sweep puts this on the tape. */
  @Override
  public void notePushed(String name) {
    pushed.add(name);
  }

  /** The tape's name, for code that records on it. */
  @Override
  public String tape() {
    usesTape = true;
    return tapeName;
  }

  /** The tape's name, for code that reads back what was recorded. */
  @Override
  public String tapeName() {
    return tapeName;
  }

  /** Whether writes to this alias class are recorded in this round of the fixed point. */
  @Override
  public boolean isRecordedClass(Variable aliasClass) {
    return recordedClasses.contains(aliasClass);
  }
}
