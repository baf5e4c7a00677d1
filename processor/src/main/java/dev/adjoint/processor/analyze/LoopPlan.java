package dev.adjoint.processor.analyze;

import dev.adjoint.processor.ir.Arithmetic;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-loop facts for the to-be-recorded analysis: what each loop writes, and which of the scalars
 * declared in its body the reverse sweep can recompute instead of recording. A body temporary such
 * as {@code double d = x[i] - y[i]} depends only on the iteration's indices and on values the loop
 * never changes, so the reverse iteration computes it again and the tape never sees it. Temporaries
 * that call a costly function such as {@code exp} are recorded instead.
 */
public final class LoopPlan {
  private final Aliases aliases;
  private final Map<Stmt, Set<Variable>> writtenScalars = new IdentityHashMap<>();
  private final Map<Stmt, Set<Variable>> declared = new IdentityHashMap<>();
  private final Map<Stmt, Set<Variable>> writtenArrays = new IdentityHashMap<>();
  private final Map<Stmt, List<Stmt.LocalDecl>> recomputable = new IdentityHashMap<>();
  private final Set<Variable> recomputed = new HashSet<>();

  public LoopPlan(MethodIR method, Aliases aliases) {
    this.aliases = aliases;
    Map<Variable, Integer> assignments = new HashMap<>();
    IrWalker.statements(method.body(), s -> {
      Variable v = s instanceof Stmt.LocalDecl d ? d.variable()
          : s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r ? r.variable() : null;
      if (v != null) {
        assignments.merge(v, 1, Integer::sum);
      }
    });
    plan(method.body(), new HashSet<>(), assignments);
  }

  /** The body declarations of a loop that its reverse iterations recompute, in order. */
  public List<Stmt.LocalDecl> recomputable(Stmt loop) {
    return recomputable.getOrDefault(loop, List.of());
  }

  public boolean isRecomputed(Variable v) {
    return recomputed.contains(v);
  }

  /** The scalars a loop assigns, at any depth. */
  public Set<Variable> writtenScalars(Stmt loop) {
    return writtenScalars.getOrDefault(loop, Set.of());
  }

  /** The alias classes of the arrays a loop writes, elements or references, at any depth. */
  public Set<Variable> writtenArrayClasses(Stmt loop) {
    return writtenArrays.getOrDefault(loop, Set.of());
  }

  /** The variables declared inside a loop, at any depth. */
  public Set<Variable> declaredIn(Stmt loop) {
    return declared.getOrDefault(loop, Set.of());
  }

  /**
   * The trip count of a loop {@code for (i = start; i < end; i++)} (or with {@code <=}, or counting
   * down with {@code >}, {@code >=}) whose bounds the loop never changes, as an expression over
   * those bounds, which must be integers; null for any other loop, whose trip count is counted as
   * it runs. The reverse sweep works such a count out again instead of recording it.
   */
  public Expr tripCount(Stmt.CountedLoop c) {
    boolean up = c.step() instanceof Expr.Literal l && l.text().equals("1");
    boolean down = c.step() instanceof Expr.Unary u && u.operand() instanceof Expr.Literal l && l.text().equals("1");
    if (!(up || down) || !(c.condition() instanceof Expr.Binary b) || !(b.left() instanceof Expr.VarRef v)
        || v.variable() != c.index() || !isLoopInvariant(b.right(), c) || !isLoopInvariant(c.start(), c)
        || b.right().type().isFloating() || c.start().type().isFloating()) {
      return null; // a double bound (i < n with double n) compares after widening: count the trips
    }
    Expr span;
    if (up && (b.op() == BinaryOp.LT || b.op() == BinaryOp.LE)) {
      span = Arithmetic.minus(b.right(), c.start());
    } else if (down && (b.op() == BinaryOp.GT || b.op() == BinaryOp.GE)) {
      span = Arithmetic.minus(c.start(), b.right());
    } else {
      return null;
    }
    return b.op() == BinaryOp.LE || b.op() == BinaryOp.GE ? Arithmetic.plus(span, 1) : span;
  }

  /**
   * Whether e has the same value throughout the loop and after it: it reads nothing the loop
   * writes, so the reverse sweep can evaluate it again where the loop ends.
   */
  public boolean isLoopInvariant(Expr e, Stmt loop) {
    Set<Variable> scalars = writtenScalars(loop);
    Set<Variable> arrays = writtenArrays.getOrDefault(loop, Set.of());
    boolean[] ok = {true};
    IrWalker.expressions(e, x -> {
      if (x instanceof Expr.VarRef v) {
        ok[0] &= !scalars.contains(v.variable());
      } else if (x instanceof Expr.ArrayRead a) {
        Variable base = IrWalker.baseVariable(a);
        ok[0] &= base != null && !arrays.contains(aliases.find(base));
      } else if (!(x instanceof Expr.Literal || x instanceof Expr.Length || x instanceof Expr.Binary
          || x instanceof Expr.Unary || x instanceof Expr.Cast || x instanceof Expr.MathCall
          || x instanceof Expr.FieldRead f && f.receiver() == null)) {
        ok[0] = false;
      }
    });
    return ok[0];
  }

