package dev.adjoint.processor.analyze;

import dev.adjoint.processor.ir.AssignOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.MathFunction;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;

/**
 * A counted loop that is a running minimum or maximum: its last statement is
 * {@code m = Math.max(m, e)} (or {@code min}, either argument order), and the rest of its body only
 * computes e from locals of the trip. The loop changes nothing else that outlives a trip, reads m
 * nowhere else, and records nothing for its reverse.
 *
 * <p>In the reverse sweep, m's adjoint then passes unchanged through every trip where m won, goes
 * whole to e in the last trip where e won, and is zero in every trip before it. So the forward
 * sweep records one number, that trip (or -1 when m's value from before the loop won throughout),
 * instead of one choice per trip; the reverse runs the body's adjoint for that trip alone instead
 * of a loop whose other trips add zeros. As with JAX's max reduction, the whole adjoint goes to the
 * argmax. In {@code logsumexp}'s running max that is one reverse step instead of n; in k-means'
 * nearest centroid, one distance's adjoint instead of k branches per point.
 */
public final class RunningExtremum {
  /** The loop's update statement, its min/max, and which argument (0 or 1) is the challenger e. */
  public record Update(Stmt.Assign statement, Expr.MathCall call, int challenger) {
    public Variable running() {
      return ((Expr.VarRef) statement.target()).variable();
    }
  }

  private RunningExtremum() {}

  /** The loop's running min/max update when the loop qualifies (see the class comment), else null. */
  public static Update find(Stmt.CountedLoop loop, LoopPlan plan, Activity activity, StatementRecords records) {
    List<Stmt> body = IrWalker.flattenBlocks(loop.body());
    if (body.isEmpty() || !(body.get(body.size() - 1) instanceof Stmt.Assign a) || a.op() != AssignOp.SET
        || !(a.target() instanceof Expr.VarRef target) || !(a.value() instanceof Expr.MathCall call)
        || call.function() != MathFunction.MIN && call.function() != MathFunction.MAX || call.args().size() != 2) {
      return null;
    }
    Variable m = target.variable();
    if (m.type().isArray() || !m.type().isFloating() || !activity.isActive(m) || plan.declaredIn(loop).contains(m)) {
      return null;
    }
    int challenger = isRef(call.args().get(0), m) ? 1 : isRef(call.args().get(1), m) ? 0 : -1;
    if (challenger < 0 || reads(call.args().get(challenger), m)) {
      return null;
    }
    Update update = new Update(a, call, challenger);
    return onlyTripLocalWork(loop, update, plan, records) ? update : null;
  }

  /**
   * Whether every other statement only computes trip locals: declarations and assignments of
   * scalars declared in the loop, and nested counted loops of the same; no calls, no array writes
   * or allocations, no branches, and nothing {@link StatementRecords} would record.
   */
  private static boolean onlyTripLocalWork(Stmt.CountedLoop loop, Update update, LoopPlan plan, StatementRecords records) {
    Variable m = update.running();
    boolean[] ok = {true};
    int[] readsOfM = {0};
    IrWalker.statements(loop.body(), s -> {
      if (s == update.statement()) {
        StatementRecords.Plan p = records.of(update.statement().target(), update.call(), true);
        ok[0] &= p.values().isEmpty() && p.choices().size() == 1 && p.choices().get(0) == update.call();
        IrWalker.expressions(update.call(), e -> readsOfM[0] += isRef(e, m) ? 1 : 0);
        return;
      }
      if (s instanceof Stmt.LocalDecl d) {
        ok[0] &= !d.variable().type().isArray()
            && (d.init() == null || records.of(new Expr.VarRef(d.variable(), null), d.init(), true) == StatementRecords.Plan.NONE);
      } else if (s instanceof Stmt.Assign a) {
        ok[0] &= a.target() instanceof Expr.VarRef r && plan.declaredIn(loop).contains(r.variable())
            && records.of(a.target(), a.value(), true) == StatementRecords.Plan.NONE;
      } else {
        ok[0] &= s instanceof Stmt.Block || s instanceof Stmt.CountedLoop;
      }
      IrWalker.ownExpressions(s).forEach(x -> IrWalker.expressions(x, e -> {
        readsOfM[0] += isRef(e, m) ? 1 : 0;
        ok[0] &= !(e instanceof Expr.Invoke || e instanceof Expr.NewArray || e instanceof Expr.ArrayInit
            || e instanceof Expr.ArrayCopy || e instanceof Expr.Unsupported);
      }));
    });
    return ok[0] && readsOfM[0] == 1;
  }

  private static boolean isRef(Expr e, Variable v) {
    return e instanceof Expr.VarRef r && r.variable() == v;
  }

  private static boolean reads(Expr e, Variable v) {
    boolean[] found = {false};
    IrWalker.expressions(e, x -> found[0] |= isRef(x, v));
    return found[0];
  }
}
