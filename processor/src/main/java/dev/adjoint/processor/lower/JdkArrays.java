package dev.adjoint.processor.lower;

import dev.adjoint.processor.ir.AssignOp;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MathFunction;
import dev.adjoint.processor.ir.SourceLine;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.UnaryOp;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDK's array helpers on {@code double[]} and {@code float[]}, lowered to the loops they run,
 * so that they are differentiated like any loop (and their copies recorded like any element
 * write): {@code System.arraycopy}, {@code Arrays.fill} (whole or a range), and
 * {@code Arrays.copyOf}/{@code copyOfRange} as the whole value of a declaration or assignment.
 * {@code arraycopy} copies as if through a temporary, as the JDK does: from the front where the
 * destination starts at or before the source, else from the back, so overlapping ranges of one
 * array come out right. Arguments are evaluated once, before any element moves.
 */
final class JdkArrays {
  private static final Expr ZERO = new Expr.Literal("0", JType.INT, null);
  private static final Expr ONE = new Expr.Literal("1", JType.INT, null);

  private final EvaluationOrder.Locals temps;

  JdkArrays(EvaluationOrder.Locals temps) {
    this.temps = temps;
  }

  List<Stmt> lower(List<Stmt> in, int depth) {
    return StatementLists.rewrite(in, depth, this::lowerOne);
  }

  private List<Stmt> lowerOne(Stmt s, int depth) {
    if (s instanceof Stmt.Eval e && is(e.call(), "java.lang.System", "arraycopy", 5)
        && floatingArrays(e.call().args().get(0), e.call().args().get(2))) {
      return arraycopy(e.call().args(), depth, e.source());
    } else if (s instanceof Stmt.Eval e && is(e.call(), "java.util.Arrays", "fill", 2, 4)
        && floatingArrays(e.call().args().get(0))) {
      return fill(e.call().args(), depth, e.source());
    } else if (s instanceof Stmt.LocalDecl d && copy(d.init()) != null) {
      Expr target = new Expr.VarRef(d.variable(), null);
      return copy(copy(d.init()), array -> new Stmt.LocalDecl(d.variable(), array, d.source()), target, depth, d.source());
    } else if (s instanceof Stmt.Assign a && a.op() == AssignOp.SET && a.target() instanceof Expr.VarRef
        && copy(a.value()) != null) {
      return copy(copy(a.value()), array -> new Stmt.Assign(a.target(), AssignOp.SET, array, a.source()), a.target(), depth,
          a.source());
    }
    return List.of(s);
  }

  private static boolean is(Expr.Invoke call, String owner, String name, int... arities) {
    if (!call.target().owner().equals(owner) || !call.target().name().equals(name)) {
      return false;
    }
    for (int arity : arities) {
      if (call.args().size() == arity) {
        return true;
      }
    }
    return false;
  }

  private static boolean floatingArrays(Expr... arrays) {
    for (Expr a : arrays) {
      if (!(a.type().isFloating() && a.type().dims() == 1) || a.type().base() != arrays[0].type().base()) {
        return false;
      }
    }
    return true;
  }

  /** The copyOf or copyOfRange call that is e, or null. */
  private static Expr.Invoke copy(Expr e) {
    return e instanceof Expr.Invoke call && (is(call, "java.util.Arrays", "copyOf", 2)
        || is(call, "java.util.Arrays", "copyOfRange", 3)) && floatingArrays(call.args().get(0)) ? call : null;
  }

  /**
   * {@code target = Arrays.copyOf(source, size)} or {@code copyOfRange(source, from, to)}: the
   * arguments once, a fresh array of the size (declared or assigned by {@code assign}), and the
   * loop that copies the elements the source has; the rest stays zero, as the JDK pads it.
   */
  private List<Stmt> copy(Expr.Invoke call, java.util.function.Function<Expr, Stmt> assign, Expr target, int depth,
      SourceLine line) {
    List<Stmt> out = new ArrayList<>();
    Expr source = once(call.args().get(0), "source", out, depth, line);
    Expr from = call.args().size() == 3 ? once(call.args().get(1), "from", out, depth, line) : ZERO;
    Expr size = call.args().size() == 3 ? once(minus(call.args().get(2), from), "size", out, depth, line)
        : once(call.args().get(1), "size", out, depth, line);
    out.add(assign.apply(new Expr.NewArray(call.type(), List.of(size), null)));
    Expr available = new Expr.MathCall(MathFunction.MIN, "Math",
        List.of(size, minus(new Expr.Length(source, null), from)), JType.INT, null);
    Variable k = temps.make("k", JType.INT, depth + 1);
    Expr element = new Expr.ArrayRead(source, plus(from, ref(k)), source.type().element(), null);
    out.add(upward(k, ZERO, available,
        new Stmt.Assign(new Expr.ArrayRead(target, ref(k), source.type().element(), null), AssignOp.SET, element, line),
        line));
    return out;
  }

