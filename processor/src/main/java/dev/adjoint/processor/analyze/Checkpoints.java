package dev.adjoint.processor.analyze;

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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Arrays a loop overwrites whole in every iteration, which the tape can save as one block per
 * iteration instead of one value per element write (a per-iteration checkpoint).
 *
 * <p>Take a loop body whose statements S1..Sn first fill a work array (S1..Sp write it) and then
 * only read it (Sp+1..Sn). The reverse of S1..Sp never needs the array's contents, and the reverse
 * of Sp+1..Sn needs exactly what the array holds when the iteration ends. So the forward sweep
 * saves the array after each iteration and the reverse iteration starts by copying it back; the
 * element writes record nothing. The array is also saved once before the loop and put back after
 * the loop's reverse, so the loop as a whole leaves it as it found it.
 *
 * <p>It pays only when an iteration writes at least as many elements as the array holds, so a
 * candidate needs a loop in S1..Sp that writes {@code a[j]} for every j from 0 to its length: the
 * block copy then costs no more than the element records it replaces. A loop that is itself such
 * a fill, and whose body's reverse never reads the array, is saved once before it and not per
 * iteration (a Runge–Kutta stage {@code for (i...) yTmp[i] = y[i] + h * k[i]}).
 */
public final class Checkpoints {
  /** A checkpointed array, named by a variable that holds it throughout the loop. */
  public record Checkpoint(Variable array, boolean perIteration) {}

  private final Aliases aliases;
  private final Map<Variable, Integer> definitions = new HashMap<>();
  private final Map<Variable, Expr> initializers = new HashMap<>();
  private final Map<Stmt, List<Checkpoint>> candidates = new IdentityHashMap<>();

