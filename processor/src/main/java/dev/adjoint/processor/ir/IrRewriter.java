package dev.adjoint.processor.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A copy of IR with its variables and call targets replaced: how a stage that settles a fact (a
 * variable's final name, what a callee writes) hands the next stage an IR that already holds it,
 * instead of changing the IR in place, and how inlining copies a callee's body with fresh locals.
 * Every node is copied, so the copy shares no node with the original.
 */
public final class IrRewriter {
  private final UnaryOperator<Variable> declared;
  private final Function<Expr.VarRef, Expr> references;
  private final UnaryOperator<CallTarget> targets;
  private final Function<Expr.FieldRead, Expr> fields;

  /**
   * @param declared what each declared variable (a local, a loop index) becomes, in the order the
   *     declarations are met
   * @param references what each variable reference becomes (a reference or any expression)
   * @param targets what each call target becomes
   */
  public IrRewriter(UnaryOperator<Variable> declared, Function<Expr.VarRef, Expr> references,
      UnaryOperator<CallTarget> targets) {
    this(declared, references, targets, f -> null);
  }

  /**
   * As above, and each field read f becomes fields(f) where that is not null (a field read
   * otherwise, its receiver rewritten).
   */
  public IrRewriter(UnaryOperator<Variable> declared, Function<Expr.VarRef, Expr> references,
      UnaryOperator<CallTarget> targets, Function<Expr.FieldRead, Expr> fields) {
    this.declared = declared;
    this.references = references;
    this.targets = targets;
    this.fields = fields;
  }

  /** m with each variable v replaced by variables(v) and each call target t by targets(t). */
  public static MethodIR rewrite(MethodIR m, UnaryOperator<Variable> variables, UnaryOperator<CallTarget> targets) {
    IrRewriter r = new IrRewriter(variables, v -> new Expr.VarRef(variables.apply(v.variable()), v.tree()), targets);
    return new MethodIR(m.element(), m.owner(), m.params().stream().map(variables).toList(),
        m.wrt().stream().map(variables).toList(), m.returnType(), (Stmt.Block) r.stmt(m.body()), m.sourceFile());
  }

  /** A fresh copy of e, with nothing replaced. */
  public static Expr copyOf(Expr e) {
    return new IrRewriter(v -> v, v -> new Expr.VarRef(v.variable(), v.tree()), t -> t).expression(e);
  }

  public List<Stmt> statements(List<Stmt> statements) {
    return stmts(statements);
  }

  public Expr expression(Expr e) {
    return expr(e);
  }

  private List<Stmt> stmts(List<Stmt> statements) {
    List<Stmt> out = new ArrayList<>();
    statements.forEach(s -> out.add(stmt(s)));
    return out;
  }

  private Stmt stmt(Stmt s) {
    if (s == null) {
      return null;
    } else if (s instanceof Stmt.Block b) {
      return new Stmt.Block(stmts(b.statements()), b.source());
    } else if (s instanceof Stmt.LocalDecl d) {
      Expr init = expr(d.init()); // read before the variable exists
      return new Stmt.LocalDecl(declared.apply(d.variable()), init, d.source());
    } else if (s instanceof Stmt.Assign a) {
      return new Stmt.Assign(expr(a.target()), a.op(), expr(a.value()), a.source());
    } else if (s instanceof Stmt.Eval e) {
      return new Stmt.Eval((Expr.Invoke) expr(e.call()), e.source());
    } else if (s instanceof Stmt.If i) {
      return new Stmt.If(expr(i.condition()), stmt(i.then()), stmt(i.otherwise()), i.source());
    } else if (s instanceof Stmt.For f) {
      List<Stmt> init = stmts(f.init()); // declares the index before the rest reads it
      return new Stmt.For(init, expr(f.condition()), stmts(f.update()), stmt(f.body()), f.source(), f.snapshots());
    } else if (s instanceof Stmt.ForEach f) {
      Expr array = expr(f.array()); // read before the loop variable exists
      return new Stmt.ForEach(declared.apply(f.variable()), array, stmt(f.body()), f.source());
    } else if (s instanceof Stmt.While w) {
      return new Stmt.While(expr(w.condition()), stmt(w.body()), w.doWhile(), w.source(), w.snapshots());
    } else if (s instanceof Stmt.CountedLoop c) {
      return new Stmt.CountedLoop(declared.apply(c.index()), expr(c.start()), expr(c.condition()), expr(c.step()),
          stmt(c.body()), c.source(), c.snapshots());
    } else if (s instanceof Stmt.Return r) {
      return new Stmt.Return(expr(r.value()), r.source());
    } else if (s instanceof Stmt.Break b) {
      return new Stmt.Break(b.source());
    } else if (s instanceof Stmt.Continue c) {
      return new Stmt.Continue(c.source());
    }
    Stmt.Unsupported u = (Stmt.Unsupported) s;
    return new Stmt.Unsupported(u.problem(), u.tree(), u.source());
  }

  private List<Expr> exprs(List<Expr> es) {
    List<Expr> out = new ArrayList<>();
    es.forEach(e -> out.add(expr(e)));
    return out;
  }

  private Expr expr(Expr e) {
    if (e == null) {
      return null;
    } else if (e instanceof Expr.Literal l) {
      return new Expr.Literal(l.text(), l.type(), l.tree());
    } else if (e instanceof Expr.VarRef v) {
      return references.apply(v);
    } else if (e instanceof Expr.Step s) {
      // a stepped variable is written, so it is a variable in the copy too, never a substituted value
      Expr.VarRef r = (Expr.VarRef) references.apply(new Expr.VarRef(s.variable(), s.tree()));
      return new Expr.Step(r.variable(), s.up(), s.prefix(), s.tree());
    } else if (e instanceof Expr.FieldRead f && fields.apply(f) != null) {
      return fields.apply(f);
    } else if (e instanceof Expr.FieldRead f) {
      return new Expr.FieldRead(expr(f.receiver()), f.owner(), f.name(), f.type(), f.tree(), f.visibility());
    } else if (e instanceof Expr.ArrayRead a) {
      return new Expr.ArrayRead(expr(a.array()), expr(a.index()), a.type(), a.tree());
    } else if (e instanceof Expr.Length l) {
      return new Expr.Length(expr(l.array()), l.tree());
    } else if (e instanceof Expr.Unary u) {
      return new Expr.Unary(u.op(), expr(u.operand()), u.type(), u.tree());
    } else if (e instanceof Expr.Binary b) {
      return new Expr.Binary(b.op(), expr(b.left()), expr(b.right()), b.type(), b.tree());
    } else if (e instanceof Expr.Conditional c) {
      return new Expr.Conditional(expr(c.condition()), expr(c.ifTrue()), expr(c.ifFalse()), c.type(), c.tree());
    } else if (e instanceof Expr.Cast c) {
      return new Expr.Cast(c.type(), expr(c.operand()), c.tree());
    } else if (e instanceof Expr.MathCall m) {
      return new Expr.MathCall(m.function(), m.owner(), exprs(m.args()), m.type(), m.tree());
    } else if (e instanceof Expr.Invoke i) {
      return new Expr.Invoke(targets.apply(i.target()), expr(i.receiver()), exprs(i.args()), i.type(), i.tree());
    } else if (e instanceof Expr.NewArray n) {
      return new Expr.NewArray(n.type(), exprs(n.dimensions()), n.tree());
    } else if (e instanceof Expr.ArrayInit a) {
      return new Expr.ArrayInit(a.type(), exprs(a.elements()), a.tree());
    } else if (e instanceof Expr.ArrayCopy c) {
      return new Expr.ArrayCopy(expr(c.source()), c.tree());
    }
    Expr.Unsupported u = (Expr.Unsupported) e;
    return new Expr.Unsupported(u.problem(), u.type(), u.tree());
  }
}
