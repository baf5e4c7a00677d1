package dev.adjoint.processor.lower;

import dev.adjoint.processor.ir.AssignOp;
import dev.adjoint.processor.ir.CallTarget;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrRewriter;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.SourceLine;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.ir.Visibility;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Inlines calls of differentiable methods compiled in the same round where that is simple (not
 * recursive, one final return, at most {@value #MAX_INLINE_DEPTH} deep, declared in the caller's
 * package), so the caller's one sweep covers them: without it, each callee's pullback would run its
 * forward sweep again. The callee's body is lowered as the caller's is ({@link Lowering}).
 */
final class Inliner {
  /** Inlining stops this deep, which bounds the size of generated code. */
  static final int MAX_INLINE_DEPTH = 6;

  /** What inlining needs from the normalizer: the callee's body lowered as the caller's. */
  interface Lowering {
    /** Runs work as if at loop depth depth, in a body without early returns. */
    List<Stmt> atDepth(int depth, Supplier<List<Stmt>> work);

    /** Lowers control flow (loops, break, continue). */
    List<Stmt> lower(List<Stmt> statements);

    /** Moves calls nested in expressions into statements of their own. */
    List<Stmt> extractCalls(List<Stmt> statements);

    /** A fresh synthetic local. */
    Variable synth(String hint, JType type);
  }

  private final Map<String, MethodIR> inlinable;
  private final Lowering lowering;
  /** The caller's package: a callee from another may use members the caller's adjoint cannot name. */
  private final String callerPackage;
  /** The methods being inlined into one another, the caller first: none is inlined into itself. */
  private final Deque<String> inlining = new ArrayDeque<>();

  /**
   * @param caller the key ({@link Normalizer#key}) of the method calls are inlined into
   * @param callerPackage the package of its class
   */
  Inliner(String caller, String callerPackage, Map<String, MethodIR> inlinable, Lowering lowering) {
    this.inlinable = inlinable;
    this.lowering = lowering;
    this.callerPackage = callerPackage;
    inlining.push(caller);
  }


  List<Stmt> inlineCalls(List<Stmt> in, int depth) {
    return StatementLists.rewrite(in, depth, this::inlineIn);
  }

  private List<Stmt> inlineIn(Stmt s, int depth) {
    if (s instanceof Stmt.LocalDecl d && inlinableCall(d.init()) != null) {
      return expand(inlinableCall(d.init()), d.source(), depth, (r, line) -> new Stmt.LocalDecl(d.variable(), r, line));
    } else if (s instanceof Stmt.Assign a && inlinableCall(a.value()) != null
        && (a.op() == AssignOp.SET || a.op() == AssignOp.ADD || a.op() == AssignOp.SUB)) {
      return expand(inlinableCall(a.value()), a.source(), depth, (r, line) -> new Stmt.Assign(a.target(), a.op(), r, line));
    } else if (s instanceof Stmt.Eval e && inlinableCall(e.call()) != null) {
      return expand(e.call(), e.source(), depth, null);
    } else if (s instanceof Stmt.Return r && inlinableCall(r.value()) != null) {
      return expand(inlinableCall(r.value()), r.source(), depth, (v, line) -> new Stmt.Return(v, line));
    }
    return List.of(s);
  }

  /** The call, if it is one Adjoint can inline. */
  private Expr.Invoke inlinableCall(Expr e) {
    if (!(e instanceof Expr.Invoke call) || call.target().kind() != CallTarget.Kind.DIFFERENTIABLE
        || inlining.size() > MAX_INLINE_DEPTH) {
      return null;
    }
    String key = Normalizer.key(call.target().owner(), call.target().name());
    MethodIR callee = inlinable.get(key);
    if (callee == null || inlining.contains(key) || !respectsWrt(call)
        || !Visibility.packageOf(callee.owner()).equals(callerPackage)) {
      return null; // across packages, the callee's public pullback is called instead
    }
    return hasOnlyFinalReturn(callee) && !hasCheckpointedLoop(callee) ? call : null;
  }

  /** A callee whose time loop is checkpointed keeps its own sweep, where that loop is a statement of the body. */
  private static boolean hasCheckpointedLoop(MethodIR callee) {
    boolean[] found = {false};
    IrWalker.statements(callee.body(), x -> found[0] |= x instanceof Stmt.For f && f.snapshots() > 0
        || Stmt.isCheckpointedLoop(x));
    return found[0];
  }

  /**
   * A callee restricted by {@code wrt} is inlined only where its other floating-point arguments
   * are constants or fields, so inlining neither adds nor loses a derivative path.
   */
  private static boolean respectsWrt(Expr.Invoke call) {
    List<CallTarget.Param> params = call.target().params();
    for (int i = 0; i < params.size(); i++) {
      CallTarget.Param p = params.get(i);
      Expr arg = call.args().get(i);
      if (p.type().isFloating() && !p.differentiable()
          && !(arg instanceof Expr.Literal || arg instanceof Expr.FieldRead)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether an argument can stand for its parameter throughout the inlined body: the callee cannot
   * change a caller's variable, so a name, a constant, or (for an array parameter) a row
   * {@code a[i]} named by a variable or constant always means the same value or array there.
   */
  private static boolean isStableArgument(Expr e, boolean array) {
    if (e instanceof Expr.VarRef || e instanceof Expr.Literal l && !l.text().equals("null")) {
      return true; // null stays a local: null[i], even unreached, is not Java
    }
    if (e instanceof Expr.FieldRead f) {
      return f.receiver() == null || f.receiver() instanceof Expr.VarRef;
    }
    return array && e instanceof Expr.ArrayRead a && isStableArgument(a.array(), true)
        && (a.index() instanceof Expr.VarRef || a.index() instanceof Expr.Literal);
  }

  private static boolean hasOnlyFinalReturn(MethodIR callee) {
    List<Stmt> top = callee.body().statements();
    int[] returns = {0};
    IrWalker.statements(callee.body(), x -> returns[0] += x instanceof Stmt.Return ? 1 : 0);
    boolean endsWithReturn = !top.isEmpty() && top.get(top.size() - 1) instanceof Stmt.Return;
    return callee.returnType().isVoid() ? returns[0] == 0 || returns[0] == 1 && endsWithReturn
        : returns[0] == 1 && endsWithReturn;
  }

  /**
   * The callee's body in place of the call: its parameters become locals initialised with the
   * arguments (arrays by reference, as Java passes them), its body follows, normalized in turn,
   * and its final return value goes to {@code finish}. The arguments keep the call's line, so the
   * reverse sweep labels each part with the line it comes from: the callee's own statements and
   * return with the callee's lines, the arguments with the caller's.
   */
  private List<Stmt> expand(Expr.Invoke call, SourceLine callSite, int depth,
      java.util.function.BiFunction<Expr, SourceLine, Stmt> finish) {
    String key = Normalizer.key(call.target().owner(), call.target().name());
    MethodIR callee = inlinable.get(key);
    Map<Variable, Variable> map = new java.util.HashMap<>();
    Map<Variable, Expr> substitutions = new java.util.HashMap<>();
    IrRewriter copier = IrCopier.of(map, substitutions, depth);
    List<Stmt> out = new ArrayList<>();
    Set<Variable> reassigned = IrWalker.writtenVariables(callee.body());
    int arg = 0;
    for (Variable p : callee.params()) {
      Expr value = p.kind() == Variable.Kind.RECEIVER ? call.receiver() : call.args().get(arg++);
      if (!reassigned.contains(p) && isStableArgument(value, p.type().isArray())) {
        substitutions.put(p, value); // the body reads the argument itself: no local to record
        continue;
      }
      Variable local = new Variable(p.sourceName(), p.type(), Variable.Kind.LOCAL, depth);
      map.put(p, local);
      out.add(new Stmt.LocalDecl(local, value, callSite));
    }
    List<Stmt> statements = new ArrayList<>(callee.body().statements());
    Stmt.Return last = !statements.isEmpty() && statements.get(statements.size() - 1) instanceof Stmt.Return r ? r : null;
    if (last != null) {
      statements.remove(statements.size() - 1);
    }
    List<Stmt> copied = copier.statements(statements);
    Expr result = last == null ? null : copier.expression(last.value());
    inlining.push(key);
    List<Stmt> lowered = lowering.atDepth(depth, () -> {
      List<Stmt> body = new ArrayList<>(lowering.lower(copied));
      // the returned value may call methods too (which may write into arrays): it is the last
      // statement, its calls extracted like the body's; a discarded one is still evaluated
      SourceLine returnLine = last == null || last.source() == null ? callSite : last.source();
      if (finish != null) {
        body.add(finish.apply(result, returnLine));
      } else if (result != null) {
        body.add(new Stmt.LocalDecl(lowering.synth("discarded", result.type()), result, returnLine));
      }
      return inlineCalls(lowering.extractCalls(body), depth);
    });
    inlining.pop();
    out.addAll(lowered);
    return out;
  }
}
