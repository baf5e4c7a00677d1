package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.RecordingRules;
import dev.adjoint.processor.analyze.StatementRecords;
import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.RuntimeClasses;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.AssignOp;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The forward and reverse halves of an assignment or declaration: what it records before it
 * overwrites its target, how the reverse restores the target and propagates the target's adjoint
 * into the right-hand side, and the values a statement records for its own reverse
 * ({@link StatementRecords}).
 */
final class AssignmentAdjoints {
  private final SweepState st;
  private final Recorder recorder;
  private final RecordingSets sets;
  private final StatementContext sweep;
  /** For the statement being reversed: the popped choice of each min/max whose choice was recorded. */
  private final Map<Expr, String> choices = new java.util.IdentityHashMap<>();

  AssignmentAdjoints(SweepState st, Recorder recorder, RecordingSets sets, StatementContext sweep) {
    this.st = st;
    this.recorder = recorder;
    this.sets = sets;
    this.sweep = sweep;
  }

  void forwardAssign(Expr target, AssignOp op, Expr value, boolean isDecl, Code out) {
    Variable base = IrWalker.baseVariable(target);
    JType type = target.type();
    if (value instanceof Expr.Invoke call && st.calls.splits(call)) {
      // the callee's records go below this statement's, which its reverse takes back first
      st.printer.substitute(call, st.calls.forwardSplit(call, out));
    } else if (value instanceof Expr.Invoke call) {
      st.calls.pushSnapshots(call, out);
      if (st.calls.isStatefulAndActive(call)) {
        st.calls.runRule(call, out);
      }
    }
    pushStatementRecords(target, value, out);
    if (sets.needsRecord(target, isDecl) && !RecordingRules.isIntegerStep(target, op, value)) {
      String t = st.printer.print(target);
      recorder.record(type, t, out);
      if (base != null) {
        st.pushed.add(base.name() + (target instanceof Expr.ArrayRead ? "[]" : ""));
        st.noteRecorded(base.name() + (target instanceof Expr.ArrayRead ? "[i]" : ""));
      }
      if (type.isArray() && st.activity.isActive(base)) {
        out.line(Snippet.of(st.tape, ".pushObject(" + sweep.barOf(target) + ");"));
      }
      st.usesTape = true;
    }
    if (isDecl && !st.hoisted.contains(((Expr.VarRef) target).variable())) {
      Variable v = ((Expr.VarRef) target).variable();
      if (value == null) {
        out.declare(st.printer.typeRef(type), v.name());
        return;
      }
      out.declare(st.printer.typeRef(type), v.name(), st.printer.printTyped(value));
    } else if (value != null) {
      out.assign(st.printer.print(target), op.symbol(), st.printer.printTyped(value));
    } else {
      return; // declared before the forward sweep
    }
    if (type.isArray() && base != null && st.activity.isActive(base)) {
      out.assign(sweep.barOf(target), "=", shadowOf(value, st.printer.print(target)));
    }
    st.printer.clearSubstitutions();
  }

  /** The adjoint array that goes with a fresh primal array value. */
  Snippet shadowOf(Expr value, String primal) {
    if (value instanceof Expr.VarRef v && st.activity.isActive(v.variable())) {
      return Snippet.of(sweep.bar(v.variable()));
    }
    if (value instanceof Expr.ArrayRead a && st.activity.isActive(IrWalker.baseVariable(a))) {
      return Snippet.of(sweep.barOf(a));
    }
    if (value instanceof Expr.Literal l && l.text().equals("null")) {
      return Snippet.of("null");
    }
    if (value instanceof Expr.Conditional c) {
      return Snippet.of(st.printer.print(c.condition()) + " ? ", shadowOf(c.ifTrue(), st.printer.print(c.ifTrue())), " : ",
          shadowOf(c.ifFalse(), st.printer.print(c.ifFalse())));
    }
    if (value instanceof Expr.ArrayInit init && init.type().dims() > 1) {
      // {r, q} holds the rows themselves, so its adjoint holds their adjoints: writes through either meet
      List<Object> rows = new ArrayList<>();
      for (int k = 0; k < init.elements().size(); k++) {
        rows.add(shadowOf(init.elements().get(k), primal + "[" + k + "]"));
      }
      return Snippet.of("new " + init.type().sourceText() + " {", Snippet.join(", ", rows), "}");
    }
    return Snippet.of(RuntimeClasses.SHADOWS, ".zerosLike(" + primal + ")");
  }

