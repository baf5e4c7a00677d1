package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.Activity;
import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Names;
import dev.adjoint.processor.emit.RuntimeClasses;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.AdjointNaming;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.CallTarget;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.JType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls and array values of a tangent. A call of a differentiable method runs that method's
 * pushforward once, before the statement that uses its value, with the tangents of its arguments;
 * the statement then reads the value and the tangent from locals. An array value's tangent is an
 * array: the tangent array of the variable or row it names, a copy of it for {@code clone()}, a
 * fresh zero array for {@code new}.
 */
final class TangentCalls {
  private final Printer printer;
  private final TangentContext context;
  private final Names names;
  private final Activity activity;
  /** Per result type, the array of one a pushforward writes a call's value into. */
  private final Map<String, String> scratch = new LinkedHashMap<>();
  private final List<CallTarget> callees = new ArrayList<>();
  /** The directions of a vector tangent; null for one direction. */
  private final TangentLanes lanes;

  TangentCalls(Printer printer, TangentContext context, Names names, Activity activity, TangentLanes lanes) {
    this.lanes = lanes;
    this.printer = printer;
    this.context = context;
    this.names = names;
    this.activity = activity;
  }

  /**
   * Runs the pushforward of each differentiable call in e, inner calls first, and has the
   * statement read the call's value from a local.
   */
  void hoist(Expr e, Code out) {
    walk(e, false, out);
  }

