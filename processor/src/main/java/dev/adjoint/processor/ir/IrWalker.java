package dev.adjoint.processor.ir;

import java.util.List;
import java.util.function.Consumer;

/** Visits every statement and expression of a tree of IR, outermost first. */
public final class IrWalker {
  private IrWalker() {}

  public static void statements(Stmt s, Consumer<Stmt> visit) {
    if (s == null) {
      return;
    }
    visit.accept(s);
    if (s instanceof Stmt.Block b) {
      b.statements().forEach(c -> statements(c, visit));
    } else if (s instanceof Stmt.If i) {
      statements(i.then(), visit);
      statements(i.otherwise(), visit);
    } else if (s instanceof Stmt.For f) {
      f.init().forEach(c -> statements(c, visit));
      f.update().forEach(c -> statements(c, visit));
      statements(f.body(), visit);
    } else if (s instanceof Stmt.ForEach f) {
      statements(f.body(), visit);
    } else if (s instanceof Stmt.While w) {
      statements(w.body(), visit);
    } else if (s instanceof Stmt.CountedLoop c) {
      statements(c.body(), visit);
    }
  }

  /** The statements s always runs, in order, looking through plain nested blocks (not into ifs or loops). */
  public static List<Stmt> flattenBlocks(Stmt s) {
    List<Stmt> out = new java.util.ArrayList<>();
    flattenInto(s, out);
    return out;
  }

  private static void flattenInto(Stmt s, List<Stmt> out) {
    if (s instanceof Stmt.Block b) {
      b.statements().forEach(c -> flattenInto(c, out));
    } else {
      out.add(s);
    }
  }

  /** The expressions a statement evaluates directly (not those of nested statements). */
  public static List<Expr> ownExpressions(Stmt s) {
    if (s instanceof Stmt.LocalDecl d) {
      return d.init() == null ? List.of() : List.of(d.init());
    } else if (s instanceof Stmt.Assign a) {
      return List.of(a.target(), a.value());
    } else if (s instanceof Stmt.Eval e) {
      return List.of(e.call());
    } else if (s instanceof Stmt.If i) {
      return List.of(i.condition());
    } else if (s instanceof Stmt.For f) {
      return f.condition() == null ? List.of() : List.of(f.condition());
    } else if (s instanceof Stmt.ForEach f) {
      return List.of(f.array());
    } else if (s instanceof Stmt.While w) {
      return List.of(w.condition());
    } else if (s instanceof Stmt.CountedLoop c) {
      return List.of(c.start(), c.condition(), c.step());
    } else if (s instanceof Stmt.Return r) {
      return r.value() == null ? List.of() : List.of(r.value());
    }
    return List.of();
  }

  /** The direct subexpressions of an expression. */
  public static List<Expr> children(Expr e) {
    if (e instanceof Expr.FieldRead f) {
      return f.receiver() == null ? List.of() : List.of(f.receiver());
    } else if (e instanceof Expr.ArrayRead a) {
      return List.of(a.array(), a.index());
    } else if (e instanceof Expr.Length l) {
      return List.of(l.array());
    } else if (e instanceof Expr.Unary u) {
      return List.of(u.operand());
    } else if (e instanceof Expr.Binary b) {
      return List.of(b.left(), b.right());
    } else if (e instanceof Expr.Conditional c) {
      return List.of(c.condition(), c.ifTrue(), c.ifFalse());
    } else if (e instanceof Expr.Cast c) {
      return List.of(c.operand());
    } else if (e instanceof Expr.MathCall m) {
      return m.args();
    } else if (e instanceof Expr.Invoke i) {
      if (i.receiver() == null) {
        return i.args();
      }
      List<Expr> all = new java.util.ArrayList<>();
      all.add(i.receiver());
      all.addAll(i.args());
      return all;
    } else if (e instanceof Expr.NewArray n) {
      return n.dimensions();
    } else if (e instanceof Expr.ArrayInit a) {
      return a.elements();
    } else if (e instanceof Expr.ArrayCopy c) {
      return List.of(c.source());
    }
    return List.of();
  }

  public static void expressions(Expr e, Consumer<Expr> visit) {
    if (e == null) {
      return;
    }
    visit.accept(e);
    for (Expr c : children(e)) {
      expressions(c, visit);
    }
  }

  /** Every expression of every statement under s. */
  public static void allExpressions(Stmt s, Consumer<Expr> visit) {
    statements(s, st -> ownExpressions(st).forEach(e -> expressions(e, visit)));
  }

  /**
   * Whether e is cheap and side-effect free enough to print again wherever it is needed: names,
   * literals, constants, fields of names, lengths, elements at a name or literal index. Generated
   * code computes anything else once into a temporary.
   */
  public static boolean isSimple(Expr e) {
    return e instanceof Expr.Literal || e instanceof Expr.VarRef || e instanceof Expr.FieldRead f && f.receiver() == null
        || e instanceof Expr.FieldRead g && g.receiver() instanceof Expr.VarRef
        || e instanceof Expr.Length l && l.array() instanceof Expr.VarRef
        || e instanceof Expr.ArrayRead a && isSimple(a.array()) && (a.index() instanceof Expr.VarRef
            || a.index() instanceof Expr.Literal);
  }

  /** The variable an assignment target writes, looking through array indexing: {@code a[i][j]} gives a. */
  public static Variable baseVariable(Expr target) {
    Expr e = target;
    while (e instanceof Expr.ArrayRead a) {
      e = a.array();
    }
    return e instanceof Expr.VarRef v ? v.variable() : null;
  }

  /** The variables s assigns or declares anywhere inside it, counters stepped inside expressions included. */
  public static java.util.Set<Variable> writtenVariables(Stmt s) {
    java.util.Set<Variable> written = new java.util.HashSet<>();
    statements(s, x -> {
      if (x instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef v) {
        written.add(v.variable());
      } else if (x instanceof Stmt.LocalDecl d) {
        written.add(d.variable());
      }
    });
    allExpressions(s, e -> {
      if (e instanceof Expr.Step step) {
        written.add(step.variable());
      }
    });
    return written;
  }
}