  /** {@code System.arraycopy(src, srcPos, dest, destPos, length)}, overlapping ranges included. */
  private List<Stmt> arraycopy(List<Expr> args, int depth, SourceLine line) {
    List<Stmt> out = new ArrayList<>();
    Expr src = once(args.get(0), "src", out, depth, line);
    Expr srcPos = once(args.get(1), "srcPos", out, depth, line);
    Expr dest = once(args.get(2), "dest", out, depth, line);
    Expr destPos = once(args.get(3), "destPos", out, depth, line);
    Expr length = once(args.get(4), "length", out, depth, line);
    JType element = src.type().element();
    Variable up = temps.make("k", JType.INT, depth + 1);
    Variable down = temps.make("k", JType.INT, depth + 1);
    Stmt forward = upward(up, ZERO, length, move(dest, destPos, src, srcPos, up, element, line), line);
    Stmt backward = downward(down, minus(length, ONE), move(dest, destPos, src, srcPos, down, element, line), line);
    // moving towards the front, copy from the front: no element is overwritten before it is read
    out.add(new Stmt.If(new Expr.Binary(BinaryOp.LE, destPos, srcPos, JType.BOOLEAN, null), forward, backward, line));
    return out;
  }

  private static Stmt move(Expr dest, Expr destPos, Expr src, Expr srcPos, Variable k, JType element, SourceLine line) {
    return new Stmt.Assign(new Expr.ArrayRead(dest, plus(destPos, ref(k)), element, null), AssignOp.SET,
        new Expr.ArrayRead(src, plus(srcPos, ref(k)), element, null), line);
  }

  /** {@code Arrays.fill(a, v)} or {@code Arrays.fill(a, from, to, v)}. */
  private List<Stmt> fill(List<Expr> args, int depth, SourceLine line) {
    List<Stmt> out = new ArrayList<>();
    Expr array = once(args.get(0), "array", out, depth, line);
    Expr from = args.size() == 4 ? once(args.get(1), "from", out, depth, line) : ZERO;
    Expr to = args.size() == 4 ? once(args.get(2), "to", out, depth, line) : new Expr.Length(array, null);
    Expr value = once(args.get(args.size() - 1), "fillValue", out, depth, line);
    Variable k = temps.make("k", JType.INT, depth + 1);
    out.add(upward(k, from, to,
        new Stmt.Assign(new Expr.ArrayRead(array, ref(k), array.type().element(), null), AssignOp.SET, value, line), line));
    return out;
  }

  /** e itself where reading it again is free and sure to give the same value, else a temporary holding it. */
  private Expr once(Expr e, String hint, List<Stmt> out, int depth, SourceLine line) {
    if (e instanceof Expr.Literal || e instanceof Expr.VarRef) {
      return e;
    }
    Variable t = temps.make(hint, e.type(), depth);
    out.add(new Stmt.LocalDecl(t, e, line));
    return ref(t);
  }

  /** {@code for (int k = start; k < end; k++) body}. */
  private static Stmt upward(Variable k, Expr start, Expr end, Stmt body, SourceLine line) {
    return new Stmt.CountedLoop(k, start, new Expr.Binary(BinaryOp.LT, ref(k), end, JType.BOOLEAN, null), ONE,
        new Stmt.Block(List.of(body), null), line);
  }

  /** {@code for (int k = start; k >= 0; k--) body}. */
  private static Stmt downward(Variable k, Expr start, Stmt body, SourceLine line) {
    return new Stmt.CountedLoop(k, start, new Expr.Binary(BinaryOp.GE, ref(k), ZERO, JType.BOOLEAN, null),
        new Expr.Unary(UnaryOp.NEGATE, ONE, JType.INT, null), new Stmt.Block(List.of(body), null), line);
  }

  private static Expr plus(Expr a, Expr b) {
    return a == ZERO ? b : new Expr.Binary(BinaryOp.ADD, a, b, JType.INT, null);
  }

  private static Expr minus(Expr a, Expr b) {
    return b == ZERO ? a : new Expr.Binary(BinaryOp.SUB, a, b, JType.INT, null);
  }

  private static Expr ref(Variable v) {
    return new Expr.VarRef(v, null);
  }
}