  private void walk(Expr e, boolean conditional, Code out) {
    if (e == null) {
      return;
    }
    if (e instanceof Expr.Conditional c) {
      walk(c.condition(), conditional, out);
      walk(c.ifTrue(), true, out);
      walk(c.ifFalse(), true, out);
    } else if (e instanceof Expr.Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR)) {
      walk(b.left(), conditional, out);
      walk(b.right(), true, out);
    } else {
      IrWalker.children(e).forEach(c -> walk(c, conditional, out));
    }
    if (e instanceof Expr.Invoke call && call.target().isDifferentiated()) {
      if (conditional) {
        throw new TransformException(call.tree(), "a call evaluated conditionally, in a tangent");
      }
      String value = call(call, true, out);
      if (value != null) {
        printer.substitute(call, value);
      }
    }
  }

  /** Runs the pushforward of a call made for its effect; false for a passive call (run as written). */
  boolean pushforward(Expr.Invoke call, Code out) {
    if (!call.target().isDifferentiated()) {
      return false;
    }
    IrWalker.children(call).forEach(c -> hoist(c, out));
    call(call, false, out);
    return true;
  }

  /** Writes the pushforward call; returns the local holding the call's value, or null. */
  private String call(Expr.Invoke call, boolean wantValue, Code out) {
    CallTarget target = call.target();
    if (target.kind() != CallTarget.Kind.DIFFERENTIABLE) {
      return ruleCall(call, wantValue, out);
    }
    callees.add(target);
    List<Object> args = lanes == null ? argumentsAndTangents(call, out) : argumentsAndAllTangents(call, out);
    JType result = target.returnType();
    String valueOut = result.isVoid() ? null : wantValue ? scratch(result) : "null";
    if (valueOut != null) {
      args.add(valueOut);
    }
    String pushforward = lanes == null ? AdjointNaming.pushforwardIntoMethod(target.name())
        : AdjointNaming.pushforwardsIntoMethod(target.name());
    Snippet invocation = Snippet.of(printer.classRef(target.pullbackOwner()),
        "." + pushforward + "(", Snippet.join(", ", args), ")");
    if (result.isVoid() || !wantValue) {
      out.line(Snippet.of(invocation, ";"));
      return null;
    }
    String value = names.fresh("c");
    String dot = AdjointNaming.dot(value) + (lanes == null ? "" : "s");
    names.reserve(dot);
    out.declare(lanes == null ? result.sourceText() : result.arrayOf().sourceText(), dot, invocation);
    out.declare(result.sourceText(), value, valueOut + "[0]");
    context.callTangent(call, dot);
    return value;
  }

  /**
   * A call of a method with a custom rule runs the rule's pushforward form just before it, on the
   * same arguments: the rule gives the tangent, and the call itself, moved into a local, the value.
   */
  private String ruleCall(Expr.Invoke call, boolean wantValue, Code out) {
    CallTarget target = call.target();
    CallTarget.MethodRef rule = target.pushforwardRule();
    if (rule == null) {
      throw new TransformException(call.tree(), "it calls " + target.displayName()
          + ", whose @CustomRule has no pushforward form: add one, @CustomRule(of = \"" + target.name()
          + "\", form = CustomRule.Form.PUSHFORWARD)");
    }
    JType result = target.returnType();
    boolean keep = result.isFloating() && wantValue;
    String value = keep ? names.fresh("c") : null;
    String dot = keep ? AdjointNaming.dot(value) + (lanes == null ? "" : "s") : null;
    if (keep) {
      names.reserve(dot);
    }
    List<Object> args;
    if (lanes != null) { // one call of the rule per direction
      if (keep) {
        out.declare(result.arrayOf().sourceText(), dot, lanes.allocate(result));
      }
      args = argumentsAndTangents(call, out, true);
    } else {
      args = argumentsAndTangents(call, out);
    }
    Snippet invocation = Snippet.of(printer.classRef(rule.owner()), "." + rule.name() + "(",
        Snippet.join(", ", args), ")");
    if (!keep) {
      out.line(Snippet.of(invocation, ";"));
    } else if (lanes == null) {
      out.declare(result.sourceText(), dot, invocation);
    } else {
      out.assign(lanes.at(dot), "=", invocation);
    }
    if (lanes != null) {
      lanes.close(out);
    }
    if (!keep) {
      return null;
    }
    out.declare(result.sourceText(), value, printer.printTyped(call));
    context.callTangent(call, dot);
    return value;
  }

  /**
   * For a vector pushforward: the receiver, the call's arguments, the number of directions, then
   * the tangents of each differentiable argument in every direction (as whole arrays).
   */
  private List<Object> argumentsAndAllTangents(Expr.Invoke call, Code out) {
    CallTarget target = call.target();
    List<Object> args = primalArguments(call);
    int arity = target.params().size();
    args.add(lanes.count());
    for (int k = 0; k < arity; k++) {
      CallTarget.Param p = target.params().get(k);
      if (!p.differentiable()) {
        continue;
      }
      Expr arg = call.args().get(k);
      Object all = allDirections(arg);
      if (all == null) { // worked out direction by direction, into a fresh array of them
        String fresh = names.fresh("dots");
        JType type = p.type();
        out.declare(type.arrayOf().sourceText(), fresh, lanes.allocate(type));
        String t = type.isArray() ? null : context.tangentOf(arg, out);
        lanes.open(out);
        Object one = type.isArray() ? arrayTangent(arg, out) : TangentBuilder.ofType(type, t);
        out.assign(lanes.at(fresh), "=", one);
        lanes.close(out);
        all = fresh;
      }
      args.add(all);
    }
    return args;
  }

  /**
   * A value's tangents in every direction where they exist as one array already: a variable's, a
   * call's, zeros for a passive array, null for null; else null (the caller works them out).
   */
  Object allDirections(Expr value) {
    if (value instanceof Expr.VarRef v && (v.type().isArray() || context.allDirections(v.variable()) != null)) {
      String all = context.allDirections(v.variable());
      return all != null ? all : Snippet.of(RuntimeClasses.LANES, ".zeros(" + lanes.count() + ", ",
          printer.printTyped(value), ")");
    }
    if (value instanceof Expr.Invoke call && context.callDots(call) != null) {
      return context.callDots(call);
    }
    if (value instanceof Expr.Literal l && l.text().equals("null")) {
      return "null";
    }
    return null;
  }

  /** The receiver, then the call's own arguments. */
  private List<Object> primalArguments(Expr.Invoke call) {
    List<Object> args = new ArrayList<>();
    if (!call.target().isStatic()) {
      args.add(printer.printTyped(call.receiver()));
    }
    for (int k = 0; k < call.target().params().size(); k++) {
      args.add(printer.printTyped(call.args().get(k)));
    }
    return args;
  }

  /** The receiver, the call's arguments, then the tangent of each differentiable one. */
  private List<Object> argumentsAndTangents(Expr.Invoke call, Code out) {
    return argumentsAndTangents(call, out, false);
  }

  /**
   * As {@link #argumentsAndTangents(Expr.Invoke, Code)}; with {@code openLanes}, the scalar
   * tangents' partials are worked out first, then the loop over the directions is opened (the
   * caller closes it) and the array tangents, which depend on the direction, come inside it.
   */
  private List<Object> argumentsAndTangents(Expr.Invoke call, Code out, boolean openLanes) {
    CallTarget target = call.target();
    List<Object> args = primalArguments(call);
    int arity = target.params().size();
    Map<Integer, Object> tangents = new LinkedHashMap<>();
    for (int k = 0; k < arity; k++) {
      CallTarget.Param p = target.params().get(k);
      if (p.differentiable() && !p.type().isArray()) {
        String t = context.tangentOf(call.args().get(k), out);
        tangents.put(k, TangentBuilder.ofType(p.type(), t));
      }
    }
    if (openLanes) {
      lanes.open(out);
    }
    for (int k = 0; k < arity; k++) {
      CallTarget.Param p = target.params().get(k);
      if (p.differentiable()) {
        args.add(p.type().isArray() ? arrayTangent(call.args().get(k), out) : tangents.get(k));
      }
    }
    return args;
  }

  /** The tangent array of an array value (see the class comment). */
  Object arrayTangent(Expr value, Code out) {
    if (value instanceof Expr.VarRef || value instanceof Expr.ArrayRead || value instanceof Expr.Invoke
        || value instanceof Expr.FieldRead) {
      String dot = context.dotOfArray(value);
      return dot != null ? dot : zerosLike(value);
    } else if (value instanceof Expr.NewArray) {
      return printer.printTyped(value);
    } else if (value instanceof Expr.ArrayCopy c) {
      String dot = context.dotOfArray(c.source());
      return dot != null ? dot + ".clone()" : zerosLike(c.source());
    } else if (value instanceof Expr.Conditional c) {
      return Snippet.of(printer.printTyped(c.condition()), " ? ", arrayTangent(c.ifTrue(), out), " : ",
          arrayTangent(c.ifFalse(), out));
    } else if (value instanceof Expr.Literal l && l.text().equals("null")) {
      return "null";
    } else if (value instanceof Expr.ArrayInit init) {
      List<Object> elements = new ArrayList<>();
      for (Expr e : init.elements()) {
        if (e.type().isArray()) {
          elements.add(arrayTangent(e, out));
        } else {
          String t = activity.isActive(e) ? context.tangentOf(e, out) : TangentBuilder.zero(e.type());
          elements.add(TangentBuilder.ofType(e.type(), t));
        }
      }
      return Snippet.of("new " + init.type().sourceText() + " {", Snippet.join(", ", elements), "}");
    }
    throw new TransformException(value.tree(), "this array value, in a tangent");
  }

  private Snippet zerosLike(Expr array) {
    return Snippet.of(RuntimeClasses.SHADOWS, ".zerosLike(", printer.printTyped(array), ")");
  }

  private String scratch(JType result) {
    return scratch.computeIfAbsent(result.sourceText(), t -> names.fresh("valueOf"));
  }

  /** The arrays of one the pushforwards write values into, declared once at the top of the body. */
  Code scratchDeclarations() {
    Code out = new Code();
    scratch.forEach((type, name) -> {
      int bracket = type.indexOf('[');
      String created = bracket < 0 ? type + "[1]" : type.substring(0, bracket) + "[1]" + type.substring(bracket);
      out.declare(type + "[]", name, "new " + created);
    });
    return out;
  }

  List<CallTarget> callees() {
    return callees;
  }
}
