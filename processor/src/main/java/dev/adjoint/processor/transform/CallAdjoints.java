package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.Activity;
import dev.adjoint.processor.analyze.Aliases;
import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.RuntimeClasses;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.AdjointNaming;
import dev.adjoint.processor.ir.CallTarget;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Calls in a sweep. The forward sweep saves what a call is about to overwrite and the reverse
 * sweep needs back (a snapshot of each such array argument), and keeps a stateful rule's closure
 * on the tape. The reverse sweep restores the snapshots and calls the callee's pullback with the
 * seed of its result and the adjoint arrays of its array arguments, then passes the adjoints the
 * pullback returns for scalar arguments on to those arguments.
 *
 * <p>A callee differentiated in the same adjoint class is called through its private sweep with
 * this sweep's tape, so a recursive adjoint makes one tape, not one per call. Such a call, when it
 * is a whole statement's value and the callee returns a scalar or nothing and writes into none of
 * its arguments, is reversed split while the tape's budget allows ({@code Tape.mayRecordCall}):
 * the forward sweep runs the callee's recording forward sweep ({@code fRecord}) and the reverse
 * runs the callee's reverse sweep alone ({@code fReverse}). Otherwise it is reversed jointly: the
 * forward sweep runs the plain method and the reverse runs the callee's whole sweep, forward
 * again and then reverse. Joint reversal of a recursion re-runs each level's forward sweep once
 * per level above it, so split reversal turns det's depth-fold cost into a constant one; the
 * budget bounds the memory split reversal keeps, and a joint call's sweep opens a fresh budget.
 *
 * <p>The primal values this code reads are also stated in
 * {@code dev.adjoint.processor.analyze.AdjointReads}, which decides what is recorded: a change to
 * which operands a derivative is written with goes in both ({@link AnalysisCheck} fails otherwise).
 */
final class CallAdjoints {
  private final AdjointContext sweep;
  private final Activity activity;
  private final Aliases aliases;
  private final Printer printer;
  /** The adjoint class being generated, whose sweeps can share a tape. */
  private final String adjointClass;

  /** Calls that are a whole statement's value, the only ones that may be reversed split. */
  private final Set<Expr.Invoke> statementCalls = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Callees this sweep reverses split, whose recording and reverse sweeps the class must have. */
  private final Set<String> splitCallees = new TreeSet<>();

  CallAdjoints(AdjointContext sweep, Activity activity, Aliases aliases, Printer printer, MethodIR method) {
    this.sweep = sweep;
    this.activity = activity;
    this.aliases = aliases;
    this.printer = printer;
    this.adjointClass = AdjointNaming.adjointQualifiedName(method.owner());
    IrWalker.statements(method.body(), s -> {
      Expr value = s instanceof Stmt.LocalDecl d ? d.init()
          : s instanceof Stmt.Assign a ? a.value()
          : s instanceof Stmt.Eval e ? e.call()
          : s instanceof Stmt.Return r ? r.value() : null;
      if (value instanceof Expr.Invoke call) {
        statementCalls.add(call);
      }
    });
  }

  /** The same-class callees this sweep reverses split (see the class comment). */
  Set<String> splitCallees() {
    return splitCallees;
  }

  // ---- split reversal ----

  /** Whether the call is reversed split when the tape's budget allows (see the class comment). */
  boolean splits(Expr.Invoke call) {
    CallTarget target = call.target();
    return statementCalls.contains(call) && sharesTape(target) && !target.returnType().isArray()
        && (target.mutated() == null || target.mutated().isEmpty())
        && (activity.isActive(call) || anyActiveArray(call));
  }

  /**
   * The forward half of a split call: runs the callee's recording sweep while the budget allows,
   * else the plain method, and records which. Returns the temporary holding the call's value, or
   * null for a void callee.
   */
  String forwardSplit(Expr.Invoke call, Code out) {
    CallTarget target = call.target();
    Snippet tape = sweep.tape();
    List<String> args = new ArrayList<>();
    if (!target.isStatic()) {
      args.add(printer.print(call.receiver()));
    }
    call.args().forEach(a -> args.add(printer.print(a)));
    List<Object> recordArgs = new ArrayList<>(args);
    recordArgs.addAll(arrayBars(call, "null"));
    recordArgs.add(tape);
    String value = null;
    if (!target.returnType().isVoid()) {
      value = sweep.freshName("call");
      out.declare(target.returnType().sourceText(), value);
    }
    out.open(Snippet.of("if (", tape, ".mayRecordCall())"));
    callInto(value, Snippet.of(target.name() + "Record(", Snippet.join(", ", recordArgs), ")"), out);
    out.line(Snippet.of(tape, ".pushBoolean(true);"));
    out.reopen("else");
    callInto(value, printer.printTyped(call), out);
    out.line(Snippet.of(tape, ".pushBoolean(false);"));
    out.close();
    splitCallees.add(target.name());
    return value;
  }

