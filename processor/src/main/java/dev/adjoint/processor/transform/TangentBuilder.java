package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.Activity;
import dev.adjoint.processor.analyze.Optimizations;
import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Names;
import dev.adjoint.processor.emit.RuntimeClasses;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.AdjointNaming;
import dev.adjoint.processor.ir.AssignOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a method's tangent (forward mode, Tapenade's {@code -d}): the original statements in
 * their order, each preceded by the statement that computes the tangent of what it assigns from
 * the tangents of what it reads. Every active variable {@code x} has a tangent {@code xDot} of its
 * type; an active array's tangent array follows it through assignments by reference, so swapped
 * buffers keep their tangents. Calls of differentiable methods the lowering did not inline run
 * their pushforward once, before the statement that uses their value. Expressions are
 * differentiated by the same chain rule as the reverse sweep ({@link TangentContext}).
 */
public final class TangentBuilder {
  private final MethodIR method;
  private final Activity activity;
  private final Printer printer;
  private final Names names = new Names();
  private final Map<Variable, String> dots = new HashMap<>();
  private final TangentContext context;
  private final TangentCalls calls;
  private final String valueOut;

  private TangentBuilder(MethodIR method, Activity activity, String adjointPackage, Optimizations optimizations) {
    this.method = method;
    this.activity = activity;
    this.printer = new Printer(adjointPackage);
    List<Variable> all = new ArrayList<>(method.params());
    Set<Variable> seen = new HashSet<>(all);
    all.forEach(p -> names.reserve(p.name()));
    IrWalker.statements(method.body(), s -> {
      Variable v = s instanceof Stmt.LocalDecl d ? d.variable() : s instanceof Stmt.CountedLoop c ? c.index() : null;
      if (v != null && seen.add(v)) {
        all.add(v);
        names.reserve(v.sourceName());
        names.reserve(v.name());
      }
    });
    for (Variable v : all) {
      if (activity.isActive(v) && (v.type().isFloating() || v.type().isArray())) {
        dots.put(v, names.claim(AdjointNaming.dot(v.name())));
      }
    }
    valueOut = names.claim("valueOut");
    context = new TangentContext(printer, activity, names, dots, optimizations.on(Optimizations.Kind.STRONG_ZEROS));
    calls = new TangentCalls(printer, context, names, activity);
  }

  /** The tangent of the method, or a {@link TransformException} at what it cannot differentiate yet. */
  public static Tangent build(MethodIR method, Activity activity, String adjointPackage, Optimizations optimizations) {
    return new TangentBuilder(method, activity, adjointPackage, optimizations).run();
  }

  private Tangent run() {
    for (Variable p : method.params()) {
      if (p.kind() == Variable.Kind.FIELD) {
        throw new TransformException(null, "it is differentiated with respect to \"this\", and tangents with respect"
            + " to fields are not written yet");
      }
    }
    Code body = new Code();
    List<String> dotParams = new ArrayList<>();
    for (Variable p : method.wrt()) {
      String dot = dots.get(p);
      if (dot == null) {
        dot = names.claim(AdjointNaming.dot(p.name())); // nothing depends on it: its tangent is unused
      } else if (p.type().isArray()) {
        body.line(Snippet.of("if (" + dot + " == null) " + dot + " = ", RuntimeClasses.SHADOWS, ".zerosLike(" + p.name()
            + ");"));
      }
      dotParams.add(dot);
    }
    for (Variable p : method.params()) {
      String dot = dots.get(p);
      if (dot != null && !method.wrt().contains(p)) { // active, but no tangent is given: zero
        body.declare(p.type().sourceText(), dot, p.type().isArray()
            ? Snippet.of(RuntimeClasses.SHADOWS, ".zerosLike(" + p.name() + ")") : Snippet.of(zero(p.type())));
      }
    }
    Code statements = new Code();
    statement(method.body(), statements);
    body.append(calls.scratchDeclarations());
    body.append(statements);
    return new Tangent(body, dotParams, valueOut, calls.callees(), printer.localNames(), printer.fieldHandles());
  }

