package dev.adjoint.processor.lower;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrRewriter;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads each private field of the receiver, and each private static field, once, into a local
 * declared at the top of the method: {@code double[] w = (double[]) MODEL_W.get(self);}, then
 * {@code w[i]} wherever the body reads {@code w}. A differentiable method never writes a field,
 * and its passive calls must be free of side effects, so the field keeps that value throughout.
 *
 * <p>It keeps the generated code readable, and fast: a read through a {@code VarHandle} is an
 * unsafe access the JIT does not hoist out of a loop that stores into arrays, where it hoists a
 * plain field read.
 */
final class PrivateFieldLocals {
  private PrivateFieldLocals() {}

  /** The statements with the reads replaced, after the declarations of the locals. */
  static List<Stmt> hoist(List<Stmt> statements) {
    Map<String, Variable> locals = new LinkedHashMap<>();
    Map<String, Expr.FieldRead> firstRead = new LinkedHashMap<>();
    for (Stmt s : statements) {
      IrWalker.allExpressions(s, e -> {
        if (e instanceof Expr.FieldRead f && isHoistable(f)) {
          firstRead.putIfAbsent(key(f), f);
        }
      });
    }
    if (firstRead.isEmpty()) {
      return statements;
    }
    List<Stmt> out = new ArrayList<>();
    firstRead.forEach((key, f) -> {
      Variable v = new Variable(f.name(), f.type(), Variable.Kind.LOCAL, 0);
      locals.put(key, v);
      out.add(new Stmt.LocalDecl(v, f, null));
    });
    IrRewriter rewriter = new IrRewriter(v -> v, r -> new Expr.VarRef(r.variable(), r.tree()), t -> t,
        f -> isHoistable(f) ? new Expr.VarRef(locals.get(key(f)), f.tree()) : null);
    out.addAll(rewriter.statements(statements));
    return out;
  }

  private static boolean isHoistable(Expr.FieldRead f) {
    return f.isPrivate() && (f.receiver() == null
        || f.receiver() instanceof Expr.VarRef r && r.variable().kind() == Variable.Kind.RECEIVER);
  }

  private static String key(Expr.FieldRead f) {
    return (f.receiver() == null ? "static " : "") + f.owner() + "." + f.name();
  }
}
