package dev.adjoint.processor.analyze;

import dev.adjoint.processor.ir.CallTarget;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.Variable;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The primal values the adjoint of an expression reads, for {@link ReverseReads}: the operands its
 * partial derivatives are written with (a product reads the other factor, a sum reads nothing,
 * {@code sin(x)} reads x, {@code exp(x)} its own value and so x), the indices of the adjoint
 * elements it adds to, and what a callee's pullback takes. These are the rules the transform's
 * expression, Math and call adjoints follow when they write the code; the transform checks that
 * the variables its code reads are the ones found here.
 */
final class AdjointReads {
  private final Activity activity;
  private final Aliases aliases;
  /** Math calls of the statement whose values its forward sweep recorded: their reverse pops them. */
  private final Set<Expr> recordedValues = Collections.newSetFromMap(new IdentityHashMap<>());
  /** min/max calls of the statement whose choice its forward sweep recorded. */
  private final Set<Expr> recordedChoices = Collections.newSetFromMap(new IdentityHashMap<>());
  /** The running min/max reversed for its winning trip alone, whose winner is known; or null. */
  private RunningExtremum.Update extremum;
  /** The array classes recorded where the statement is: a call restores the ones it overwrites. */
  private Set<Variable> recordedClasses = Set.of();

  AdjointReads(Activity activity, Aliases aliases) {
    this.activity = activity;
    this.aliases = aliases;
  }

  /** Starts a statement: what its forward sweep records, the loop's running extremum, the recorded classes. */
  void enter(StatementRecords.Plan plan, RunningExtremum.Update extremum, Set<Variable> recordedClasses) {
    recordedValues.clear();
    recordedChoices.clear();
    recordedValues.addAll(plan.values());
    recordedChoices.addAll(plan.choices());
    this.extremum = extremum;
    this.recordedClasses = recordedClasses;
  }

  /** The variables e reads as the transform prints it: all in it, but none inside a popped value. */
  void printed(Expr e, Set<Variable> out) {
    if (e == null || recordedValues.contains(e)) {
      return;
    }
    if (e instanceof Expr.VarRef v) {
      out.add(v.variable());
    }
    List<Expr> children = IrWalker.children(e);
    if (e instanceof Expr.Invoke i) { // hidden trailing arguments are not written in the call
      children = i.receiver() == null ? i.args().subList(0, i.target().sourceArity())
          : children.subList(0, i.target().sourceArity() + 1);
    }
    for (Expr c : children) {
      printed(c, out);
    }
  }

  /** What naming the adjoint of an array expression reads: the indices that select it. */
  void adjointOf(Expr array, Set<Variable> out) {
    if (array instanceof Expr.ArrayRead a) {
      adjointOf(a.array(), out);
      printed(a.index(), out);
    }
  }

  /** What propagating a seed into e reads (see the class comment). */
  void propagate(Expr e, Set<Variable> out) {
    if (!activity.isActive(e)) {
      if (e instanceof Expr.Invoke call) {
        call(call, false, out); // the arrays saved for the call come back
      }
      return;
    }
    if (e instanceof Expr.ArrayRead a) {
      printed(a.index(), out);
      adjointOf(a.array(), out);
    } else if (e instanceof Expr.Unary u) {
      propagate(u.operand(), out);
    } else if (e instanceof Expr.Cast c) {
      propagate(c.operand(), out);
    } else if (e instanceof Expr.Binary b) {
      binary(b, out);
    } else if (e instanceof Expr.Conditional c) {
      printed(c.condition(), out);
      propagate(c.ifTrue(), out);
      propagate(c.ifFalse(), out);
    } else if (e instanceof Expr.MathCall m) {
      math(m, out);
    } else if (e instanceof Expr.Invoke call) {
      call(call, true, out);
    }
  }

  private void binary(Expr.Binary e, Set<Variable> out) {
    boolean left = activity.isActive(e.left());
    boolean right = activity.isActive(e.right());
    switch (e.op()) {
      case MUL -> {
        if (left) {
          printed(e.right(), out);
          propagate(e.left(), out);
        }
        if (right) {
          printed(e.left(), out);
          propagate(e.right(), out);
        }
      }
      case DIV -> {
        printed(e.right(), out);
        if (left) {
          propagate(e.left(), out);
        }
        if (right) {
          printed(e.left(), out);
          propagate(e.right(), out);
        }
      }
      case REM -> {
        propagate(e.left(), out);
        if (right) {
          printed(e.left(), out);
          printed(e.right(), out);
          propagate(e.right(), out);
        }
      }
      default -> { // sums and differences read no operand
        propagate(e.left(), out);
        propagate(e.right(), out);
      }
    }
  }

