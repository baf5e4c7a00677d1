package dev.adjoint.processor.transform;

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
 * The calls of a tangent. A call of a differentiable method runs that method's pushforward once,
 * before the statement that uses its value, with the tangents of its arguments; the statement then
 * reads the value and the tangent from locals. A call of a method with a custom rule runs the
 * rule's pushforward form ({@link TangentArrays} gives the arguments' array tangents).
 */
final class TangentCalls {
  private final Printer printer;
  private final TangentContext context;
  private final Names names;
  /** Per result type, the array of one a pushforward writes a call's value into. */
  private final Map<String, String> scratch = new LinkedHashMap<>();
  private final List<CallTarget> callees = new ArrayList<>();
  /** The directions of a vector tangent; null for one direction. */
  private final TangentLanes lanes;
  private final TangentArrays arrays;

  TangentCalls(Printer printer, TangentContext context, Names names, TangentArrays arrays, TangentLanes lanes) {
    this.lanes = lanes;
    this.arrays = arrays;
    this.printer = printer;
    this.context = context;
    this.names = names;
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
    out.declare(lanes == null ? result.sourceText() : TangentLanes.type(result), dot, invocation);
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
    Map<String, String> laneCopies = new LinkedHashMap<>();
    if (lanes != null) { // one call of the rule per direction
      if (keep) {
        out.declare(TangentLanes.type(result), dot, result.isArray() ? "null" : lanes.allocate(result));
      }
      args = argumentsAndTangents(call, out, laneCopies);
    } else {
      args = argumentsAndTangents(call, out);
    }
    Snippet invocation = Snippet.of(printer.classRef(rule.owner()), "." + rule.name() + "(",
        Snippet.join(", ", args), ")");
    if (!keep) {
      out.line(Snippet.of(invocation, ";"));
    } else if (lanes == null) {
      out.declare(result.sourceText(), dot, invocation);
    } else if (result.isArray()) {
      out.assign(dot, "=", Snippet.of(setLane(dot), invocation, ")"));
    } else {
      out.assign(lanes.at(dot), "=", invocation);
    }
    if (lanes != null) { // the rule may have updated the tangents of arrays it writes in place
      laneCopies.forEach((all, one) -> out.line(Snippet.of(setLane(all), one, ");")));
      lanes.close(out);
    }
    if (!keep) {
      return null;
    }
    out.declare(result.sourceText(), value, printer.printTyped(call));
    if (lanes != null && result.isArray()) { // no directions: the loop gave it no shape
      out.line(Snippet.of("if (" + dot + " == null) " + dot + " = ", RuntimeClasses.LANES,
          ".zeros(" + lanes.count() + ", " + value + ");"));
    }
    context.callTangent(call, dot);
    return value;
  }

  /** The start of a call writing one direction's tangent array into all of them: {@code Lanes.setLane(all, k, d, }. */
  private Snippet setLane(String all) {
    return Snippet.of(RuntimeClasses.LANES, ".setLane(" + all + ", " + lanes.count() + ", "
        + lanes.index() + ", ");
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
      JType type = p.type();
      Object all = type.isArray() ? arrays.tangent(arg, out) : allDirections(arg);
      if (all == null) { // a scalar's, worked out direction by direction into a fresh array of them
        String fresh = names.fresh("dots");
        out.declare(TangentLanes.type(type), fresh, lanes.allocate(type));
        String t = context.tangentOf(arg, out);
        lanes.open(out);
        out.assign(lanes.at(fresh), "=", TangentBuilder.ofType(type, t));
        lanes.close(out);
        all = fresh;
      }
      args.add(all);
    }
    return args;
  }

  /**
   * A scalar's tangents in every direction where they exist as one array already, a variable's or
   * a call's; else null (the caller works them out).
   */
  private Object allDirections(Expr value) {
    if (value instanceof Expr.VarRef v && context.allDirections(v.variable()) != null) {
      return context.allDirections(v.variable());
    }
    if (value instanceof Expr.Invoke call && context.callDots(call) != null) {
      return context.callDots(call);
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
    return argumentsAndTangents(call, out, null);
  }

  /**
   * As {@link #argumentsAndTangents(Expr.Invoke, Code)}, for a rule called once per direction when
   * {@code laneCopies} is given: the tangents (a scalar's partials, an array's tangents in every
   * direction) are worked out first, then the loop over the directions is opened (the caller closes
   * it) and each array's tangent in the current direction copied out of them. {@code laneCopies}
   * gets, for each array tangent a variable holds, the copy, to be written back after the call.
   */
  private List<Object> argumentsAndTangents(Expr.Invoke call, Code out, Map<String, String> laneCopies) {
    CallTarget target = call.target();
    List<Object> args = primalArguments(call);
    int arity = target.params().size();
    Map<Integer, Object> tangents = new LinkedHashMap<>();
    for (int k = 0; k < arity; k++) {
      CallTarget.Param p = target.params().get(k);
      Expr arg = call.args().get(k);
      if (!p.differentiable()) {
        continue;
      }
      if (!p.type().isArray()) {
        tangents.put(k, TangentBuilder.ofType(p.type(), context.tangentOf(arg, out)));
      } else if (laneCopies == null || context.dotOfArray(arg) != null || isNamed(arg)) {
        tangents.put(k, arrays.tangent(arg, out));
      } else { // worked out once, before the loop over the directions
        String fresh = names.fresh("dots");
        out.declare(p.type().sourceText(), fresh, arrays.tangent(arg, out));
        tangents.put(k, fresh);
      }
    }
    if (laneCopies != null) {
      lanes.open(out);
      for (Map.Entry<Integer, Object> t : tangents.entrySet()) {
        JType type = target.params().get(t.getKey()).type();
        if (type.isArray()) {
          t.setValue(laneOf(type, t.getValue(), call.args().get(t.getKey()), out, laneCopies));
        }
      }
    }
    tangents.values().forEach(args::add);
    return args;
  }

  /** Whether an array value names an array (a variable, a row, a call's result or a field), or is null. */
  private static boolean isNamed(Expr value) {
    return value instanceof Expr.VarRef || value instanceof Expr.ArrayRead || value instanceof Expr.Invoke
        || value instanceof Expr.FieldRead || value instanceof Expr.Literal;
  }

  /**
   * The tangent array of one direction, for a rule: copied out of the tangents in every direction
   * (and, for a variable's, noted in {@code laneCopies} to be written back after the call), or zeros
   * for a value without tangents.
   */
  private Object laneOf(JType type, Object all, Expr arg, Code out, Map<String, String> laneCopies) {
    String whole = context.dotOfArray(arg);
    if (whole == null && isNamed(arg)) {
      return arg instanceof Expr.Literal ? "null" : arrays.zerosLike(arg);
    }
    if (whole != null && laneCopies.containsKey(whole)) {
      return laneCopies.get(whole); // one array passed twice: one copy, as the rule would see one array
    }
    String one = names.fresh("lane");
    out.declare(type.sourceText(), one, Snippet.of(RuntimeClasses.LANES, ".lane(", all,
        ", " + lanes.count() + ", " + lanes.index() + ")"));
    if (whole != null) {
      laneCopies.put(whole, one);
    }
    return one;
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
