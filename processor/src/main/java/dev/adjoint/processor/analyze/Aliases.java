package dev.adjoint.processor.analyze;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which array variables may share storage: {@code u = un}, {@code row = a[i]}, {@code m = {r, q}}
 * and array parameters passed around put variables in one class. Activity, mutation and recording are
 * decided per class, because a write through one name is a write through all of them.
 */
public final class Aliases {
  private final Map<Variable, Variable> parent = new HashMap<>();
  /** When each variable was first seen: parameters first, then locals in statement order. */
  private final Map<Variable, Integer> seen = new HashMap<>();

  private Aliases() {}

  public static Aliases of(MethodIR method) {
    Aliases aliases = new Aliases();
    method.params().forEach(aliases::see);
    IrWalker.statements(method.body(), s -> {
      if (s instanceof Stmt.LocalDecl d) {
        aliases.see(d.variable());
      }
      if (s instanceof Stmt.LocalDecl d && d.variable().type().isArray() && d.init() != null) {
        aliases.union(d.variable(), roots(d.init()));
      } else if (s instanceof Stmt.Assign a && a.target().type().isArray()) {
        Variable base = IrWalker.baseVariable(a.target());
        if (base != null) {
          aliases.union(base, roots(a.value()));
        }
      }
    });
    return aliases;
  }

  /** The array variables an array-valued expression may point into. */
  public static List<Variable> roots(Expr e) {
    List<Variable> out = new ArrayList<>();
    if (e instanceof Expr.VarRef v && v.type().isArray()) {
      out.add(v.variable());
    } else if (e instanceof Expr.ArrayRead a) {
      out.addAll(roots(a.array()));
    } else if (e instanceof Expr.Conditional c) {
      out.addAll(roots(c.ifTrue()));
      out.addAll(roots(c.ifFalse()));
    } else if (e instanceof Expr.ArrayInit init && init.type().dims() > 1) {
      init.elements().forEach(row -> out.addAll(roots(row))); // {r, q} holds the rows themselves
    }
    return out;
  }

  private void see(Variable v) {
    seen.putIfAbsent(v, seen.size());
  }

  private void union(Variable v, List<Variable> others) {
    for (Variable o : others) {
      Variable a = find(v);
      Variable b = find(o);
      if (a != b) {
        // the earliest-declared (parameters first) represents the class: deterministic, and a
        // class holding a parameter is represented by it
        boolean aFirst = seen.getOrDefault(a, Integer.MAX_VALUE) <= seen.getOrDefault(b, Integer.MAX_VALUE);
        parent.put(aFirst ? b : a, aFirst ? a : b);
      }
    }
  }

  /** The variables of the class whose representative is cls. */
  public List<Variable> members(Variable cls) {
    List<Variable> out = new ArrayList<>();
    for (Variable v : seen.keySet()) {
      if (find(v) == cls) {
        out.add(v);
      }
    }
    return out;
  }

  /** The representative of v's class (v itself for scalars and unaliased arrays). */
  public Variable find(Variable v) {
    Variable p = parent.get(v);
    if (p == null) {
      return v;
    }
    Variable root = find(p);
    parent.put(v, root);
    return root;
  }
}
