package dev.adjoint.processor.lower;

import dev.adjoint.processor.ir.AssignOp;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.UnaryOp;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.ir.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a method body into the shape the transform reverses statement by statement:
 * <ul>
 *   <li>loop structure: a for loop whose index only its header changes becomes a
 *       {@link Stmt.CountedLoop} (the reverse sweep recomputes the index from the trip number);
 *       other loops become while loops; enhanced for loops become counted loops;
 *   <li>break, continue and early return become boolean flags, with the rest of each statement
 *       list guarded by them, so that every loop iteration runs a straight sequence of structured
 *       statements whose branches the forward sweep can record;
 *   <li>calls of differentiable methods nested inside expressions move into statements of their
 *       own ({@link EvaluationOrder});
 *   <li>calls of differentiable methods compiled in the same round are inlined where that is
 *       simple ({@link Inliner}).
 * </ul>
 */
public final class Normalizer {
  private static final Expr TRUE = new Expr.Literal("true", JType.BOOLEAN, null);
  private static final Expr FALSE = new Expr.Literal("false", JType.BOOLEAN, null);

  private final MethodIR method;
  private final Map<String, MethodIR> inlinable;
  private int synthetic;
  private Variable returnFlag;
  private Variable result;
  private int loopDepth;

  private Normalizer(MethodIR method, Map<String, MethodIR> inlinable) {
    this.method = method;
    this.inlinable = inlinable;
  }

  /** Normalizes without inlining. */
  public static MethodIR normalize(MethodIR method) {
    return normalize(method, Map.of());
  }

  /**
   * Normalizes, inlining calls of the given methods (as read, keyed by {@link #key}) where
   * possible.
   */
  public static MethodIR normalize(MethodIR method, Map<String, MethodIR> inlinable) {
    return new Normalizer(method, inlinable).run();
  }

  /** The key of a method for inlining: {@code qualified.Owner#name} (overloads are rejected). */
  public static String key(String owner, String name) {
    return owner + "#" + name;
  }

  /** The flags of the innermost loop being lowered. */
  private record LoopFlags(Variable breakFlag, Variable continueFlag) {}

  private MethodIR run() {
    List<Stmt> top = method.body().statements();
    boolean earlyReturn = hasEarlyReturn(top);
    List<Stmt> out = new ArrayList<>();
    if (earlyReturn) {
      returnFlag = synth("returned", JType.BOOLEAN);
      out.add(new Stmt.LocalDecl(returnFlag, FALSE, null));
      if (!method.returnType().isVoid()) {
        result = synth("result", method.returnType());
        out.add(new Stmt.LocalDecl(result, defaultValue(method.returnType()), null));
      }
    }
    out.addAll(lowerList(top, null));
    if (earlyReturn) {
      out.add(new Stmt.Return(result == null ? null : ref(result), null));
    }
    Inliner inliner = new Inliner(key(method.owner().getQualifiedName().toString(), method.name()),
        Visibility.packageOf(method.owner()), inlinable,
        new CalleeLowering());
    List<Stmt> extracted = PrivateFieldLocals.hoist(inliner.inlineCalls(extractCalls(out), 0));
    return new MethodIR(method.element(), method.owner(), method.params(), method.wrt(), method.returnType(),
        new Stmt.Block(extracted, null), method.sourceFile());
  }

  private static boolean hasEarlyReturn(List<Stmt> top) {
    int[] returns = {0};
    for (Stmt s : top) {
      IrWalker.statements(s, x -> {
        if (x instanceof Stmt.Return) {
          returns[0]++;
        }
      });
    }
    boolean lastIsReturn = !top.isEmpty() && top.get(top.size() - 1) instanceof Stmt.Return;
    return returns[0] > (lastIsReturn ? 1 : 0);
  }

  // ---- control flow ----

