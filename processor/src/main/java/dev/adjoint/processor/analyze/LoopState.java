package dev.adjoint.processor.analyze;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The state of a {@code @Checkpointed} loop: what a snapshot of it must hold so that the loop can
 * run again from there. That is every variable declared before the loop that the loop writes: its
 * scalars, its array variables assigned by reference (buffers swapped), and the contents of the
 * arrays whose elements it writes, named by the variables declared before the loop that reach
 * them.
 *
 * @param scalars primitive variables the loop assigns
 * @param references array variables the loop assigns by reference
 * @param contents array variables whose elements the loop may write (through any alias)
 */
public record LoopState(List<Variable> scalars, List<Variable> references, List<Variable> contents) {
  /**
   * The loop's state, or a variable declared inside the loop through which it writes an array
   * that no variable declared before it names (then the state cannot be named: {@link #unnamed}).
   */
  public static LoopState of(Stmt loop, LoopPlan plan, Aliases aliases) {
    Variable index = loop instanceof Stmt.CountedLoop c ? c.index() : null;
    Set<Variable> inside = plan.declaredIn(loop);
    List<Variable> scalars = new ArrayList<>();
    List<Variable> references = new ArrayList<>();
    for (Variable v : plan.writtenScalars(loop)) {
      if (!inside.contains(v) && v != index) {
        (v.type().isArray() ? references : scalars).add(v);
      }
    }
    Set<Variable> written = plan.writtenArrayClasses(loop);
    Set<Variable> outer = new LinkedHashSet<>(references);
    IrWalker.allExpressions(body(loop), e -> {
      if (e instanceof Expr.VarRef r && r.type().isArray() && !inside.contains(r.variable())) {
        outer.add(r.variable());
      }
    });
    List<Variable> contents = new ArrayList<>();
    for (Variable v : outer) {
      if (written.contains(aliases.find(v))) {
        contents.add(v);
      }
    }
    Comparator<Variable> byName = Comparator.comparing(Variable::name);
    scalars.sort(byName);
    references.sort(byName);
    contents.sort(byName);
    return new LoopState(scalars, references, contents);
  }

  /**
   * Whether a snapshot can hold a variable of this type: a primitive, or an array of a shape the
   * runtime copies and restores ({@code Shadows}: double[], float[], int[], double[][], float[][]).
   */
  public static boolean copyable(JType type) {
    if (type.dims() == 0) {
      return type.base() != JType.Base.REFERENCE;
    }
    JType.Base b = type.base();
    return type.dims() == 1 && (b == JType.Base.DOUBLE
        || b == JType.Base.FLOAT || b == JType.Base.INT)
        || type.dims() == 2 && (b == JType.Base.DOUBLE || b == JType.Base.FLOAT);
  }

  /**
   * A write through a variable declared inside the loop into elements of an array that no
   * variable of the state names, or null. Such a write changes state the snapshots do not hold.
   */
  public Stmt.Assign unnamed(Stmt loop, LoopPlan plan, Aliases aliases) {
    Set<Variable> named = new java.util.HashSet<>();
    contents.forEach(v -> named.add(aliases.find(v)));
    Stmt.Assign[] found = {null};
    Set<Variable> inside = plan.declaredIn(loop);
    IrWalker.statements(body(loop), s -> {
      if (s instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayRead) {
        Variable base = IrWalker.baseVariable(a.target());
        if (base != null && inside.contains(base) && !named.contains(aliases.find(base)) && reachesOutside(base, aliases,
            inside)) {
          found[0] = a;
        }
      }
    });
    return found[0];
  }

  private static Stmt body(Stmt loop) {
    return loop instanceof Stmt.CountedLoop c ? c.body() : ((Stmt.While) loop).body();
  }

  /** Whether an array variable declared inside the loop may share storage with one declared before it. */
  private static boolean reachesOutside(Variable v, Aliases aliases, Set<Variable> inside) {
    for (Variable member : aliases.members(aliases.find(v))) {
      if (!inside.contains(member)) {
        return true;
      }
    }
    return false;
  }
}