  private void math(Expr.MathCall m, Set<Variable> out) {
    List<Expr> args = m.args();
    switch (m.function()) {
      case FLOOR, CEIL, RINT, SIGNUM -> { } // piecewise constant: nothing propagates
      case TO_RADIANS, TO_DEGREES -> propagate(args.get(0), out); // a constant factor
      // the derivative is written with the function's own value (computed again, or popped)
      case TAN, TANH, EXP, EXPM1, SQRT, CBRT -> {
        printed(m, out);
        propagate(args.get(0), out);
      }
      case HYPOT -> {
        printed(m, out);
        args.forEach(a -> printed(a, out));
        args.forEach(a -> propagate(a, out));
      }
      case POW -> {
        args.forEach(a -> printed(a, out));
        if (activity.isActive(args.get(1))) {
          printed(m, out);
        }
        args.forEach(a -> propagate(a, out));
      }
      case MIN, MAX -> {
        if (extremum != null && m == extremum.call()) {
          propagate(args.get(extremum.challenger()), out); // the winning trip's winner takes the seed
          return;
        }
        if (!recordedChoices.contains(m)) {
          args.forEach(a -> printed(a, out)); // the reverse compares them again
        }
        args.forEach(a -> propagate(a, out));
      }
      case FMA -> {
        printed(args.get(0), out);
        printed(args.get(1), out);
        args.forEach(a -> propagate(a, out));
      }
      default -> { // sin, log, atan2, abs, ...: the derivative is written with the arguments
        args.forEach(a -> printed(a, out));
        args.forEach(a -> propagate(a, out));
      }
    }
  }

  /**
   * What reversing a call reads: the arrays it overwrote that come back from their snapshots,
   * then, where a derivative flows, the receiver and arguments the pullback takes and the indices
   * of the adjoint arrays passed to it.
   *
   * @param seeded whether the call's result has an adjoint (else a callee returning an array is
   *     handed zeros shaped like the result, which evaluates the call)
   */
  void call(Expr.Invoke call, boolean seeded, Set<Variable> out) {
    CallTarget target = call.target();
    for (int j : snapshotArgs(call)) {
      printed(call.args().get(j), out);
    }
    if (!target.isDifferentiated() || !activity.isActive(call) && !anyActiveArray(call)) {
      return;
    }
    if (target.kind() != CallTarget.Kind.STATEFUL_RULE) {
      if (!target.isStatic()) {
        printed(call.receiver(), out);
      }
      call.args().forEach(a -> printed(a, out));
    }
    if (!seeded && target.returnType().isArray()) {
      printed(call, out);
    }
    for (int j = 0; j < target.params().size(); j++) {
      CallTarget.Param p = target.params().get(j);
      Expr a = call.args().get(j);
      if (p.differentiable() && p.type().isArray() && (activity.isActive(a) || anyActiveRoot(a))) {
        adjointOf(a, out);
      }
    }
    boolean anyScalarActive = false;
    for (int j = 0; j < target.params().size(); j++) {
      CallTarget.Param p = target.params().get(j);
      anyScalarActive |= p.differentiable() && !p.type().isArray() && activity.isActive(call.args().get(j));
    }
    for (int j = 0; j < target.params().size() && anyScalarActive; j++) {
      CallTarget.Param p = target.params().get(j);
      if (p.differentiable() && !p.type().isArray()) {
        propagate(call.args().get(j), out);
      }
    }
  }

  /** Whether reversing the call writes any code: a snapshot to restore, or a pullback to call. */
  boolean callHasReverse(Expr.Invoke call) {
    return !snapshotArgs(call).isEmpty()
        || call.target().isDifferentiated() && (activity.isActive(call) || anyActiveArray(call));
  }

  /** Arguments the call overwrites whose alias class is recorded here: their snapshots come back. */
  List<Integer> snapshotArgs(Expr.Invoke call) {
    List<Integer> out = new java.util.ArrayList<>();
    if (call.target().mutated() == null) {
      return out;
    }
    for (int j = 0; j < call.args().size(); j++) {
      if (call.target().mutated().get(j)) {
        for (Variable root : Aliases.roots(call.args().get(j))) {
          if (recordedClasses.contains(aliases.find(root))) {
            out.add(j);
            break;
          }
        }
      }
    }
    return out;
  }

  /**
   * Whether propagating into e writes any code. False only where it surely writes none: e carries
   * no derivative, or only piecewise-constant Math functions of it do, scaled by constants or
   * names; true where unsure.
   */
  boolean propagates(Expr e) {
    if (!activity.isActive(e)) {
      return e instanceof Expr.Invoke call && callHasReverse(call);
    }
    if (e instanceof Expr.MathCall m) {
      return switch (m.function()) {
        case FLOOR, CEIL, RINT, SIGNUM -> false;
        case TO_RADIANS, TO_DEGREES -> propagates(m.args().get(0));
        default -> true;
      };
    } else if (e instanceof Expr.Unary u) {
      return propagates(u.operand());
    } else if (e instanceof Expr.Cast c) {
      return propagates(c.operand());
    } else if (e instanceof Expr.Binary b) {
      boolean left = activity.isActive(b.left());
      boolean right = activity.isActive(b.right());
      return switch (b.op()) {
        case ADD, SUB -> propagates(b.left()) || propagates(b.right());
        // a factor or divisor that is not a name is computed into a temporary first
        case MUL -> left && right || left && (!IrWalker.isSimple(b.right()) || propagates(b.left()))
            || right && (!IrWalker.isSimple(b.left()) || propagates(b.right()));
        case DIV -> right || !IrWalker.isSimple(b.right()) || propagates(b.left());
        default -> true;
      };
    }
    return true;
  }

  boolean anyActiveArray(Expr.Invoke call) {
    return call.args().stream().anyMatch(a -> a.type().isArray() && anyActiveRoot(a));
  }

  private boolean anyActiveRoot(Expr a) {
    return Aliases.roots(a).stream().anyMatch(activity::isActive);
  }
}
