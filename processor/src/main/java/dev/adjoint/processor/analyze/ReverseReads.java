package dev.adjoint.processor.analyze;

import dev.adjoint.processor.ir.AssignOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tapenade's to-be-recorded analysis: which primal variables the reverse sweep reads, and so which
 * the forward sweep must record where it overwrites them. A loop like {@code s += a[i] * b[i]}
 * records nothing per iteration: its reverse reads a and b, which nothing overwrites, and never
 * reads s.
 *
 * <p>What a statement's reverse reads depends on what is recorded (restoring {@code a[i]} reads
 * i, so i is recorded too; a scalar saved around a loop is not read inside it), so the analysis
 * iterates to a fixed point on the IR: it starts with nothing recorded, collects what each
 * statement's reverse reads under the current sets ({@link AdjointReads} for expressions and
 * calls), and repeats until the sets stop growing. The transform then writes the sweep once with
 * the result, and checks that the code it wrote reads nothing the analysis did not find.
 */
public final class ReverseReads {
  /**
   * The analysis's facts.
   *
   * @param topReads per top-level statement, what its reverse reads
   * @param loopReads per loop, what its reverse body reads
   * @param recordedVars the variables recorded somewhere (where a statement's scope has them)
   * @param recordedClasses the array alias classes recorded somewhere
   * @param reads everything the reverse sweep reads
   */
  public record Result(List<Set<Variable>> topReads, Map<Stmt, Set<Variable>> loopReads, Set<Variable> recordedVars,
      Set<Variable> recordedClasses, Set<Variable> reads) {}

  /** Where a statement is: its recording scope, how many loops enclose it, the running extremum reversed there. */
  private record Here(RecordingRules.Scope scope, int loopDepth, RunningExtremum.Update extremum) {}

  private static final int MAX_ROUNDS = 64;
  private final RecordingRules rules;
  private final Activity activity;
  private final AdjointReads adjoints;
  private final Set<Stmt> withoutExtremum;
  /** The previous round's per-loop reads (what a loop saves and recomputes depends on them), and this round's. */
  private Map<Stmt, Set<Variable>> loopReads = new IdentityHashMap<>();
  private Map<Stmt, Set<Variable>> nextLoopReads = new IdentityHashMap<>();

  private ReverseReads(RecordingRules rules, Set<Stmt> withoutExtremum) {
    this.rules = rules;
    this.activity = rules.activity();
    this.adjoints = new AdjointReads(rules.activity(), rules.aliases());
    this.withoutExtremum = withoutExtremum;
  }

  /**
   * Runs the analysis.
   *
   * @param withoutExtremum running min/max loops the transform reverses trip by trip after all
   */
  public static Result of(RecordingRules rules, Set<Stmt> withoutExtremum) {
    return new ReverseReads(rules, withoutExtremum).settle();
  }