  public Checkpoints(MethodIR method, Aliases aliases) {
    this.aliases = aliases;
    IrWalker.statements(method.body(), s -> {
      if (s instanceof Stmt.LocalDecl d) {
        definitions.merge(d.variable(), 1, Integer::sum);
        if (d.init() != null) {
          initializers.put(d.variable(), d.init());
        }
      } else if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r) {
        definitions.merge(r.variable(), 1, Integer::sum);
      }
    });
  }

  /** The arrays the loop may checkpoint, by the static conditions above; the caller keeps the recorded ones. */
  public List<Checkpoint> candidates(Stmt loop) {
    return candidates.computeIfAbsent(loop, this::analyze);
  }

  private List<Checkpoint> analyze(Stmt loop) {
    Stmt body = loop instanceof Stmt.CountedLoop c ? c.body() : ((Stmt.While) loop).body();
    List<Stmt> top = IrWalker.flattenBlocks(body);
    Map<Variable, Variable> written = new LinkedHashMap<>(); // class -> a variable written through
    Set<Variable> excluded = new HashSet<>();
    IrWalker.statements(body, s -> {
      if (s instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayRead r) {
        Variable base = IrWalker.baseVariable(r);
        if (base == null) {
          return;
        }
        Variable cls = aliases.find(base);
        if (r.array() instanceof Expr.VarRef v && v.type().dims() == 1 && (v.type().base() == JType.Base.DOUBLE
            || v.type().base() == JType.Base.FLOAT || v.type().base() == JType.Base.INT)) {
          written.putIfAbsent(cls, v.variable());
        } else {
          excluded.add(cls); // a row of a matrix, or an element reached some other way
        }
      } else if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r && r.type().isArray()
          || s instanceof Stmt.LocalDecl d && d.variable().type().isArray()) {
        Variable v = s instanceof Stmt.LocalDecl d ? d.variable() : ((Expr.VarRef) ((Stmt.Assign) s).target()).variable();
        excluded.add(aliases.find(v)); // the array changes identity inside the loop
      }
    });
    IrWalker.allExpressions(body, e -> {
      if (e instanceof Expr.Invoke call && call.target().mutated() != null) {
        for (int j = call.target().mutated().nextSetBit(0); j >= 0 && j < call.args().size();
            j = call.target().mutated().nextSetBit(j + 1)) {
          Aliases.roots(call.args().get(j)).forEach(r -> excluded.add(aliases.find(r)));
        }
      }
    });
    List<Checkpoint> out = new ArrayList<>();
    for (Map.Entry<Variable, Variable> e : written.entrySet()) {
      Variable cls = e.getKey();
      if (excluded.contains(cls)) {
        continue;
      }
      int lastWrite = -1;
      int firstRead = Integer.MAX_VALUE;
      for (int k = 0; k < top.size(); k++) {
        if (writes(top.get(k), cls)) {
          lastWrite = k;
        }
        if (firstRead == Integer.MAX_VALUE && readsContents(top.get(k), cls)) {
          firstRead = k;
        }
      }
      boolean perIteration = firstRead != Integer.MAX_VALUE;
      if (lastWrite < firstRead && (fillsWhole(top.subList(0, lastWrite + 1), e.getValue(), cls)
          || !perIteration && fillsWhole(List.of(loop), e.getValue(), cls))) {
        out.add(new Checkpoint(e.getValue(), perIteration));
      }
    }
    out.sort(java.util.Comparator.comparing(c -> c.array().name()));
    return out;
  }

  private boolean writes(Stmt s, Variable cls) {
    boolean[] found = {false};
    IrWalker.statements(s, x -> {
      if (x instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayRead r && inClass(IrWalker.baseVariable(r), cls)) {
        found[0] = true;
      }
    });
    return found[0];
  }

  /**
   * Whether the reverse of s may read the array's contents. Conservative: any forward read counts,
   * except the target of {@code a[i] = v}, {@code a[i] += v} and {@code a[i] -= v}, whose reverse
   * does not need the element's old value.
   */
  private boolean readsContents(Stmt s, Variable cls) {
    boolean[] found = {false};
    IrWalker.statements(s, x -> {
      if (x instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayRead r
          && (a.op() == AssignOp.SET || a.op() == AssignOp.ADD || a.op() == AssignOp.SUB)) {
        found[0] |= reads(r.array() instanceof Expr.VarRef ? null : r.array(), cls)
            || reads(r.index(), cls) || reads(a.value(), cls);
      } else {
        for (Expr e : IrWalker.ownExpressions(x)) {
          found[0] |= reads(e, cls);
        }
      }
    });
    return found[0];
  }

  private boolean reads(Expr e, Variable cls) {
    if (e == null) {
      return false;
    }
    boolean[] found = {false};
    IrWalker.expressions(e, x -> {
      if (x instanceof Expr.ArrayRead r) {
        Variable base = IrWalker.baseVariable(r);
        found[0] |= base == null || inClass(base, cls);
      } else if (x instanceof Expr.Invoke call) {
        call.args().forEach(a -> Aliases.roots(a).forEach(root -> found[0] |= inClass(root, cls)));
      } else if (x instanceof Expr.ArrayCopy copy) {
        Aliases.roots(copy.source()).forEach(root -> found[0] |= inClass(root, cls));
      }
    });
    return found[0];
  }

  private boolean inClass(Variable v, Variable cls) {
    return v != null && aliases.find(v) == cls;
  }

  /** Whether the statements contain a loop {@code for (j = 0; j < length; j++)} whose body writes {@code array[j]}. */
  private boolean fillsWhole(List<Stmt> statements, Variable array, Variable cls) {
    String length = lengthOf(array);
    if (length == null) {
      return false;
    }
    boolean[] found = {false};
    for (Stmt s : statements) {
      IrWalker.statements(s, x -> {
        if (x instanceof Stmt.CountedLoop c && c.start() instanceof Expr.Literal start && start.text().equals("0")
            && c.step() instanceof Expr.Literal step && step.text().equals("1")
            && c.condition() instanceof Expr.Binary b && b.op() == dev.adjoint.processor.ir.BinaryOp.LT
            && b.left() instanceof Expr.VarRef i && i.variable() == c.index() && length.equals(canonical(b.right()))) {
          for (Stmt st : IrWalker.flattenBlocks(c.body())) {
            if (st instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayRead r && inClass(IrWalker.baseVariable(r), cls)
                && r.index() instanceof Expr.VarRef j && j.variable() == c.index()) {
              found[0] = true;
            }
          }
        }
      });
    }
    return found[0];
  }

  private String lengthOf(Variable array) {
    return canonical(new Expr.Length(new Expr.VarRef(array, null), null));
  }

  /**
   * A name for the value of an int expression that two expressions share when they are sure to be
   * equal: variables defined once stand for their definitions, and a new array's length for its
   * size. Null when unknown.
   */
  private String canonical(Expr e) {
    if (e instanceof Expr.Literal l) {
      return l.text();
    }
    if (e instanceof Expr.VarRef v && !v.type().isArray()) {
      Variable var = v.variable();
      int defs = definitions.getOrDefault(var, 0);
      if (defs == 0 && var.isParameter()) {
        return "#" + System.identityHashCode(var);
      }
      if (defs == 1 && initializers.containsKey(var)) {
        String init = canonical(initializers.get(var));
        return init != null ? init : "#" + System.identityHashCode(var);
      }
      return null;
    }
    if (e instanceof Expr.Length len && len.array() instanceof Expr.VarRef a) {
      Variable var = a.variable();
      int defs = definitions.getOrDefault(var, 0);
      if (defs == 1 && initializers.get(var) instanceof Expr.NewArray n && n.dimensions().size() == 1) {
        return canonical(n.dimensions().get(0));
      }
      if (defs == 0 && var.isParameter() || defs == 1 && !var.isParameter()) {
        return "len#" + System.identityHashCode(var);
      }
    }
    return null;
  }
}
