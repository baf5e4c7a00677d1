package dev.adjoint.processor.lower;

import dev.adjoint.processor.ir.AssignOp;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.CallTarget;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.UnaryOp;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes Java's order of evaluation explicit in statements, which the reverse sweep can undo one
 * at a time. Calls of differentiable methods move out of expressions into statements of their
 * own, so the reverse sweep calls each pullback once and never re-runs a callee for its value,
 * and an array index that reads array elements is computed into a local before the write, so the
 * reverse sweep uses the index the forward sweep wrote to, not one recomputed from the
 * overwritten array. Java's evaluation order is kept:
 * <ul>
 *   <li>an operand read before a call that may write into an array (any call with an array
 *       argument) is computed into a temporary before the call, as Java reads it;
 *   <li>a call in a condition ({@code if}, {@code while}) runs before the statement, a loop's
 *       again at the end of each trip;
 *   <li>a call in a branch of {@code ?:} or on the right of {@code &&}/{@code ||} becomes an
 *       {@code if} statement, so it runs (and is reversed) only when Java would run it.
 * </ul>
 */
final class EvaluationOrder {
  /** Makes a synthetic local at the given loop depth. */
  interface Locals {
    Variable make(String hint, JType type, int loopDepth);
  }

  private final Locals locals;
  private int loopDepth;

  EvaluationOrder(Locals locals) {
    this.locals = locals;
  }