  // ---- forward sweep ----

  /** Saves the arrays the call overwrites whose contents the reverse sweep needs back. */
  void pushSnapshots(Expr.Invoke call, Code out) {
    for (int j : snapshotArgs(call)) {
      String array = printer.print(call.args().get(j));
      out.line(Snippet.of(sweep.tape(), ".pushObject(", RuntimeClasses.SHADOWS, ".snapshot(" + array + "));"));
      sweep.notePushed(array + "[]");
    }
  }

  boolean isStatefulAndActive(Expr.Invoke call) {
    return call.target().kind() == CallTarget.Kind.STATEFUL_RULE && (activity.isActive(call) || anyActiveArray(call));
  }

  /**
   * Runs a stateful rule: it computes the forward value once, and its closure waits on the tape
   * for the reverse sweep. The statement that made the call reads the value from the closure.
   */
  void runRule(Expr.Invoke call, Code out) {
    String r = sweep.freshName("rule");
    out.declare(rruleType(call), r, ruleCall(call));
    out.line(Snippet.of(sweep.tape(), ".pushObject(" + r + ");"));
    printer.substitute(call, r + ".value()");
  }

  /** Arguments the call overwrites and whose contents the reverse sweep needs back, in order. */
  private List<Integer> snapshotArgs(Expr.Invoke call) {
    List<Integer> out = new ArrayList<>();
    if (call.target().mutated() == null) {
      return out;
    }
    for (int j = 0; j < call.args().size(); j++) {
      if (call.target().mutated().get(j)) {
        for (Variable root : Aliases.roots(call.args().get(j))) {
          if (sweep.isRecordedClass(aliases.find(root))) {
            out.add(j);
            break;
          }
        }
      }
    }
    return out;
  }

  private Snippet ruleCall(Expr.Invoke call) {
    List<Object> args = new ArrayList<>();
    if (!call.target().isStatic()) {
      args.add(printer.printTyped(call.receiver()));
    }
    call.args().forEach(a -> args.add(printer.printTyped(a)));
    return Snippet.of(printer.classRef(call.target().pullbackOwner()), "." + call.target().pullbackName() + "(",
        Snippet.join(", ", args), ")");
  }

  private static Snippet rruleType(Expr.Invoke call) {
    JType t = call.target().returnType();
    String value = t.isArray() ? t.sourceText() : t.base() == JType.Base.FLOAT ? "Float" : "Double";
    return Snippet.of(RuntimeClasses.RRULE, "<" + value + ">");
  }

  // ---- reverse sweep ----

  /**
   * Calls a callee's pullback (restoring what the call overwrote first), then passes the adjoints
   * it returns for scalar arguments on to those arguments.
   *
   * @param seed the adjoint of the call's result: a scalar expression, an array expression, or
   *     null for void calls and calls whose result adjoint is zero
   */
  void reverse(Expr.Invoke call, String seed, Code out) {
    CallTarget target = call.target();
    List<Integer> snapshots = snapshotArgs(call);
    for (int j = snapshots.size() - 1; j >= 0; j--) {
      Expr arg = call.args().get(snapshots.get(j));
      out.line(Snippet.of(RuntimeClasses.SHADOWS, ".restore(", sweep.tapeName(), ".<" + arg.type().sourceText() + ">popObject(), "
          + printer.print(arg) + ");"));
    }
    if (!target.isDifferentiated() || !activity.isActive(call) && !anyActiveArray(call)) {
      return;
    }
    List<Object> args = new ArrayList<>();
    Snippet invocationHead;
    boolean split = splits(call);
    List<Object> splitArgs = new ArrayList<>();
    if (target.kind() == CallTarget.Kind.STATEFUL_RULE) {
      String r = sweep.freshName("rule");
      out.declare(rruleType(call), r, Snippet.of(sweep.tapeName(), ".popObject()"));
      invocationHead = Snippet.of(r + ".pullback");
    } else {
      invocationHead = sharesTape(target) ? Snippet.of(target.name() + "Sweep") // same class: this sweep's tape
          : Snippet.of(printer.classRef(target.pullbackOwner()), "." + target.pullbackName());
      if (!target.isStatic()) {
        args.add(sweep.value(call.receiver(), out));
      }
      for (Expr a : call.args()) {
        args.add(a.type().isArray() ? printer.print(a) : sweep.value(a, out));
      }
    }
    if (!target.returnType().isVoid()) {
      args.add(seed != null ? seed : zeroSeed(target.returnType(), call, out));
    }
    List<Object> sweepTail = new ArrayList<>();
    if (target.kind() != CallTarget.Kind.STATEFUL_RULE && sharesTape(target)) {
      if (!target.returnType().isVoid()) {
        sweepTail.add("null"); // no value wanted
      }
      sweepTail.add(sweep.tape());
    }
    List<Integer> scalarSlots = new ArrayList<>();
    for (int j = 0; j < target.params().size(); j++) {
      CallTarget.Param p = target.params().get(j);
      if (p.differentiable() && !p.type().isArray()) {
        scalarSlots.add(j);
      }
    }
    args.addAll(arrayBars(call, target.kind() == CallTarget.Kind.STATEFUL_RULE ? "(Object) null" : "null"));
    if (split) {
      splitArgs.addAll(args);
      splitArgs.add(sweep.tapeName());
    }
    args.addAll(sweepTail);
    Snippet invocation = Snippet.of(invocationHead, "(", Snippet.join(", ", args), ")");
    Snippet splitInvocation = split ? Snippet.of(target.name() + "Reverse(", Snippet.join(", ", splitArgs), ")") : null;
    boolean anyScalarActive = scalarSlots.stream().anyMatch(j -> activity.isActive(call.args().get(j)));
    if (scalarSlots.isEmpty() || !anyScalarActive) {
      invoke(splitInvocation, invocation, null, out);
      return;
    }
    // a stateful rule's closure always returns its scalar adjoints as a double[]
    if (scalarSlots.size() == 1 && target.kind() != CallTarget.Kind.STATEFUL_RULE) {
      JType t = target.params().get(scalarSlots.get(0)).type();
      String r = invokeInto(t.sourceText(), splitInvocation, invocation, out);
      sweep.propagateTo(call.args().get(scalarSlots.get(0)), Seed.of(r), out);
      return;
    }
    String r = invokeInto("double[]", splitInvocation, invocation, out);
    for (int k = 0; k < scalarSlots.size(); k++) {
      sweep.propagateTo(call.args().get(scalarSlots.get(k)), Seed.of(r + "[" + k + "]"), out);
    }
  }