  private void plan(Stmt s, Set<Variable> indices, Map<Variable, Integer> assignments) {
    IrWalker.statements(s, x -> {
      if (x instanceof Stmt.CountedLoop || x instanceof Stmt.While) {
        analyzeLoop(x, indices, assignments);
      }
    });
  }

  private void analyzeLoop(Stmt loop, Set<Variable> outerIndices, Map<Variable, Integer> assignments) {
    Stmt body = loop instanceof Stmt.CountedLoop c ? c.body() : ((Stmt.While) loop).body();
    Set<Variable> indices = new HashSet<>(outerIndices);
    if (loop instanceof Stmt.CountedLoop c) {
      indices.add(c.index());
    }
    Set<Variable> scalars = new HashSet<>();
    Set<Variable> decls = new HashSet<>();
    Set<Variable> arrays = new HashSet<>();
    IrWalker.statements(body, x -> {
      if (x instanceof Stmt.LocalDecl d) {
        decls.add(d.variable());
        scalars.add(d.variable());
        if (d.variable().type().isArray()) {
          arrays.add(aliases.find(d.variable()));
        }
      } else if (x instanceof Stmt.Assign a) {
        Variable base = IrWalker.baseVariable(a.target());
        if (base != null && a.target() instanceof Expr.VarRef) {
          scalars.add(base);
        }
        if (base != null && base.type().isArray()) {
          arrays.add(aliases.find(base));
        }
      } else if (x instanceof Stmt.CountedLoop c) {
        decls.add(c.index());
        scalars.add(c.index());
      }
    });
    IrWalker.allExpressions(body, e -> {
      if (e instanceof Expr.Invoke call && call.target().mutated() != null) {
        for (int j = call.target().mutated().nextSetBit(0); j >= 0 && j < call.args().size();
            j = call.target().mutated().nextSetBit(j + 1)) {
          Aliases.roots(call.args().get(j)).forEach(r -> arrays.add(aliases.find(r)));
        }
      }
    });
    writtenScalars.put(loop, scalars);
    declared.put(loop, decls);
    writtenArrays.put(loop, arrays);

    List<Stmt.LocalDecl> chosen = new ArrayList<>();
    Set<Variable> available = new HashSet<>();
    for (Stmt st : IrWalker.flattenBlocks(body)) {
      if (st instanceof Stmt.LocalDecl d && d.init() != null && !d.variable().type().isArray()
          && d.variable().type().base() != dev.adjoint.processor.ir.JType.Base.REFERENCE
          && assignments.getOrDefault(d.variable(), 0) == 1
          && pure(d.init(), indices, scalars, arrays, available)) {
        chosen.add(d);
        available.add(d.variable());
        recomputed.add(d.variable());
      }
    }
    recomputable.put(loop, chosen);
  }

  /** Whether e has the same value whenever it is evaluated during one iteration of the loop. */
  private boolean pure(Expr e, Set<Variable> indices, Set<Variable> written, Set<Variable> writtenArrays,
      Set<Variable> available) {
    boolean[] ok = {true};
    // a.length depends on which array a is, not on what it holds
    Set<Expr> lengthOperands = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    IrWalker.expressions(e, x -> {
      if (x instanceof Expr.Length len) {
        lengthOperands.add(len.array());
      }
    });
    IrWalker.expressions(e, x -> {
      if (x instanceof Expr.VarRef v) {
        Variable var = v.variable();
        boolean invariant = !written.contains(var) || indices.contains(var) || available.contains(var);
        if (!invariant || var.type().isArray() && writtenArrays.contains(aliases.find(var)) && !lengthOperands.contains(x)) {
          ok[0] = false;
        }
      } else if (x instanceof Expr.Invoke || x instanceof Expr.NewArray || x instanceof Expr.ArrayInit
          || x instanceof Expr.ArrayCopy || x instanceof Expr.Unsupported) {
        ok[0] = false;
      } else if (x instanceof Expr.MathCall m && StatementRecords.isCostly(m.function())) {
        ok[0] = false; // its value is on the tape already (StatementRecords): cheaper than computing it again
      } else if (x instanceof Expr.FieldRead f && f.type().isArray()) {
        ok[0] = false; // a field's array may be written by a callee we cannot see
      }
    });
    return ok[0];
  }
}
