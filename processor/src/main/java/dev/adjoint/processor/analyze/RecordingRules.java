package dev.adjoint.processor.analyze;

import dev.adjoint.processor.ir.AssignOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the forward sweep records a value before overwriting it, given what the reverse sweep
 * reads: the rules the to-be-recorded analysis ({@link ReverseReads}) and the transform share, so
 * the two decide alike. A write records its old value when the reverse of its statement, or of a
 * statement before it, reads the variable (or an array of its alias class); a loop may instead
 * save a scalar once around itself, or save a whole array ({@link Checkpoints}).
 */
public final class RecordingRules {
  /**
   * What writes record at one place of the sweep: the variables and array alias classes recorded
   * there, the scalars an enclosing loop saves once around itself, and the array classes an
   * enclosing loop checkpoints (writes to either record nothing).
   */
  public record Scope(Set<Variable> vars, Set<Variable> classes, Set<Variable> suppressed, Set<Variable> checkpointed) {
    public static final Scope NONE = new Scope(Set.of(), Set.of(), Set.of(), Set.of());
  }

  /** A loop's saves and chosen checkpoints, and the scope its body is generated in. */
  public record LoopRecording(List<Variable> saves, List<Checkpoints.Checkpoint> checkpoints, Scope body) {}

  private final MethodIR method;
  private final Activity activity;
  private final Aliases aliases;
  private final Optimizations optimizations;
  private final LoopPlan plan;
  private final Checkpoints checkpoints;
  private final StatementRecords records;
  private final Set<Variable> mutatedClasses;
  /** Variables assigned after their declaration, or declared inside a loop: their values change. */
  private final Set<Variable> overwritten = new HashSet<>();
  private final Set<Variable> assignedAnywhere = new HashSet<>();
  private final Set<Variable> countedIndices = new HashSet<>();

  public RecordingRules(MethodIR method, Activity activity, Aliases aliases, Optimizations optimizations) {
    this.method = method;
    this.activity = activity;
    this.aliases = aliases;
    this.optimizations = optimizations;
    this.plan = new LoopPlan(method, aliases);
    this.checkpoints = new Checkpoints(method, aliases);
    this.mutatedClasses = Mutations.mutatedClasses(method, aliases);
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
    this.records = new StatementRecords(activity, aliases, overwritten, mutatedClasses);
  }

  public MethodIR method() {
    return method;
  }

  public Activity activity() {
    return activity;
  }

  public Aliases aliases() {
    return aliases;
  }

  public LoopPlan plan() {
    return plan;
  }

  public Set<Variable> mutatedClasses() {
    return mutatedClasses;
  }

  /** Variables whose value changes after it is first set (see {@link #overwritten}'s field). */
  public Set<Variable> overwritten() {
    return overwritten;
  }

  /** Variables any statement assigns or declares. */
  public Set<Variable> assignedAnywhere() {
    return assignedAnywhere;
  }

  public boolean on(Optimizations.Kind kind) {
    return optimizations.on(kind);
  }

  /** Whether the reverse iteration recomputes v rather than reading back a recorded value. */
  public boolean isRecomputed(Variable v) {
    return on(Optimizations.Kind.RECOMPUTE) && plan.isRecomputed(v);
  }

  /** What {@link StatementRecords} records for {@code target op= value} (nothing with that optimisation off). */
  public StatementRecords.Plan statementRecords(Expr target, Expr value, boolean inLoop) {
    return on(Optimizations.Kind.STATEMENT_RECORDS) ? records.of(target, value, inLoop) : StatementRecords.Plan.NONE;
  }

  public StatementRecords records() {
    return records;
  }

  /** The loop's running min/max update where it is reversed as one ({@link RunningExtremum}), else null. */
  public RunningExtremum.Update extremumOf(Stmt.CountedLoop c, Set<Stmt> withoutExtremum) {
    if (c.isCheckpointed() || withoutExtremum.contains(c) || plan.tripCount(c) == null
        || !on(Optimizations.Kind.RUNNING_EXTREMA)) {
      return null; // the reverse needs the trip's index from its number
    }
    return RunningExtremum.find(c, plan, activity, records);
  }

  /** {@code i += c} or {@code i -= c} on an integer variable, with a literal c: undone by the inverse step. */
  public static boolean isIntegerStep(Expr target, AssignOp op, Expr value) {
    return target instanceof Expr.VarRef v
        && (v.type().base() == JType.Base.INT || v.type().base() == JType.Base.LONG) && v.type().dims() == 0
        && (op == AssignOp.ADD || op == AssignOp.SUB) && value instanceof Expr.Literal;
  }

  /** Whether e reads only variables nothing in the method writes, so the reverse sweep can evaluate it again. */
  public boolean isInvariant(Expr e) {
    boolean[] ok = {true};
    IrWalker.expressions(e, x -> {
      if (x instanceof Expr.VarRef v && assignedAnywhere.contains(v.variable())
          || x instanceof Expr.Invoke || x instanceof Expr.ArrayRead) {
        ok[0] = false;
      }
    });
    return ok[0];
  }

