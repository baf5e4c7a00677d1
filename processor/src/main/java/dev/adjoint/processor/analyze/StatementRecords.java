package dev.adjoint.processor.analyze;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.MathFunction;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the forward sweep records for one assignment so that its reverse need not look at the
 * arguments again: the values of costly Math calls, and which argument a min or max returned.
 *
 * <ul>
 *   <li>Inside a loop, the value of {@code exp}, {@code expm1}, {@code tanh}, {@code tan},
 *       {@code cbrt} or {@code hypot} is computed once into a temporary and recorded, because its
 *       derivative is written with it: popping a double costs less than calling the function again
 *       in the reverse sweep.
 *   <li>A min or max records its choice as a boolean when an argument reads a value that changes
 *       later (a reassigned variable, an array the method writes): the reverse then needs neither
 *       argument back, so one boolean replaces two recorded doubles, as in a running minimum.
 * </ul>
 *
 * Only calls the reverse sweep reaches unconditionally qualify (not under {@code ?:}, not inside a
 * call's arguments), and only in statements without calls, so moving a value ahead of the rest
 * of the statement cannot change what it reads.
 */
public final class StatementRecords {
  /** The records of one statement, each in the order the forward sweep pushes it. */
  public record Plan(List<Expr.MathCall> values, List<Expr.MathCall> choices) {
    public static final Plan NONE = new Plan(List.of(), List.of());
  }

  private static final Set<MathFunction> COSTLY = EnumSet.of(
      MathFunction.EXP, MathFunction.EXPM1, MathFunction.TANH, MathFunction.TAN, MathFunction.CBRT,
      MathFunction.HYPOT);

  private final Activity activity;
  private final Aliases aliases;
  private final Set<Variable> overwritten;
  private final Set<Variable> mutatedClasses;

  public StatementRecords(Activity activity, Aliases aliases, Set<Variable> overwritten, Set<Variable> mutatedClasses) {
    this.activity = activity;
    this.aliases = aliases;
    this.overwritten = overwritten;
    this.mutatedClasses = mutatedClasses;
  }

  /** The records for {@code target op= value}, or none where its reverse propagates nothing. */
  public Plan of(Expr target, Expr value, boolean inLoop) {
    Variable base = IrWalker.baseVariable(target);
    if (value == null || base == null || !activity.isActive(base) || !target.type().isFloating()
        || target.type().isArray() || containsCall(value)) {
      return Plan.NONE;
    }
    List<Expr.MathCall> values = new ArrayList<>();
    List<Expr.MathCall> choices = new ArrayList<>();
    collect(value, inLoop, values, choices);
    return values.isEmpty() && choices.isEmpty() ? Plan.NONE : new Plan(values, choices);
  }

  /** Visits what propagation reaches; values in post-order, so inner calls are computed first. */
  private void collect(Expr e, boolean inLoop, List<Expr.MathCall> values, List<Expr.MathCall> choices) {
    if (!activity.isActive(e) || e instanceof Expr.Conditional) {
      return;
    }
    boolean choice = e instanceof Expr.MathCall m && (m.function() == MathFunction.MIN || m.function() == MathFunction.MAX)
        && m.args().stream().anyMatch(this::changesLater);
    if (choice) {
      choices.add((Expr.MathCall) e);
    }
    for (Expr child : IrWalker.children(e)) {
      collect(child, inLoop, values, choices);
    }
    if (inLoop && e instanceof Expr.MathCall m && COSTLY.contains(m.function())) {
      values.add(m);
    }
  }

  /** Functions whose derivative is written with their value, and that cost more than a tape round trip. */
  public static boolean isCostly(MathFunction f) {
    return COSTLY.contains(f);
  }

  private static boolean containsCall(Expr e) {
    boolean[] found = {false};
    IrWalker.expressions(e, x -> found[0] |= x instanceof Expr.Invoke);
    return found[0];
  }

  /** Whether e reads a variable or array element that some statement overwrites. */
  private boolean changesLater(Expr e) {
    boolean[] found = {false};
    IrWalker.expressions(e, x -> {
      if (x instanceof Expr.VarRef v && !v.type().isArray() && overwritten.contains(v.variable())
          || x instanceof Expr.ArrayRead a && IrWalker.baseVariable(a) != null
              && mutatedClasses.contains(aliases.find(IrWalker.baseVariable(a)))) {
        found[0] = true;
      }
    });
    return found[0];
  }
}