  List<Stmt> statements(List<Stmt> in) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : in) {
      List<Stmt> before = new ArrayList<>();
      Stmt rewritten = statement(s, before);
      before.forEach(b -> out.add(s.source() == null ? b : fromLine(b, s.source())));
      out.add(rewritten);
    }
    return out;
  }

  /** A temporary's declaration or assignment, labelled with the line it was taken out of. */
  private static Stmt fromLine(Stmt s, dev.adjoint.processor.ir.SourceLine line) {
    if (s instanceof Stmt.LocalDecl d && d.source() == null) {
      return new Stmt.LocalDecl(d.variable(), d.init(), line);
    } else if (s instanceof Stmt.Assign a && a.source() == null) {
      return new Stmt.Assign(a.target(), a.op(), a.value(), line);
    } else if (s instanceof Stmt.Eval e && e.source() == null) {
      return new Stmt.Eval(e.call(), line);
    }
    return s;
  }

  /** s rewritten; what must run before it goes to {@code before} (null: s needs a block of its own). */
  private Stmt statement(Stmt s, List<Stmt> before) {
    if (s instanceof Stmt.Block b) {
      return new Stmt.Block(statements(b.statements()), b.source());
    }
    if (before == null) {
      List<Stmt> local = new ArrayList<>();
      Stmt r = statement(s, local);
      if (local.isEmpty()) {
        return r;
      }
      local.add(r);
      return new Stmt.Block(local, null);
    }
    if (s instanceof Stmt.If i) {
      Expr condition = extract(i.condition(), before);
      return new Stmt.If(condition, statement(i.then(), null),
          i.otherwise() == null ? null : statement(i.otherwise(), null), i.source());
    } else if (s instanceof Stmt.While w) {
      return loop(w, before);
    } else if (s instanceof Stmt.CountedLoop c) {
      loopDepth++;
      Stmt body = statement(c.body(), null);
      loopDepth--;
      return new Stmt.CountedLoop(c.index(), c.start(), c.condition(), c.step(), body, c.source(), c.snapshots());
    } else if (s instanceof Stmt.LocalDecl d && d.init() != null) {
      return new Stmt.LocalDecl(d.variable(), topLevel(d.init(), before), d.source());
    } else if (s instanceof Stmt.Assign a) {
      return assignment(a, before);
    } else if (s instanceof Stmt.Eval e) {
      return new Stmt.Eval((Expr.Invoke) topLevel(e.call(), before), e.source());
    } else if (s instanceof Stmt.Return r && r.value() != null) {
      Expr value = r.value().type().isArray() ? extract(r.value(), before) : topLevel(r.value(), before);
      return new Stmt.Return(value, r.source());
    }
    return s;
  }

  /**
   * A loop whose condition calls a differentiable method evaluates it into a flag: once before
   * the loop and again at the end of each trip (a do loop only at the end).
   */
  private Stmt loop(Stmt.While w, List<Stmt> before) {
    loopDepth++;
    Stmt body = statement(w.body(), null);
    loopDepth--;
    if (w.condition() == null || !hasCall(w.condition())) {
      return new Stmt.While(w.condition(), body, w.doWhile(), w.source(), w.snapshots());
    }
    Variable more = locals.make("more", JType.BOOLEAN, loopDepth);
    if (w.doWhile()) {
      before.add(new Stmt.LocalDecl(more, new Expr.Literal("false", JType.BOOLEAN, null), null));
    } else {
      before.add(new Stmt.LocalDecl(more, extract(w.condition(), before), null));
    }
    loopDepth++;
    List<Stmt> trip = new ArrayList<>();
    trip.add(body);
    Expr again = extract(w.condition(), trip);
    trip.add(new Stmt.Assign(ref(more), AssignOp.SET, again, null));
    loopDepth--;
    return new Stmt.While(ref(more), new Stmt.Block(trip, null), w.doWhile(), w.source(), w.snapshots());
  }

  /**
   * An assignment whose value calls a method that may write into arrays: Java reads the target's
   * index, and for a compound assignment its old value, before the call runs.
   */
  private Stmt assignment(Stmt.Assign a, List<Stmt> before) {
    boolean wholeIsFine = a.op() == AssignOp.SET || a.op() == AssignOp.ADD || a.op() == AssignOp.SUB;
    Expr target = a.target() instanceof Expr.ArrayRead element ? stableIndices(element, before) : a.target();
    if (target instanceof Expr.ArrayRead element && hasWritingCall(a.value())) {
      if (a.op() != AssignOp.SET) {
        Expr old = spill(target, before);
        Expr value = extract(a.value(), before);
        JType elementType = element.type();
        JType wider = value.type().base() == JType.Base.DOUBLE ? value.type() : elementType;
        Expr combined = new Expr.Binary(a.op().binary(), old, value, wider, null);
        // a compound assignment narrows implicitly (float += double); a plain one needs the cast
        return new Stmt.Assign(target, AssignOp.SET,
            wider.equals(elementType) ? combined : new Expr.Cast(elementType, combined, null), a.source());
      }
    }
    Expr value = wholeIsFine ? topLevel(a.value(), before) : extract(a.value(), before);
    return new Stmt.Assign(target, a.op(), value, a.source());
  }

  /**
   * An element target whose indices that read array elements or call differentiable methods are
   * computed into locals first.
   */
  private Expr.ArrayRead stableIndices(Expr.ArrayRead element, List<Stmt> before) {
    Expr array = element.array() instanceof Expr.ArrayRead inner ? stableIndices(inner, before) : element.array();
    Expr index = element.index();
    if (readsArrays(index) || hasCall(index)) {
      index = spill(extract(index, before), before, "index");
    }
    return new Expr.ArrayRead(array, index, element.type(), element.tree());
  }

  /** An expression that is the whole right-hand side: a call may stay, its arguments may not hold calls. */
  private Expr topLevel(Expr e, List<Stmt> before) {
    if (e instanceof Expr.Invoke i && i.target().kind() != CallTarget.Kind.PASSIVE) {
      return new Expr.Invoke(i.target(), i.receiver(), inOrder(i.args(), before), i.type(), i.tree());
    }
    return extract(e, before);
  }

  /**
   * Operands evaluated left to right: one that reads array elements is computed into a
   * temporary first when an operand after it holds a call that may write into an array.
   */
  private List<Expr> inOrder(List<Expr> operands, List<Stmt> before) {
    List<Expr> out = new ArrayList<>();
    for (int i = 0; i < operands.size(); i++) {
      Expr e = extract(operands.get(i), before);
      boolean writtenLater = false;
      for (Expr later : operands.subList(i + 1, operands.size())) {
        writtenLater |= hasWritingCall(later);
      }
      out.add(writtenLater && readsArrays(e) ? spill(e, before) : e);
    }
    return out;
  }

  /** Moves differentiated calls and counter steps out of e, innermost and leftmost first, in evaluation order. */
  private Expr extract(Expr e, List<Stmt> before) {
    if (e instanceof Expr.Step s) {
      // the validator made sure nothing else in the statement uses the counter
      Expr value = s.prefix() ? null : spill(ref(s.variable()), before, s.variable().sourceName());
      Expr one = new Expr.Literal("1", JType.INT, null);
      before.add(new Stmt.Assign(ref(s.variable()), s.up() ? AssignOp.ADD : AssignOp.SUB, one, null));
      return value != null ? value : ref(s.variable());
    }
    if (e instanceof Expr.Invoke i && i.target().kind() != CallTarget.Kind.PASSIVE) {
      Expr.Invoke call = new Expr.Invoke(i.target(), i.receiver(), inOrder(i.args(), before), i.type(), i.tree());
      if (call.type().isVoid()) {
        return call;
      }
      return spill(call, before, i.target().name());
    }
    if (e instanceof Expr.Binary b) {
      boolean shortCircuit = b.op() == BinaryOp.CAND || b.op() == BinaryOp.COR;
      if (shortCircuit && hasCall(b.right())) {
        return shortCircuit(b, before);
      }
      if (shortCircuit) {
        return new Expr.Binary(b.op(), extract(b.left(), before), b.right(), b.type(), b.tree());
      }
      List<Expr> both = inOrder(List.of(b.left(), b.right()), before);
      return new Expr.Binary(b.op(), both.get(0), both.get(1), b.type(), b.tree());
    } else if (e instanceof Expr.Unary u) {
      return new Expr.Unary(u.op(), extract(u.operand(), before), u.type(), u.tree());
    } else if (e instanceof Expr.Cast c) {
      return new Expr.Cast(c.type(), extract(c.operand(), before), c.tree());
    } else if (e instanceof Expr.MathCall m) {
      return new Expr.MathCall(m.function(), m.owner(), inOrder(m.args(), before), m.type(), m.tree());
    } else if (e instanceof Expr.Conditional c) {
      if (hasCall(c.ifTrue()) || hasCall(c.ifFalse()) || hasInitializer(c.ifTrue()) || hasInitializer(c.ifFalse())) {
        return conditional(c, before);
      }
      return new Expr.Conditional(extract(c.condition(), before), c.ifTrue(), c.ifFalse(), c.type(), c.tree());
    } else if (e instanceof Expr.ArrayRead a) {
      List<Expr> both = inOrder(List.of(a.array(), a.index()), before);
      return new Expr.ArrayRead(both.get(0), both.get(1), a.type(), a.tree());
    } else if (e instanceof Expr.Invoke i) {
      return new Expr.Invoke(i.target(), i.receiver(), inOrder(i.args(), before), i.type(), i.tree());
    } else if (e instanceof Expr.ArrayInit a && a.type().dims() > 1) {
      // a matrix holds its rows themselves: each row a variable, so that the row's adjoint is one
      List<Expr> rows = new ArrayList<>();
      for (Expr row : inOrder(a.elements(), before)) {
        rows.add(row instanceof Expr.VarRef || row instanceof Expr.ArrayRead || row instanceof Expr.Literal ? row
            : spill(row, before, "row"));
      }
      return new Expr.ArrayInit(a.type(), rows, a.tree());
    } else if (e instanceof Expr.ArrayInit a) {
      return new Expr.ArrayInit(a.type(), inOrder(a.elements(), before), a.tree());
    } else if (e instanceof Expr.NewArray n) {
      return new Expr.NewArray(n.type(), inOrder(n.dimensions(), before), n.tree());
    } else if (e instanceof Expr.Length l) {
      return new Expr.Length(extract(l.array(), before), l.tree());
    } else if (e instanceof Expr.ArrayCopy c) {
      return new Expr.ArrayCopy(extract(c.source(), before), c.tree());
    } else if (e instanceof Expr.FieldRead f && f.receiver() != null) {
      return new Expr.FieldRead(extract(f.receiver(), before), f.owner(), f.name(), f.type(), f.tree(), f.visibility());
    }
    return e;
  }

  /**
   * Whether e holds an array initializer, whose entries the sweeps differentiate with statements of
   * their own: on a conditional's branch those must run only on that branch ({@code a[i]} may exist
   * only there).
   */
  private static boolean hasInitializer(Expr e) {
    boolean[] found = {false};
    IrWalker.expressions(e, x -> found[0] |= x instanceof Expr.ArrayInit);
    return found[0];
  }

  /** {@code c ? p : q} with a call or an initializer in a branch: an if statement that sets a temporary. */
  private Expr conditional(Expr.Conditional c, List<Stmt> before) {
    Expr condition = extract(c.condition(), before);
    Variable t = locals.make("choice", c.type(), loopDepth);
    before.add(new Stmt.LocalDecl(t, zero(c.type()), null));
    before.add(new Stmt.If(condition, branch(t, c.ifTrue()), branch(t, c.ifFalse()), null));
    return ref(t);
  }

  /** {@code l && r} or {@code l || r} with a call in r: r runs in an if statement, as Java runs it. */
  private Expr shortCircuit(Expr.Binary b, List<Stmt> before) {
    Variable t = locals.make(b.op() == BinaryOp.CAND ? "both" : "either", JType.BOOLEAN, loopDepth);
    before.add(new Stmt.LocalDecl(t, extract(b.left(), before), null));
    Expr runRight = b.op() == BinaryOp.CAND ? ref(t) : new Expr.Unary(UnaryOp.NOT, ref(t), JType.BOOLEAN, null);
    before.add(new Stmt.If(runRight, branch(t, b.right()), null, null));
    return ref(t);
  }

  private Stmt branch(Variable t, Expr value) {
    List<Stmt> inside = new ArrayList<>();
    Expr v = topLevel(value, inside);
    inside.add(new Stmt.Assign(ref(t), AssignOp.SET, v, null));
    return new Stmt.Block(inside, null);
  }

  private Expr spill(Expr e, List<Stmt> before) {
    return spill(e, before, "operand");
  }

  private Expr spill(Expr e, List<Stmt> before, String hint) {
    Variable t = locals.make(hint, e.type(), loopDepth);
    before.add(new Stmt.LocalDecl(t, e, null));
    return ref(t);
  }

  /** Whether e holds a differentiated call or a counter step: something that must run in order, once. */
  private static boolean hasCall(Expr e) {
    boolean[] found = {false};
    IrWalker.expressions(e, x -> found[0] |= x instanceof Expr.Invoke i && i.target().kind() != CallTarget.Kind.PASSIVE
        || x instanceof Expr.Step);
    return found[0];
  }

  /**
   * Whether e holds a differentiable call that writes into an array argument: as its mutation
   * summary says, or, without one, any call with an array argument.
   */
  private static boolean hasWritingCall(Expr e) {
    boolean[] found = {false};
    IrWalker.expressions(e, x -> {
      if (x instanceof Expr.Invoke i && i.target().kind() != CallTarget.Kind.PASSIVE) {
        for (int k = 0; k < i.args().size(); k++) {
          boolean writes = i.target().mutated() == null || i.target().mutated().get(k);
          found[0] |= writes && i.args().get(k).type().isArray();
        }
      }
    });
    return found[0];
  }

  private static boolean readsArrays(Expr e) {
    boolean[] found = {false};
    IrWalker.expressions(e, x -> found[0] |= x instanceof Expr.ArrayRead || x instanceof Expr.ArrayCopy);
    return found[0];
  }

  private static Expr zero(JType type) {
    String text = type.isArray() ? "null" : switch (type.base()) {
      case BOOLEAN -> "false";
      case FLOAT -> "0f";
      case DOUBLE -> "0.0";
      default -> "0";
    };
    return new Expr.Literal(text, type, null);
  }

  private static Expr ref(Variable v) {
    return new Expr.VarRef(v, null);
  }
}