  /**
   * Calls the callee's reverse sweep alone if the forward sweep recorded the call split, else its
   * whole sweep under a fresh call-recording budget; or just the whole sweep when split is null.
   */
  private void invoke(Snippet split, Snippet joint, String result, Code out) {
    if (split == null) {
      callInto(result, joint, out);
      return;
    }
    Snippet tape = sweep.tapeName();
    out.open(Snippet.of("if (", tape, ".popBoolean())"));
    callInto(result, split, out);
    out.reopen("else");
    String budget = sweep.freshName("budget");
    out.declare("long", budget, Snippet.of(tape, ".openCallBudget()"));
    callInto(result, joint, out);
    out.line(Snippet.of(tape, ".closeCallBudget(" + budget + ");"));
    out.close();
  }

  /** {@code result = call;}, or just {@code call;} where result is null. */
  private static void callInto(String result, Snippet call, Code out) {
    if (result == null) {
      out.line(Snippet.of(call, ";"));
    } else {
      out.assign(result, "=", call);
    }
  }

  /** {@link #invoke} into a fresh local of the given type, which it returns. */
  private String invokeInto(String type, Snippet split, Snippet joint, Code out) {
    String r = sweep.freshName("r");
    if (split == null) {
      out.declare(type, r, joint);
    } else {
      out.declare(type, r);
      invoke(split, joint, r, out);
    }
    return r;
  }

  /** The adjoint arrays of the call's array arguments, one per differentiable array parameter. */
  private List<String> arrayBars(Expr.Invoke call, String none) {
    List<String> out = new ArrayList<>();
    for (int j = 0; j < call.target().params().size(); j++) {
      CallTarget.Param p = call.target().params().get(j);
      if (p.differentiable() && p.type().isArray()) {
        Expr a = call.args().get(j);
        out.add(activity.isActive(a) || anyActiveRoot(a) ? sweep.barOf(a) : none);
      }
    }
    return out;
  }

  /** Whether the callee is differentiated in this same adjoint class, so its private sweep can take this tape. */
  private boolean sharesTape(CallTarget target) {
    return target.kind() == CallTarget.Kind.DIFFERENTIABLE && target.pullbackOwner().equals(adjointClass);
  }

  private boolean anyActiveArray(Expr.Invoke call) {
    return call.args().stream().anyMatch(a -> a.type().isArray() && anyActiveRoot(a));
  }

  private boolean anyActiveRoot(Expr a) {
    return Aliases.roots(a).stream().anyMatch(activity::isActive);
  }

  /** A zero seed for a call whose result carries no adjoint but whose arrays still need a pullback. */
  private String zeroSeed(JType type, Expr.Invoke call, Code out) {
    if (!type.isArray()) {
      return type.base() == JType.Base.FLOAT ? "0f" : "0.0";
    }
    String z = sweep.freshName("zero");
    out.declare(type.sourceText(), z, Snippet.of(RuntimeClasses.SHADOWS, ".zerosLike(" + printer.print(call) + ")"));
    return z;
  }
}