  private Result settle() {
    List<Stmt> top = rules.method().body().statements();
    List<Set<Variable>> topReads = new ArrayList<>();
    Set<Variable> vars = new HashSet<>();
    Set<Variable> classes = new HashSet<>();
    for (int round = 1; ; round++) {
      if (round > MAX_ROUNDS) { // the sets only grow; a bug that made them cycle must not hang javac
        throw new IllegalStateException("the to-be-recorded analysis did not settle in " + MAX_ROUNDS + " rounds");
      }
      Set<Variable> reads = new LinkedHashSet<>();
      List<Set<Variable>> nextTopReads = new ArrayList<>();
      nextLoopReads = new IdentityHashMap<>();
      for (int k = 0; k < top.size(); k++) {
        Set<Variable> mine = new LinkedHashSet<>();
        statement(top.get(k), new Here(rules.forTopLevel(k, topReads, vars, classes), 0, null), mine);
        nextTopReads.add(mine);
        reads.addAll(mine);
      }
      Set<Variable> nextVars = new HashSet<>();
      Set<Variable> nextClasses = new HashSet<>();
      for (Variable v : reads) {
        if (!rules.isRecomputed(v)) {
          nextVars.add(v);
        }
        if (v.type().isArray()) {
          nextClasses.add(rules.aliases().find(v));
        }
      }
      boolean stable = nextVars.equals(vars) && nextClasses.equals(classes) && nextTopReads.equals(topReads)
          && sameReads(nextLoopReads, loopReads);
      topReads = nextTopReads;
      loopReads = nextLoopReads;
      if (stable) {
        return new Result(topReads, loopReads, vars, classes, reads);
      }
      vars = nextVars;
      classes = nextClasses;
    }
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

  /** Adds what the reverse of s reads; returns whether that reverse may have any code (false only when surely not). */
  private boolean statement(Stmt s, Here here, Set<Variable> out) {
    if (s instanceof Stmt.Block b) {
      boolean any = false;
      for (Stmt c : b.statements()) {
        any |= statement(c, here, out);
      }
      return any;
    } else if (s instanceof Stmt.LocalDecl d) {
      return d.init() != null && assign(new Expr.VarRef(d.variable(), null), AssignOp.SET, d.init(), true, here, out);
    } else if (s instanceof Stmt.Assign a) {
      return assign(a.target(), a.op(), a.value(), false, here, out);
    } else if (s instanceof Stmt.Eval e) {
      adjoints.enter(StatementRecords.Plan.NONE, here.extremum(), here.scope().classes());
      adjoints.call(e.call(), false, out);
      return adjoints.callHasReverse(e.call());
    } else if (s instanceof Stmt.If i) {
      boolean then = statement(i.then(), here, out);
      return (i.otherwise() != null && statement(i.otherwise(), here, out)) || then;
    } else if (s instanceof Stmt.CountedLoop c) {
      return counted(c, here, out);
    } else if (s instanceof Stmt.While w && w.isCheckpointed()) {
      // the online schedule: the steps run again as written
      return loop(w, w.body(), here, inner -> plainReads(w.body(), inner), out);
    } else if (s instanceof Stmt.While w) {
      return loop(w, w.body(), here, null, out);
    } else if (s instanceof Stmt.Return r) {
      return r.value() != null && activity.isActive(r.value()); // reads at the turn need no recording
    }
    return true;
  }

  private boolean assign(Expr target, AssignOp op, Expr value, boolean isDecl, Here here, Set<Variable> out) {
    Variable base = IrWalker.baseVariable(target);
    boolean record = rules.needsRecord(here.scope(), target, isDecl);
    boolean extremumUpdate = here.extremum() != null && value == here.extremum().call();
    StatementRecords.Plan plan = extremumUpdate ? StatementRecords.Plan.NONE
        : rules.statementRecords(target, value, here.loopDepth() > 0);
    adjoints.enter(plan, here.extremum(), here.scope().classes());
    if (target.type().isArray()) {
      return arrayAssign(target, value, base, record, out);
    }
    if (base == null || !activity.isActive(base) || !target.type().isFloating()) {
      if (record) {
        adjoints.printed(target, out); // restored (or stepped back)
        if (RecordingRules.isIntegerStep(target, op, value)) {
          adjoints.printed(value, out);
        }
      }
      return record | callReverse(value, false, out);
    }
    boolean temporary = false;
    if (target instanceof Expr.ArrayRead a) { // the adjoint element, its index computed once
      adjoints.printed(a.index(), out);
      adjoints.adjointOf(a.array(), out);
      temporary = !(a.index() instanceof Expr.VarRef || a.index() instanceof Expr.Literal);
    }
    if (record) {
      adjoints.printed(target, out);
    }
    boolean pops = !plan.values().isEmpty() || !plan.choices().isEmpty();
    if (op == AssignOp.ADD || op == AssignOp.SUB) {
      adjoints.propagate(value, out);
      return record || temporary || pops || readsAliasOf(value, base) || adjoints.propagates(value);
    }
    Expr rhs = op == AssignOp.SET ? value : new Expr.Binary(op.binary(), target, value, target.type(), value.tree());
    boolean lastUse = isDecl && target instanceof Expr.VarRef v && v.variable().loopDepth() == 0;
    if (!activity.isActive(rhs)) {
      return callReverse(value, false, out) | !lastUse || record || temporary;
    }
    adjoints.propagate(rhs, out);
    return !lastUse || pops || adjoints.propagates(rhs);
  }

  private boolean arrayAssign(Expr target, Expr value, Variable base, boolean record, Set<Variable> out) {
    boolean active = base != null && activity.isActive(base);
    boolean seeded = active && activity.isActive(value)
        && (value instanceof Expr.Invoke || value instanceof Expr.ArrayInit || value instanceof Expr.ArrayCopy);
    if (seeded || record && active) {
      adjoints.adjointOf(target, out);
    }
    if (record) {
      adjoints.printed(target, out);
    }
    boolean any = record;
    if (value instanceof Expr.Invoke) {
      any |= callReverse(value, seeded, out);
    } else if (value instanceof Expr.ArrayCopy copy && seeded) {
      adjoints.adjointOf(copy.source(), out);
      any = true;
    } else if (value instanceof Expr.ArrayInit init && seeded) {
      for (Expr e : init.elements()) {
        adjoints.propagate(e, out);
        any |= adjoints.propagates(e);
      }
    }
    return any;
  }

  /** Adds what reversing value reads if it is a call; returns whether that reverse has code. */
  private boolean callReverse(Expr value, boolean seeded, Set<Variable> out) {
    if (value instanceof Expr.Invoke call) {
      adjoints.call(call, seeded, out);
      return adjoints.callHasReverse(call);
    }
    return false;
  }

  /** Whether e reads the variable, or any array that may share its storage (its seed is then copied first). */
  private boolean readsAliasOf(Expr e, Variable target) {
    boolean[] found = {false};
    IrWalker.expressions(e, x -> found[0] |= x instanceof Expr.VarRef v
        && rules.aliases().find(v.variable()) == rules.aliases().find(target));
    return found[0];
  }

  private boolean counted(Stmt.CountedLoop c, Here here, Set<Variable> out) {
    adjoints.enter(StatementRecords.Plan.NONE, null, Set.of());
    Expr count = rules.plan().tripCount(c);
    if (c.isCheckpointed()) {
      // Revolve's schedule: the trip count, each trip's index, and the steps run again as written;
      // without a trip count, the online schedule, with the index worked out from a kept start
      return loop(c, c.body(), here, inner -> {
        if (count != null) {
          adjoints.printed(count, inner);
        }
        indexAt(c, count != null ? c.start() : null, inner);
        plainReads(c.body(), inner);
      }, out);
    }
    RunningExtremum.Update update = rules.extremumOf(c, withoutExtremum);
    if (update != null) {
      // reversed for its winning trip: the trip's index is worked out from the start
      loop(c, c.body(), new Here(here.scope(), here.loopDepth(), update), inner -> indexAt(c, c.start(), inner), out);
      return true; // the winning trip is popped
    }
    if (count != null) {
      adjoints.printed(count, out); // the trip count, worked out again
      Expr.Binary condition = (Expr.Binary) c.condition();
      return loop(c, c.body(), here, inner -> {
        adjoints.printed(count, inner);
        adjoints.printed(c.start(), inner); // the reverse loop's own header
        adjoints.printed(condition.right(), inner);
      }, out);
    }
    return loop(c, c.body(), here, inner -> {
      if (rules.isInvariant(c.start())) {
        indexAt(c, c.start(), inner); // else the start was recorded
      } else {
        indexAt(c, null, inner);
      }
    }, out);
  }

  /** What the statements read as written (a checkpointed loop's steps run again, {@code PrimalCode}). */
  private void plainReads(Stmt body, Set<Variable> out) {
    IrWalker.statements(body, s -> {
      IrWalker.ownExpressions(s).forEach(e -> adjoints.printed(e, out));
      if (s instanceof Stmt.LocalDecl d && d.init() != null && d.variable().type().isArray()
          && activity.isActive(d.variable())) {
        out.add(d.variable()); // its adjoint array follows it
      }
    });
  }

  /** What working out the index of a trip from its number reads: the start (unless 0) and the step (unless 1 or -1). */
  private void indexAt(Stmt.CountedLoop c, Expr start, Set<Variable> out) {
    Long step = dev.adjoint.processor.ir.Arithmetic.constantValue(c.step());
    if (step == null || Math.abs(step) != 1) {
      adjoints.printed(c.step(), out);
    }
    Long first = start == null ? null : dev.adjoint.processor.ir.Arithmetic.constantValue(start);
    if (start != null && (first == null || first != 0)) {
      adjoints.printed(start, out);
    }
  }

  /**
   * Adds what a loop's reverse reads: its body's reverse in the loop's recording scope, the arrays
   * it checkpoints, and where the body has a reverse, what the reverse loop's header reads and the
   * loop-local values it recomputes. Notes the loop's own reads for the next round.
   */
  private boolean loop(Stmt loop, Stmt body, Here here, java.util.function.Consumer<Set<Variable>> header,
      Set<Variable> out) {
    Set<Variable> inner = new LinkedHashSet<>();
    Set<Variable> readBefore = loopReads.getOrDefault(loop, Set.of());
    RecordingRules.LoopRecording recording = rules.enterLoop(here.scope(), loop, readBefore);
    boolean any = statement(body, new Here(recording.body(), here.loopDepth() + 1, here.extremum()), inner);
    recording.checkpoints().forEach(c -> inner.add(c.array()));
    // a checkpointed loop whose reverse only restores values still runs its steps again
    if (any || Stmt.isCheckpointedLoop(loop) && !inner.isEmpty()) {
      adjoints.enter(StatementRecords.Plan.NONE, null, Set.of());
      if (header != null) {
        header.accept(inner);
      }
      if (rules.on(Optimizations.Kind.RECOMPUTE)) {
        adjoints.enter(StatementRecords.Plan.NONE, null, Set.of());
        for (Stmt.LocalDecl d : rules.plan().recomputable(loop)) {
          if (readBefore.contains(d.variable())) {
            adjoints.printed(d.init(), inner);
          }
        }
      }
    }
    nextLoopReads.put(loop, inner);
    out.addAll(inner);
    return any;
  }
}
