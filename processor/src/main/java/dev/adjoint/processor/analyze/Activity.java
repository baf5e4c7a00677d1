package dev.adjoint.processor.analyze;

import com.sun.source.tree.CompilationUnitTree;
import dev.adjoint.processor.diagnostics.Diagnostics;
import dev.adjoint.processor.diagnostics.Message;
import dev.adjoint.processor.ir.CallTarget;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Activity analysis: which variables carry a derivative. A floating-point variable is active when
 * its value may depend on a differentiated parameter (forward "varied" analysis, iterated to a
 * fixed point over the whole body, so loops are covered). Arrays are active per alias class.
 * Only active variables get adjoint variables and adjoint statements.
 */
public final class Activity {
  private final Aliases aliases;
  private final Set<Variable> active = new HashSet<>();

  private Activity(Aliases aliases) {
    this.aliases = aliases;
  }

  public static Activity of(MethodIR method, Aliases aliases) {
    Activity activity = new Activity(aliases);
    for (Variable p : method.wrt()) {
      activity.mark(p);
    }
    boolean changed = true;
    while (changed) {
      changed = activity.sweep(method.body());
    }
    return activity;
  }

  private boolean sweep(Stmt body) {
    boolean[] changed = {false};
    IrWalker.statements(body, s -> {
      if (s instanceof Stmt.LocalDecl d && d.init() != null && isActive(d.init())) {
        changed[0] |= mark(d.variable());
      } else if (s instanceof Stmt.Assign a && isActive(a.value())) {
        Variable base = IrWalker.baseVariable(a.target());
        if (base != null && base.type().isFloating()) {
          changed[0] |= mark(base);
        }
      }
      for (Expr e : IrWalker.ownExpressions(s)) {
        IrWalker.expressions(e, x -> {
          if (x instanceof Expr.Invoke call && call.target().isDifferentiated() && anyArgActive(call)) {
            for (int i = 0; i < call.args().size(); i++) {
              if (call.target().mutated() != null && call.target().mutated().get(i)) {
                for (Variable root : Aliases.roots(call.args().get(i))) {
                  if (root.type().isFloating()) {
                    changed[0] |= mark(root);
                  }
                }
              }
            }
          }
        });
      }
    });
    return changed[0];
  }

  private boolean mark(Variable v) {
    return v.type().isFloating() && active.add(aliases.find(v));
  }

  public boolean isActive(Variable v) {
    return v.type().isFloating() && active.contains(aliases.find(v));
  }

  /** Whether the value of e may depend on a differentiated parameter. */
  public boolean isActive(Expr e) {
    if (e == null || !e.type().isFloating()) {
      return false;
    }
    if (e instanceof Expr.VarRef v) {
      return isActive(v.variable());
    } else if (e instanceof Expr.ArrayRead a) {
      return isActive(a.array());
    } else if (e instanceof Expr.Conditional c) {
      return isActive(c.ifTrue()) || isActive(c.ifFalse());
    } else if (e instanceof Expr.Invoke i) {
      return i.target().isDifferentiated() && anyArgActive(i);
    } else if (e instanceof Expr.Unary || e instanceof Expr.Binary || e instanceof Expr.Cast
        || e instanceof Expr.MathCall || e instanceof Expr.ArrayInit || e instanceof Expr.ArrayCopy) {
      return IrWalker.children(e).stream().anyMatch(this::isActive);
    }
    return false;
  }

  private boolean anyArgActive(Expr.Invoke call) {
    return call.args().stream().anyMatch(this::isActive);
  }

  /** The active variables, in a stable order, for the verbose report. */
  public Set<String> describe(MethodIR method) {
    Set<String> names = new LinkedHashSet<>();
    for (Variable p : method.params()) {
      if (isActive(p)) {
        names.add(p.displayName());
      }
    }
    IrWalker.statements(method.body(), s -> {
      if (s instanceof Stmt.LocalDecl d && isActive(d.variable())) {
        names.add(d.variable().name());
      }
    });
    return names;
  }

  /**
   * Reports calls that would lose a derivative: a passive method given an active argument, or a
   * differentiable one given an active argument for a parameter it is not differentiable in.
   */
  public void check(MethodIR method, CompilationUnitTree unit, Diagnostics diagnostics) {
    IrWalker.allExpressions(method.body(), e -> {
      if (!(e instanceof Expr.Invoke call)) {
        return;
      }
      CallTarget target = call.target();
      List<Expr> args = call.args();
      for (int i = 0; i < args.size(); i++) {
        Expr arg = args.get(i);
        if (!isActive(arg)) {
          continue;
        }
        if (target.kind() == CallTarget.Kind.PASSIVE) {
          diagnostics.report(Message.UNSUPPORTED_CALL, call.tree(), unit, method.element(), target.displayName(),
              GeneratedCallees.isGenerated(target) ? GeneratedCallees.fix(target)
                  : "Annotate " + target.displayName() + " with @Differentiable or give it a @CustomRule");
          return;
        }
        CallTarget.Param p = target.params().get(i);
        if (!p.differentiable()) {
          diagnostics.report(Message.NON_DIFFERENTIABLE_ARGUMENT, arg.tree() != null ? arg.tree() : call.tree(), unit,
              method.element(), String.valueOf(arg.tree()), target.displayName(), target.displayName(), p.name(),
              p.name());
        }
      }
    });
  }
}