  void reverseAssign(Expr target, AssignOp op, Expr value, boolean isDecl, Code out) {
    topLevelCall = value instanceof Expr.Invoke ? value : null;
    JType type = target.type();
    Variable base = IrWalker.baseVariable(target);
    boolean record = sets.needsRecord(target, isDecl);
    if (type.isArray()) {
      reverseArrayAssign(target, value, base, record, out);
      return;
    }
    boolean active = base != null && st.activity.isActive(base) && type.isFloating();
    if (!active) {
      if (record && RecordingRules.isIntegerStep(target, op, value)) {
        // integer steps invert exactly, so the tape never holds the counter
        out.assign(st.printer.print(target), op == AssignOp.ADD ? "-=" : "+=", st.printer.print(value));
      } else if (record) {
        recorder.restore(target, out);
      }
      if (value instanceof Expr.Invoke call) {
        st.calls.reverse(call, null, out);
      }
      return;
    }
    String targetBar = barOfElement(target, out);
    if (op == AssignOp.ADD || op == AssignOp.SUB) {
      if (record) {
        recorder.restore(target, out);
      }
      Seed seed = Seed.of(targetBar);
      if (readsTarget(value, base)) {
        // s += s * s: propagating adds into sBar, so the seed must be read before that
        String saved = st.names.fresh("d");
        out.declare("double", saved, targetBar);
        seed = Seed.of(saved);
      }
      popStatementRecords(target, value, out);
      sweep.propagateTo(value, op == AssignOp.SUB ? seed.negate() : seed, out);
      return;
    }
    Expr rhs = op == AssignOp.SET ? value
        : new Expr.Binary(op.binary(), target, value, type, value.tree());
    // a declaration outside every loop is the variable's first write: no reverse code after this
    // reads its adjoint, so the adjoint is neither copied nor zeroed
    boolean lastUse = isDecl && target instanceof Expr.VarRef v && v.variable().loopDepth() == 0;
    if (!st.activity.isActive(rhs)) {
      if (!lastUse) {
        out.assign(targetBar, "=", "0");
      }
      if (record) {
        recorder.restore(target, out);
      }
      if (value instanceof Expr.Invoke call) {
        st.calls.reverse(call, null, out);
      }
      return;
    }
    if (lastUse) {
      popStatementRecords(target, value, out);
      sweep.propagateTo(rhs, Seed.of(targetBar), out);
      return;
    }
    String seed = st.names.fresh("d");
    out.declare("double", seed, targetBar);
    out.assign(targetBar, "=", "0");
    if (record) {
      recorder.restore(target, out);
    }
    popStatementRecords(target, value, out);
    sweep.propagateTo(rhs, Seed.of(seed), out);
  }

  /** Which argument a min/max returns, as Math decides it: ties go to the first. */
  String choiceCondition(Expr.MathCall m) {
    String cmp = m.function() == dev.adjoint.processor.ir.MathFunction.MIN ? " <= " : " >= ";
    int relational = dev.adjoint.processor.ir.BinaryOp.LE.precedence();
    return st.printer.printRightOperand(m.args().get(0), relational - 1) + cmp
        + st.printer.printRightOperand(m.args().get(1), relational);
  }

  private StatementRecords.Plan statementRecords(Expr target, Expr value) {
    return st.rules.statementRecords(target, value, st.loopDepth > 0);
  }

  /** Records what {@link StatementRecords} plans for the assignment, before it runs. */
  private void pushStatementRecords(Expr target, Expr value, Code out) {
    if (st.extremum != null && value == st.extremum.call()) {
      String firstWins = choiceCondition(st.extremum.call());
      out.open("if (" + (st.extremum.challenger() == 0 ? firstWins : "!(" + firstWins + ")") + ")");
      out.assign(st.extremumWon, "=", st.extremumTrip);
      out.close();
      return;
    }
    StatementRecords.Plan plan = statementRecords(target, value);
    for (Expr.MathCall m : plan.values()) {
      String v = st.names.fresh("v");
      out.declare("double", v, st.printer.print(m));
      recorder.record(JType.DOUBLE, v, out);
      st.noteRecorded("the value of " + m.function().name().toLowerCase(java.util.Locale.ROOT));
      st.printer.substitute(m, v); // the statement itself then reads the temporary
    }
    for (Expr.MathCall m : plan.choices()) {
      recorder.record(JType.BOOLEAN, choiceCondition(m), out);
      st.noteRecorded("which argument " + m.function().name().toLowerCase(java.util.Locale.ROOT) + " took");
    }
  }