  private List<Stmt> lowerList(List<Stmt> in, LoopFlags loop) {
    List<Stmt> out = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      Stmt s = in.get(i);
      boolean isFinalReturn = returnFlag == null && s instanceof Stmt.Return;
      out.add(isFinalReturn ? s : lower(s, loop));
      Expr exit = exitCondition(s, loop);
      if (exit != null && i + 1 < in.size()) {
        List<Stmt> rest = lowerList(in.subList(i + 1, in.size()), loop);
        out.add(new Stmt.If(not(exit), new Stmt.Block(rest, null), null, null));
        return out;
      }
    }
    return out;
  }

  /** The flags a statement may set that end the current statement list early, or null. */
  private Expr exitCondition(Stmt s, LoopFlags loop) {
    List<Expr> flags = new ArrayList<>();
    if (loop != null && loop.breakFlag() != null && reaches(s, Stmt.Break.class)) {
      flags.add(ref(loop.breakFlag()));
    }
    if (loop != null && loop.continueFlag() != null && reaches(s, Stmt.Continue.class)) {
      flags.add(ref(loop.continueFlag()));
    }
    if (returnFlag != null && containsReturn(s)) {
      flags.add(ref(returnFlag));
    }
    Expr any = null;
    for (Expr f : flags) {
      any = any == null ? f : new Expr.Binary(BinaryOp.COR, any, f, JType.BOOLEAN, null);
    }
    return any;
  }

  private Stmt lower(Stmt s, LoopFlags loop) {
    if (s instanceof Stmt.Block b) {
      return new Stmt.Block(lowerList(b.statements(), loop), b.source());
    } else if (s instanceof Stmt.Break b) {
      return new Stmt.Assign(ref(loop.breakFlag()), AssignOp.SET, TRUE, b.source());
    } else if (s instanceof Stmt.Continue c) {
      return new Stmt.Assign(ref(loop.continueFlag()), AssignOp.SET, TRUE, c.source());
    } else if (s instanceof Stmt.Return r) {
      List<Stmt> seq = new ArrayList<>();
      if (r.value() != null) {
        seq.add(new Stmt.Assign(ref(result), AssignOp.SET, r.value(), r.source()));
      }
      seq.add(new Stmt.Assign(ref(returnFlag), AssignOp.SET, TRUE, r.value() == null ? r.source() : null));
      return new Stmt.Block(seq, null);
    } else if (s instanceof Stmt.If i) {
      return new Stmt.If(i.condition(), lower(i.then(), loop),
          i.otherwise() == null ? null : lower(i.otherwise(), loop), i.source());
    } else if (s instanceof Stmt.ForEach f) {
      return lowerForEach(f);
    } else if (s instanceof Stmt.For f) {
      return lowerFor(f);
    } else if (s instanceof Stmt.While w) {
      return lowerWhile(w);
    }
    return s;
  }

  private Stmt lowerFor(Stmt.For f) {
    List<Stmt> out = new ArrayList<>(f.init());
    LoopFlags flags = flagsFor(f.body(), out);
    loopDepth++;
    List<Stmt> body = loopBody(f.body(), flags);
    loopDepth--;
    Expr condition = guard(f.condition(), flags, f.body());
    Variable index = countedIndex(f);
    if (index != null) {
      out.remove(0); // the index declaration moves into the counted loop's header
      Stmt.Assign update = (Stmt.Assign) f.update().get(0);
      Expr step = update.op() == AssignOp.ADD ? update.value()
          : new Expr.Unary(UnaryOp.NEGATE, update.value(), update.value().type(), null);
      Expr start = ((Stmt.LocalDecl) f.init().get(0)).init();
      out.add(new Stmt.CountedLoop(index, start, condition, step, new Stmt.Block(body, null), f.source(), f.snapshots()));
      return new Stmt.Block(out, null);
    }
    List<Stmt> whileBody = new ArrayList<>(body);
    Expr stop = stopCondition(flags, f.body());
    List<Stmt> update = new ArrayList<>(f.update());
    if (!update.isEmpty()) {
      whileBody.add(stop == null ? new Stmt.Block(update, null) : new Stmt.If(not(stop), new Stmt.Block(update, null), null, null));
    }
    out.add(new Stmt.While(condition, new Stmt.Block(whileBody, null), false, f.source(), f.snapshots()));
    return new Stmt.Block(out, null);
  }

  /** The index of a for loop that only its header changes by a constant step, or null. */
  public static Variable countedIndex(Stmt.For f) {
    if (f.init().size() != 1 || !(f.init().get(0) instanceof Stmt.LocalDecl d) || d.init() == null
        || f.update().size() != 1 || !(f.update().get(0) instanceof Stmt.Assign u)) {
      return null;
    }
    Variable index = d.variable();
    JType t = index.type();
    if (t.dims() != 0 || t.base() != JType.Base.INT && t.base() != JType.Base.LONG) {
      return null;
    }
    if (!(u.target() instanceof Expr.VarRef target) || target.variable() != index
        || u.op() != AssignOp.ADD && u.op() != AssignOp.SUB) {
      return null;
    }
    boolean[] steps = {false};
    for (Expr header : java.util.Arrays.asList(f.condition(), d.init(), u.value())) {
      IrWalker.expressions(header, e -> steps[0] |= e instanceof Expr.Step);
    }
    if (steps[0]) {
      return null; // a header that steps a counter inside an expression runs each trip: not a counted loop
    }
    Set<Variable> written = IrWalker.writtenVariables(f.body());
    boolean stepInvariant = u.value() instanceof Expr.Literal
        || u.value() instanceof Expr.VarRef v && !written.contains(v.variable());
    return stepInvariant && !written.contains(index) ? index : null;
  }

  private Stmt lowerForEach(Stmt.ForEach f) {
    List<Stmt> out = new ArrayList<>();
    Expr array = f.array();
    boolean stable = array instanceof Expr.VarRef v && !IrWalker.writtenVariables(f.body()).contains(v.variable());
    if (!stable) {
      Variable copy = synth("array", array.type());
      out.add(new Stmt.LocalDecl(copy, array, null));
      array = ref(copy);
    }
    Variable k = synth("k", JType.INT);
    loopDepth++;
    Stmt element = new Stmt.LocalDecl(f.variable(), new Expr.ArrayRead(array, ref(k), f.variable().type(), null), null);
    loopDepth--;
    List<Stmt> body = new ArrayList<>();
    body.add(element);
    body.add(f.body());
    Stmt.For loop = new Stmt.For(List.of(new Stmt.LocalDecl(k, new Expr.Literal("0", JType.INT, null), null)),
        new Expr.Binary(BinaryOp.LT, ref(k), new Expr.Length(array, null), JType.BOOLEAN, null),
        List.of(new Stmt.Assign(ref(k), AssignOp.ADD, new Expr.Literal("1", JType.INT, null), null)),
        new Stmt.Block(body, null), f.source());
    out.add(lowerFor(loop));
    return new Stmt.Block(out, null);
  }

  private Stmt lowerWhile(Stmt.While w) {
    List<Stmt> out = new ArrayList<>();
    LoopFlags flags = flagsFor(w.body(), out);
    loopDepth++;
    List<Stmt> body = loopBody(w.body(), flags);
    loopDepth--;
    out.add(new Stmt.While(guard(w.condition(), flags, w.body()), new Stmt.Block(body, null), w.doWhile(), w.source(),
        w.snapshots()));
    return new Stmt.Block(out, null);
  }

  /** Declares the break and continue flags a loop body needs, before the loop. */
  private LoopFlags flagsFor(Stmt body, List<Stmt> before) {
    Variable brk = null;
    Variable cont = null;
    if (reaches(body, Stmt.Break.class)) {
      brk = synth("broke", JType.BOOLEAN);
      before.add(new Stmt.LocalDecl(brk, FALSE, null));
    }
    if (reaches(body, Stmt.Continue.class)) {
      cont = synth("skipped", JType.BOOLEAN);
      before.add(new Stmt.LocalDecl(cont, FALSE, null));
    }
    return new LoopFlags(brk, cont);
  }

  private List<Stmt> loopBody(Stmt body, LoopFlags flags) {
    List<Stmt> out = new ArrayList<>();
    if (flags.continueFlag() != null) {
      out.add(new Stmt.Assign(ref(flags.continueFlag()), AssignOp.SET, FALSE, null));
    }
    List<Stmt> statements = body instanceof Stmt.Block b ? b.statements() : List.of(body);
    out.addAll(lowerList(statements, flags));
    return out;
  }

  /** The loop condition with the break and return flags in front of it. */
  private Expr guard(Expr condition, LoopFlags flags, Stmt body) {
    Expr stop = stopCondition(flags, body);
    if (stop == null) {
      return condition == null ? TRUE : condition;
    }
    return condition == null ? not(stop) : new Expr.Binary(BinaryOp.CAND, not(stop), condition, JType.BOOLEAN, null);
  }

  private Expr stopCondition(LoopFlags flags, Stmt body) {
    Expr stop = flags.breakFlag() == null ? null : ref(flags.breakFlag());
    if (returnFlag != null && containsReturn(body)) {
      stop = stop == null ? ref(returnFlag) : new Expr.Binary(BinaryOp.COR, stop, ref(returnFlag), JType.BOOLEAN, null);
    }
    return stop;
  }

  // ---- helpers ----

  /** Whether a break or continue inside s leaves s's own loop (not a loop nested in s). */
  private static boolean reaches(Stmt s, Class<? extends Stmt> jump) {
    if (jump.isInstance(s)) {
      return true;
    }
    if (s instanceof Stmt.Block b) {
      return b.statements().stream().anyMatch(c -> reaches(c, jump));
    }
    if (s instanceof Stmt.If i) {
      return reaches(i.then(), jump) || i.otherwise() != null && reaches(i.otherwise(), jump);
    }
    return false; // loops own their jumps
  }

  private boolean containsReturn(Stmt s) {
    if (returnFlag == null) {
      return false;
    }
    boolean[] found = {false};
    IrWalker.statements(s, x -> found[0] |= x instanceof Stmt.Return);
    return found[0];
  }

  /** Lowers an inlined callee's body in this method's counters and synthetic names. */
  private final class CalleeLowering implements Inliner.Lowering {
    @Override
    public List<Stmt> atDepth(int depth, java.util.function.Supplier<List<Stmt>> work) {
      int savedDepth = loopDepth;
      loopDepth = depth;
      Variable savedFlag = returnFlag;
      returnFlag = null; // the callee has no early return; its loops' flags are its own
      try {
        return work.get();
      } finally {
        returnFlag = savedFlag;
        loopDepth = savedDepth;
      }
    }

    @Override
    public List<Stmt> lower(List<Stmt> statements) {
      return lowerList(statements, null);
    }

    @Override
    public List<Stmt> extractCalls(List<Stmt> statements) {
      return Normalizer.this.extractCalls(statements);
    }

    @Override
    public Variable synth(String hint, JType type) {
      return Normalizer.this.synth(hint, type);
    }
  }

  /** Calls taken out of expressions in evaluation order, then the JDK's array helpers lowered to loops. */
  private List<Stmt> extractCalls(List<Stmt> in) {
    EvaluationOrder.Locals temporaries = (hint, type, depth) -> new Variable(hint + "$" + synthetic++, type,
        Variable.Kind.SYNTHETIC, loopDepth + depth);
    return new JdkArrays(temporaries).lower(new EvaluationOrder(temporaries).statements(in), 0);
  }

  private Variable synth(String hint, JType type) {
    return new Variable(hint + "$" + synthetic++, type, Variable.Kind.SYNTHETIC, loopDepth);
  }

  private static Expr ref(Variable v) {
    return new Expr.VarRef(v, null);
  }

  private static Expr not(Expr e) {
    return new Expr.Unary(UnaryOp.NOT, e, JType.BOOLEAN, null);
  }

  private static Expr defaultValue(JType type) {
    if (type.isArray()) {
      return new Expr.Literal("null", type, null);
    }
    return new Expr.Literal(type.base() == JType.Base.FLOAT ? "0f" : "0.0", type, null);
  }
}