  /** Whether a write to target records the old value first, in scope. */
  public boolean needsRecord(Scope scope, Expr target, boolean isDecl) {
    if (target instanceof Expr.VarRef v) {
      Variable var = v.variable();
      if (isRecomputed(var) || scope.suppressed().contains(var)) {
        return false; // recomputed by the reverse iteration, or saved once around the loop
      }
      if (isDecl && var.loopDepth() == 0) {
        return false; // a first definition: nothing is overwritten
      }
      if (var.type().isArray()) {
        // an active array's adjoint array must follow its reference back, so both are recorded
        return scope.vars().contains(var) || activity.isActive(var);
      }
      return scope.vars().contains(var);
    }
    Variable base = IrWalker.baseVariable(target);
    return base != null && scope.classes().contains(aliases.find(base)) && !scope.checkpointed().contains(aliases.find(base));
  }

  /**
   * The scope of top-level statement k: of the variables recorded anywhere, those the reverse of
   * statement k or of one before it reads. The reverse of later statements runs first and sees the
   * value the write left.
   */
  public Scope forTopLevel(int k, List<Set<Variable>> topReads, Set<Variable> allVars, Set<Variable> allClasses) {
    Set<Variable> readUpToK = new HashSet<>();
    for (int j = 0; j <= k && j < topReads.size(); j++) {
      if (topReads.get(j) != null) {
        readUpToK.addAll(topReads.get(j));
      }
    }
    Set<Variable> vars = new HashSet<>();
    Set<Variable> classes = new HashSet<>();
    for (Variable v : readUpToK) {
      if (allVars.contains(v)) {
        vars.add(v);
      }
      if (v.type().isArray() && allClasses.contains(aliases.find(v))) {
        classes.add(aliases.find(v));
      }
    }
    // Array parameters the method writes must come back whole (the ABI leaves arrays as found), so
    // where they are recorded at all, every write is.
    for (Variable p : method.params()) {
      Variable c = aliases.find(p);
      if (p.type().isArray() && mutatedClasses.contains(c) && allClasses.contains(c)) {
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
    return new Scope(vars, classes, Set.of(), Set.of());
  }

  /**
   * With the to-be-recorded analysis off: every variable the method overwrites, every array it
   * mentions, and whatever the reverse reads, so every overwritten value is recorded.
   */
  public Set<Variable> everythingRecorded(Set<Variable> reverseReads) {
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

  /** The locals the forward sweep declares before its first statement, since the reverse names them. */
  public Set<Variable> declaredEarly(Set<Variable> reverseReads) {
    Set<Variable> early = new HashSet<>();
    for (Variable v : on(Optimizations.Kind.TO_BE_RECORDED) ? reverseReads : everythingRecorded(reverseReads)) {
      if (!v.isParameter() && !countedIndices.contains(v) && !isRecomputed(v)) {
        early.add(v);
      }
    }
    return early;
  }

  /**
   * How a loop records, in scope: the scalars it writes that its own reverse never reads (readInside)
   * are saved once before it and restored once after its reverse instead of at every write; the
   * arrays it checkpoints are those still recorded here and not checkpointed by an enclosing loop.
   */
  public LoopRecording enterLoop(Scope scope, Stmt loop, Set<Variable> readInside) {
    if (Stmt.isCheckpointedLoop(loop)) {
      return new LoopRecording(List.of(), List.of(), scope); // its reverse puts its entry state back itself
    }
    List<Variable> saves = new ArrayList<>();
    if (on(Optimizations.Kind.LOOP_SAVES)) {
      Set<Variable> declaredInside = plan.declaredIn(loop);
      for (Variable v : plan.writtenScalars(loop)) {
        if (!v.type().isArray() && scope.vars().contains(v) && !readInside.contains(v) && !declaredInside.contains(v)
            && !scope.suppressed().contains(v) && !isRecomputed(v)) {
          saves.add(v);
        }
      }
      saves.sort(Comparator.comparing(Variable::name));
    }
    Set<Variable> suppressed = new HashSet<>(scope.suppressed());
    suppressed.addAll(saves);
    List<Checkpoints.Checkpoint> chosen = new ArrayList<>();
    Set<Variable> checkpointed = new HashSet<>(scope.checkpointed());
    if (on(Optimizations.Kind.CHECKPOINTS)) {
      for (Checkpoints.Checkpoint c : checkpoints.candidates(loop)) {
        Variable cls = aliases.find(c.array());
        if (scope.classes().contains(cls) && !scope.checkpointed().contains(cls)) {
          chosen.add(c);
          checkpointed.add(cls);
        }
      }
    }
    return new LoopRecording(saves, chosen, new Scope(scope.vars(), scope.classes(), suppressed, checkpointed));
  }
}