  /** Pops the statement's records (last pushed first) for the adjoint code below to use. */
  private void popStatementRecords(Expr target, Expr value, Code out) {
    choices.clear();
    if (st.extremum != null && value == st.extremum.call()) {
      return; // reversed for the winning trip alone, where the challenger won: see knownWinner
    }
    StatementRecords.Plan plan = statementRecords(target, value);
    for (int k = plan.choices().size() - 1; k >= 0; k--) {
      String c = st.names.fresh("first");
      out.declare("boolean", c, recorder.popOf(JType.BOOLEAN));
      choices.put(plan.choices().get(k), c);
    }
    for (int k = plan.values().size() - 1; k >= 0; k--) {
      String v = st.names.fresh("v");
      out.declare("double", v, recorder.popOf(JType.DOUBLE));
      st.printer.substitute(plan.values().get(k), v);
    }
  }

  /**
   * Which argument of a min/max is known to have won where it is reversed: the challenger of the
   * running min/max loop whose winning trip is being reversed; -1 for any other min/max.
   */
  int knownWinner(Expr.MathCall m) {
    return st.extremum != null && m == st.extremum.call() ? st.extremum.challenger() : -1;
  }

  /** The popped choice of a min/max whose choice was recorded, or null to compare its arguments. */
  String recordedChoice(Expr.MathCall m) {
    return choices.get(m);
  }

  /** Whether e reads the target's variable, or any array that may share the target's storage. */
  private boolean readsTarget(Expr e, Variable target) {
    boolean[] found = {false};
    IrWalker.expressions(e, x -> {
      if (x instanceof Expr.VarRef v && st.aliases.find(v.variable()) == st.aliases.find(target)) {
        found[0] = true;
      }
    });
    return found[0];
  }

  /** The adjoint of an assignment target, with a complex index computed once. */
  private String barOfElement(Expr target, Code out) {
    if (target instanceof Expr.VarRef v) {
      return sweep.bar(v.variable());
    }
    Expr.ArrayRead a = (Expr.ArrayRead) target;
    String index = sweep.value(a.index(), out);
    st.printer.substitute(a.index(), index);
    return sweep.barOf(a.array()) + "[" + index + "]";
  }

  private void reverseArrayAssign(Expr target, Expr value, Variable base, boolean record, Code out) {
    boolean active = base != null && st.activity.isActive(base);
    String seed = null;
    boolean seeded = active && st.activity.isActive(value)
        && (value instanceof Expr.Invoke || value instanceof Expr.ArrayInit || value instanceof Expr.ArrayCopy);
    if (seeded && record) {
      // restoring swaps the target's adjoint array back to the old value's: keep the new one's
      seed = st.names.fresh("d");
      out.declare(target.type().sourceText(), seed, sweep.barOf(target));
    } else if (seeded) {
      seed = sweep.barOf(target);
    }
    if (record) {
      if (active) {
        out.assign(sweep.barOf(target), "=", Snippet.of(st.tape, ".popObject()"));
      }
      out.assign(st.printer.print(target), "=", Snippet.of(st.tape, ".popObject()"));
    }
    if (value instanceof Expr.Invoke call) {
      st.calls.reverse(call, seed, out);
    } else if (value instanceof Expr.ArrayCopy copy && seeded) {
      out.line(Snippet.of(RuntimeClasses.SHADOWS, ".addInto(" + seed + ", " + sweep.barOf(copy.source()) + ");"));
    } else if (value instanceof Expr.ArrayInit init && seeded && init.type().dims() == 1) {
      // (a matrix's rows share their adjoints with it: nothing flows back separately)
      for (int k = 0; k < init.elements().size(); k++) {
        sweep.propagateTo(init.elements().get(k), Seed.of(seed + "[" + k + "]"), out);
      }
    }
  }

  /** The call a statement consists of, if any: only such calls record a stateful rule's closure. */
  private Expr topLevelCall;

  boolean isTopLevel(Expr.Invoke call) {
    return call == topLevelCall;
  }
}
