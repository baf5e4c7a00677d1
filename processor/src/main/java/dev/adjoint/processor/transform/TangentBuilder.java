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
 *
 * <p>The vector tangent ({@link TangentLanes}) is the same walk for several directions at once: a
 * scalar's tangent statement runs in a loop over the directions, after the partials it needs, and
 * an array's tangents, every direction's in one array, follow it as in the scalar tangent.
 */
public final class TangentBuilder {
  private final MethodIR method;
  private final Activity activity;
  private final Printer printer;
  private final Names names = new Names();
  private final Map<Variable, String> dots = new java.util.LinkedHashMap<>(); // declaration order: stable output
  private final TangentContext context;
  private final TangentCalls calls;
  private final TangentArrays arrays;
  private final String valueOut;
  /** The directions of a vector tangent; null for one direction. */
  private final TangentLanes lanes;

  private TangentBuilder(MethodIR method, Activity activity, String adjointPackage, Optimizations optimizations,
      boolean vector) {
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
        dots.put(v, names.claim(AdjointNaming.dot(v.name()) + (vector ? "s" : "")));
      }
    }
    valueOut = names.claim("valueOut");
    lanes = vector ? new TangentLanes(names.claim("directions"), names.claim("d"), printer) : null;
    context = new TangentContext(printer, activity, names, dots, optimizations.on(Optimizations.Kind.STRONG_ZEROS),
        lanes);
    arrays = new TangentArrays(printer, context, names, activity, lanes);
    calls = new TangentCalls(printer, context, names, arrays, lanes);
  }

  /**
   * The tangent of the method, with its vector tangent where {@code vector}, or a
   * {@link TransformException} at what it cannot differentiate yet.
   */
  public static Tangent build(MethodIR method, Activity activity, String adjointPackage, Optimizations optimizations,
      boolean vector) {
    Tangent one = new TangentBuilder(method, activity, adjointPackage, optimizations, false).run();
    return vector ? one.withVector(new TangentBuilder(method, activity, adjointPackage, optimizations, true).run())
        : one;
  }

  private Tangent run() {
    Code body = new Code();
    List<String> dotParams = new ArrayList<>();
    for (Variable p : method.wrt()) {
      String dot = dots.get(p);
      if (dot == null) {
        dot = names.claim(AdjointNaming.dot(p.name()) + (lanes == null ? "" : "s")); // nothing depends on it
      } else if (lanes != null && !p.type().isArray() && assigns(p)) {
        // a scalar is passed by value: the caller's tangents of it must stay as they are
        body.assign(dot, "=", Snippet.of(dot + " == null ? ", zeroTangent(p), " : " + dot + ".clone()"));
      } else if (p.type().isArray() || lanes != null) {
        body.line(Snippet.of("if (" + dot + " == null) " + dot + " = ", zeroTangent(p), ";"));
      }
      dotParams.add(dot);
    }
    for (Variable p : method.params()) {
      String dot = dots.get(p);
      if (dot != null && !method.wrt().contains(p)) { // active, but no tangent is given: zero
        body.declare(tangentType(p.type()), dot, zeroTangent(p));
      }
    }
    if (lanes != null) { // a scalar local's tangents, written in full wherever it is assigned, need one array
      dots.forEach((v, dot) -> {
        if (!v.type().isArray() && !method.params().contains(v)) {
          body.declare(tangentType(v.type()), dot, lanes.allocate(v.type()));
        }
      });
    }
    Code statements = new Code();
    statement(method.body(), statements);
    body.append(calls.scratchDeclarations());
    body.append(context.sumDeclarations());
    body.append(statements);
    return new Tangent(body, dotParams, valueOut, calls.callees(), printer.localNames(), printer.fieldHandles(),
        lanes == null ? null : lanes.count(), null);
  }

  /** Whether the body assigns the variable itself (not an element of it). */
  private boolean assigns(Variable v) {
    boolean[] found = {false};
    IrWalker.statements(method.body(), s -> {
      if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r && r.variable() == v) {
        found[0] = true;
      }
    });
    return found[0];
  }

  /** The type of a value's tangent: its own, or in a vector tangent, a scalar's an array of the directions. */
  private String tangentType(JType type) {
    return lanes == null ? type.sourceText() : TangentLanes.type(type);
  }

  /** A zero tangent for a parameter. */
  private Snippet zeroTangent(Variable p) {
    if (lanes == null) {
      return p.type().isArray() ? Snippet.of(RuntimeClasses.SHADOWS, ".zerosLike(" + p.name() + ")")
          : Snippet.of(zero(p.type()));
    }
    return p.type().isArray() ? Snippet.of(RuntimeClasses.LANES, ".zeros(" + lanes.count() + ", " + p.name() + ")")
        : Snippet.of(lanes.allocate(p.type()));
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
      if (dot != null && (lanes == null || v.type().isArray())) {
        out.declare(tangentType(v.type()), dot);
      }
      out.declare(printer.typeRef(v.type()), v.name());
      return;
    }
    calls.hoist(d.init(), out);
    Snippet value = printer.printTyped(d.init());
    if (dot != null && (lanes == null || v.type().isArray())) {
      out.declare(tangentType(v.type()), dot, tangent(v.type(), d.init(), out));
    } else if (dot != null) {
      laneAssign(lanes.at(dot), "=", v.type(), d.init(), out);
    }
    out.declare(printer.typeRef(v.type()), v.name(), value);
  }

  private void assignment(Stmt.Assign a, Code out) {
    calls.hoist(a.target(), out);
    calls.hoist(a.value(), out);
    String target = printer.print(a.target());
    Snippet value = printer.printTyped(a.value());
    String dotTarget = dotTarget(a.target());
    JType type = a.target().type();
    if (dotTarget == null) {
      out.assign(target, a.op().symbol(), value);
      return;
    }
    boolean accumulates = (a.op() == AssignOp.ADD || a.op() == AssignOp.SUB) && !type.isArray();
    Expr whole = a.op() == AssignOp.SET || accumulates ? a.value()
        : new Expr.Binary(a.op().binary(), a.target(), a.value(), type, null);
    String op = accumulates ? a.op().symbol() : "=";
    if (lanes == null || type.isArray()) {
      out.assign(dotTarget, op, tangent(type, whole, out));
    } else {
      laneAssign(dotTarget, op, type, whole, out);
    }
    out.assign(target, a.op().symbol(), value);
  }

  /**
   * The tangent a write to target goes to (a scalar's in the current direction of a vector
   * tangent, an array's whole), or null where target has none.
   */
  private String dotTarget(Expr target) {
    Variable base = IrWalker.baseVariable(target);
    if (base == null || dots.get(base) == null || !(target.type().isFloating() || target.type().isArray())) {
      return null;
    }
    if (target instanceof Expr.VarRef) {
      return target.type().isArray() ? dots.get(base) : context.dot(base);
    }
    if (target instanceof Expr.ArrayRead a && !a.type().isArray()) {
      return context.dotOfElement(a);
    }
    return context.dotOfArray(target);
  }

  /** The tangent of a value of this type: a scalar's from the chain rule, an array's tangent array. */
  private Object tangent(JType type, Expr value, Code out) {
    if (type.isArray()) {
      return arrays.tangent(value, out);
    }
    return ofType(type, context.tangentOf(value, out));
  }

  /**
   * Writes {@code target op tangent(value)} for every direction of a scalar: its partials first,
   * once, then the loop over the directions.
   */
  private void laneAssign(String target, String op, JType type, Expr value, Code out) {
    Object scalar = tangent(type, value, out);
    lanes.open(out);
    out.assign(target, op, scalar);
    lanes.close(out);
  }

  private void result(Stmt.Return r, Code out) {
    if (r.value() == null) {
      return;
    }
    calls.hoist(r.value(), out);
    Snippet value = printer.printTyped(r.value());
    JType type = method.returnType();
    String dot = names.fresh(lanes == null ? "resultDot" : "resultDots");
    if (lanes == null || type.isArray()) {
      out.declare(tangentType(type), dot, tangent(type, r.value(), out));
    } else {
      out.declare(tangentType(type), dot, lanes.allocate(type));
      laneAssign(lanes.at(dot), "=", type, r.value(), out);
    }
    out.line(Snippet.of("if (" + valueOut + " != null) " + valueOut + "[0] = ", value, ";"));
    out.line("return " + dot + ";");
  }

  /** A tangent expression of a value of this type: cast back to float for a float value. */
  static String ofType(JType type, String tangent) {
    return type.base() == JType.Base.FLOAT ? "(float) (" + tangent + ")" : tangent;
  }

  static String zero(JType type) {
    return type.base() == JType.Base.FLOAT ? "0f" : "0.0";
  }
}
