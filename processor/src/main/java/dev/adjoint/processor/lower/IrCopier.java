package dev.adjoint.processor.lower;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deep copies of IR with fresh variables, for inlining: every variable a copied body declares
 * becomes a new variable (its loop depth shifted by the call site's), and references are rewired
 * through the map, which the caller seeds with the callee's parameters.
 */
final class IrCopier {
  private final Map<Variable, Variable> map;
  private final Map<Variable, Expr> substitutions;
  private final int depthOffset;

  /**
   * @param substitutions parameters replaced outright by their (side-effect free) arguments
   */
  IrCopier(Map<Variable, Variable> map, Map<Variable, Expr> substitutions, int depthOffset) {
    this.map = map;
    this.substitutions = substitutions;
    this.depthOffset = depthOffset;
  }

  List<Stmt> copy(List<Stmt> statements) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : statements) {
      out.add(copy(s));
    }
    return out;
  }

  Stmt copy(Stmt s) {
    if (s == null) {
      return null;
    } else if (s instanceof Stmt.Block b) {
      return new Stmt.Block(copy(b.statements()), b.source());
    } else if (s instanceof Stmt.LocalDecl d) {
      Expr init = copy(d.init());
      return new Stmt.LocalDecl(fresh(d.variable()), init, d.source());
    } else if (s instanceof Stmt.Assign a) {
      return new Stmt.Assign(copy(a.target()), a.op(), copy(a.value()), a.source());
    } else if (s instanceof Stmt.Eval e) {
      return new Stmt.Eval((Expr.Invoke) copy(e.call()), e.source());
    } else if (s instanceof Stmt.If i) {
      return new Stmt.If(copy(i.condition()), copy(i.then()), copy(i.otherwise()), i.source());
    } else if (s instanceof Stmt.For f) {
      List<Stmt> init = copy(f.init());
      return new Stmt.For(init, copy(f.condition()), copy(f.update()), copy(f.body()), f.source());
    } else if (s instanceof Stmt.ForEach f) {
      Expr array = copy(f.array());
      return new Stmt.ForEach(fresh(f.variable()), array, copy(f.body()), f.source());
    } else if (s instanceof Stmt.While w) {
      return new Stmt.While(copy(w.condition()), copy(w.body()), w.doWhile(), w.source());
    } else if (s instanceof Stmt.Return r) {
      return new Stmt.Return(copy(r.value()), r.source());
    }
    return s; // break, continue: nothing to rewire
  }

  private Variable fresh(Variable v) {
    Variable copy = new Variable(v.sourceName(), v.type(),
        v.kind() == Variable.Kind.SYNTHETIC ? Variable.Kind.SYNTHETIC : Variable.Kind.LOCAL, v.loopDepth() + depthOffset);
    map.put(v, copy);
    return copy;
  }

  Expr copy(Expr e) {
    if (e == null) {
      return null;
    } else if (e instanceof Expr.VarRef v) {
      Expr argument = substitutions.get(v.variable());
      if (argument != null) {
        return new IrCopier(Map.of(), Map.of(), 0).copy(argument); // a fresh node for every use
      }
      return new Expr.VarRef(map.getOrDefault(v.variable(), v.variable()), v.tree());
    } else if (e instanceof Expr.FieldRead f) {
      return new Expr.FieldRead(copy(f.receiver()), f.owner(), f.name(), f.type(), f.tree());
    } else if (e instanceof Expr.ArrayRead a) {
      return new Expr.ArrayRead(copy(a.array()), copy(a.index()), a.type(), a.tree());
    } else if (e instanceof Expr.Length l) {
      return new Expr.Length(copy(l.array()), l.tree());
    } else if (e instanceof Expr.Unary u) {
      return new Expr.Unary(u.op(), copy(u.operand()), u.type(), u.tree());
    } else if (e instanceof Expr.Binary b) {
      return new Expr.Binary(b.op(), copy(b.left()), copy(b.right()), b.type(), b.tree());
    } else if (e instanceof Expr.Conditional c) {
      return new Expr.Conditional(copy(c.condition()), copy(c.ifTrue()), copy(c.ifFalse()), c.type(), c.tree());
    } else if (e instanceof Expr.Cast c) {
      return new Expr.Cast(c.type(), copy(c.operand()), c.tree());
    } else if (e instanceof Expr.MathCall m) {
      return new Expr.MathCall(m.function(), m.owner(), copyAll(m.args()), m.type(), m.tree());
    } else if (e instanceof Expr.Invoke i) {
      return new Expr.Invoke(i.target(), copy(i.receiver()), copyAll(i.args()), i.type(), i.tree());
    } else if (e instanceof Expr.NewArray n) {
      return new Expr.NewArray(n.type(), copyAll(n.dimensions()), n.tree());
    } else if (e instanceof Expr.ArrayInit a) {
      return new Expr.ArrayInit(a.type(), copyAll(a.elements()), a.tree());
    } else if (e instanceof Expr.ArrayCopy c) {
      return new Expr.ArrayCopy(copy(c.source()), c.tree());
    }
    return e; // literals and unsupported nodes hold no variables
  }

  private List<Expr> copyAll(List<Expr> exprs) {
    List<Expr> out = new ArrayList<>();
    for (Expr e : exprs) {
      out.add(copy(e));
    }
    return out;
  }
}