  private void statement(Stmt s, Code out) {
    if (s instanceof Stmt.Block b) {
      b.statements().forEach(c -> statement(c, out));
      return;
    }
    printer.clearSubstitutions();
    context.forgetCalls();
    if (s instanceof Stmt.LocalDecl d) {
      declaration(d, out);
    } else if (s instanceof Stmt.Assign a) {
      assignment(a, out);
    } else if (s instanceof Stmt.Eval e) {
      if (!calls.pushforward(e.call(), out)) {
        out.line(Snippet.of(printer.printTyped(e.call()), ";"));
      }
    } else if (s instanceof Stmt.If i) {
      calls.hoist(i.condition(), out);
      out.open(Snippet.of("if (", printer.printTyped(i.condition()), ")"));
      statement(i.then(), out);
      if (i.otherwise() != null) {
        out.reopen("else");
        statement(i.otherwise(), out);
      }
      out.close();
    } else if (s instanceof Stmt.CountedLoop c) {
      out.open(TripCounts.header(printer, c, printer.print(c.start())));
      statement(c.body(), out);
      out.close();
    } else if (s instanceof Stmt.While w) {
      LoopText.of(w, printer.printTyped(w.condition())).write(out, () -> statement(w.body(), out));
    } else if (s instanceof Stmt.Return r) {
      result(r, out);
    } else {
      throw new TransformException(null, "this statement in a tangent: " + s.getClass().getSimpleName());
    }
  }

  private void declaration(Stmt.LocalDecl d, Code out) {
    Variable v = d.variable();
    String dot = dots.get(v);
    if (d.init() == null) {
      if (dot != null) {
        out.declare(v.type().sourceText(), dot);
      }
      out.declare(printer.typeRef(v.type()), v.name());
      return;
    }
    calls.hoist(d.init(), out);
    Snippet value = printer.printTyped(d.init());
    if (dot != null) {
      out.declare(v.type().sourceText(), dot, tangent(v.type(), d.init(), out));
    }
    out.declare(printer.typeRef(v.type()), v.name(), value);
  }

  private void assignment(Stmt.Assign a, Code out) {
    calls.hoist(a.target(), out);
    calls.hoist(a.value(), out);
    String target = printer.print(a.target());
    Snippet value = printer.printTyped(a.value());
    String dotTarget = dotTarget(a.target());
    if (dotTarget != null && (a.op() == AssignOp.ADD || a.op() == AssignOp.SUB) && !a.target().type().isArray()) {
      out.assign(dotTarget, a.op().symbol(), tangent(a.target().type(), a.value(), out));
    } else if (dotTarget != null) {
      Expr whole = a.op() == AssignOp.SET ? a.value()
          : new Expr.Binary(a.op().binary(), a.target(), a.value(), a.target().type(), null);
      out.assign(dotTarget, "=", tangent(a.target().type(), whole, out));
    }
    out.assign(target, a.op().symbol(), value);
  }

  /** The tangent a write to target goes to, or null where target has none. */
  private String dotTarget(Expr target) {
    Variable base = IrWalker.baseVariable(target);
    if (base == null || dots.get(base) == null || !(target.type().isFloating() || target.type().isArray())) {
      return null;
    }
    return target instanceof Expr.VarRef ? dots.get(base) : context.dotOfArray(target);
  }

  /** The tangent of a value of this type: a scalar's from the chain rule, an array's tangent array. */
  private Object tangent(JType type, Expr value, Code out) {
    if (type.isArray()) {
      return calls.arrayTangent(value, out);
    }
    String t = context.tangentOf(value, out);
    return type.base() == JType.Base.FLOAT ? "(float) (" + t + ")" : t;
  }

  private void result(Stmt.Return r, Code out) {
    if (r.value() == null) {
      return;
    }
    calls.hoist(r.value(), out);
    Snippet value = printer.printTyped(r.value());
    JType type = method.returnType();
    String dot = names.fresh("resultDot");
    out.declare(type.sourceText(), dot, tangent(type, r.value(), out));
    out.line(Snippet.of("if (" + valueOut + " != null) " + valueOut + "[0] = ", value, ";"));
    out.line("return " + dot + ";");
  }

  static String zero(JType type) {
    return type.base() == JType.Base.FLOAT ? "0f" : "0.0";
  }
}
