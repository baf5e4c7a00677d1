package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.Activity;
import dev.adjoint.processor.analyze.Aliases;
import dev.adjoint.processor.ir.AdjointNaming;
import dev.adjoint.processor.ir.CallTarget;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * Calls in a sweep. The forward sweep saves what a call is about to overwrite and the reverse
 * sweep needs back (a snapshot of each such array argument), and keeps a stateful rule's closure
 * on the tape. The reverse sweep restores the snapshots and calls the callee's pullback with the
 * seed of its result and the adjoint arrays of its array arguments, then passes the adjoints the
 * pullback returns for scalar arguments on to those arguments.
 *
 * <p>A callee differentiated in the same adjoint class is called through its private sweep with
 * this sweep's tape, so a recursive adjoint makes one tape, not one per call.
 */
final class CallAdjoints {
  private final SweepBuilder sweep;
  private final Activity activity;
  private final Aliases aliases;
  private final Printer printer;
  /** The adjoint class being generated, whose sweeps can share a tape. */
  private final String adjointClass;

  CallAdjoints(SweepBuilder sweep, Activity activity, Aliases aliases, Printer printer, TypeElement owner) {
    this.sweep = sweep;
    this.activity = activity;
    this.aliases = aliases;
    this.printer = printer;
    this.adjointClass = AdjointNaming.adjointQualifiedName(owner);
  }

  // ---- forward sweep ----

  /** Saves the arrays the call overwrites whose contents the reverse sweep needs back. */
  void pushSnapshots(Expr.Invoke call, Code out) {
    for (int j : snapshotArgs(call)) {
      out.line(sweep.tape() + ".pushObject(Shadows.snapshot(" + printer.print(call.args().get(j)) + "));");
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
    out.line(rruleType(call) + " " + r + " = " + ruleCall(call) + ";");
    out.line(sweep.tape() + ".pushObject(" + r + ");");
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

  private String ruleCall(Expr.Invoke call) {
    List<String> args = new ArrayList<>();
    if (!call.target().isStatic()) {
      args.add(printer.print(call.receiver()));
    }
    call.args().forEach(a -> args.add(printer.print(a)));
    return printer.className(call.target().pullbackOwner()) + "." + call.target().pullbackName()
        + "(" + String.join(", ", args) + ")";
  }

  private static String rruleType(Expr.Invoke call) {
    JType t = call.target().returnType();
    String value = t.isArray() ? t.sourceText() : t.base() == JType.Base.FLOAT ? "Float" : "Double";
    return "Rrule<" + value + ">";
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
      out.line("Shadows.restore(" + sweep.tapeName() + ".<" + arg.type().sourceText() + ">popObject(), "
          + printer.print(arg) + ");");
    }
    if (!target.isDifferentiated() || !activity.isActive(call) && !anyActiveArray(call)) {
      return;
    }
    List<String> args = new ArrayList<>();
    String invocationHead;
    if (target.kind() == CallTarget.Kind.STATEFUL_RULE) {
      String r = sweep.freshName("rule");
      out.line(rruleType(call) + " " + r + " = " + sweep.tapeName() + ".popObject();");
      invocationHead = r + ".pullback";
    } else {
      invocationHead = printer.className(target.pullbackOwner()) + "." + target.pullbackName();
      if (sharesTape(target)) {
        invocationHead = target.name() + "Sweep"; // same class: records on this sweep's tape
      }
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
    List<String> sweepTail = new ArrayList<>();
    if (target.kind() != CallTarget.Kind.STATEFUL_RULE && sharesTape(target)) {
      if (!target.returnType().isVoid()) {
        sweepTail.add("null"); // no value wanted
      }
      sweepTail.add(sweep.tape());
    }
    List<Integer> scalarSlots = new ArrayList<>();
    for (int j = 0; j < target.params().size(); j++) {
      CallTarget.Param p = target.params().get(j);
      if (!p.differentiable()) {
        continue;
      }
      if (p.type().isArray()) {
        Expr a = call.args().get(j);
        String none = target.kind() == CallTarget.Kind.STATEFUL_RULE ? "(Object) null" : "null";
        args.add(activity.isActive(a) || anyActiveRoot(a) ? sweep.barOf(a) : none);
      } else {
        scalarSlots.add(j);
      }
    }
    args.addAll(sweepTail);
    String invocation = invocationHead + "(" + String.join(", ", args) + ")";
    boolean anyScalarActive = scalarSlots.stream().anyMatch(j -> activity.isActive(call.args().get(j)));
    if (scalarSlots.isEmpty() || !anyScalarActive) {
      out.line(invocation + ";");
      return;
    }
    // a stateful rule's closure always returns its scalar adjoints as a double[]
    if (scalarSlots.size() == 1 && target.kind() != CallTarget.Kind.STATEFUL_RULE) {
      JType t = target.params().get(scalarSlots.get(0)).type();
      String r = sweep.freshName("r");
      out.line(t.sourceText() + " " + r + " = " + invocation + ";");
      sweep.propagateTo(call.args().get(scalarSlots.get(0)), Seed.of(r), out);
      return;
    }
    String r = sweep.freshName("r");
    out.line("double[] " + r + " = " + invocation + ";");
    for (int k = 0; k < scalarSlots.size(); k++) {
      sweep.propagateTo(call.args().get(scalarSlots.get(k)), Seed.of(r + "[" + k + "]"), out);
    }
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
    out.line(type.sourceText() + " " + z + " = Shadows.zerosLike(" + printer.print(call) + ");");
    return z;
  }
}
