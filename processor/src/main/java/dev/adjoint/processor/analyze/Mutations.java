package dev.adjoint.processor.analyze;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * Which arrays a method writes into: directly, through an alias, or by passing them to a callee
 * that writes into them. Callers need this for every callee, to save what a call will overwrite.
 */
public final class Mutations {
  private Mutations() {}

  /** The alias-class representatives written in the method body. */
  public static Set<Variable> mutatedClasses(MethodIR method, Aliases aliases) {
    Set<Variable> mutated = new HashSet<>();
    IrWalker.statements(method.body(), s -> {
      if (s instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayRead) {
        Variable base = IrWalker.baseVariable(a.target());
        if (base != null) {
          mutated.add(aliases.find(base));
        }
      }
    });
    IrWalker.allExpressions(method.body(), e -> {
      if (e instanceof Expr.Invoke call && call.target().mutated() != null) {
        List<Expr> args = call.args();
        for (int i = call.target().mutated().nextSetBit(0); i >= 0 && i < args.size();
            i = call.target().mutated().nextSetBit(i + 1)) {
          for (Variable root : Aliases.roots(args.get(i))) {
            mutated.add(aliases.find(root));
          }
        }
      }
    });
    return mutated;
  }

  /**
   * Settles what each method of a round writes into: updates every method's summary until none
   * changes, since a method writes what the callees it passes arrays to write.
   *
   * @param summaries per method element, the set its call targets share (see {@code CallTarget})
   */
  public static void settle(List<MethodIR> methods, Map<ExecutableElement, BitSet> summaries) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (MethodIR m : methods) {
        changed |= update(m, summaries.get(m.element()));
      }
    }
  }

  /**
   * The method's parameters (indexed without the receiver) that it may write into. Returns
   * whether {@code summary} changed, for the fixed point over a round's methods.
   */
  public static boolean update(MethodIR method, BitSet summary) {
    Aliases aliases = Aliases.of(method);
    Set<Variable> mutated = mutatedClasses(method, aliases);
    BitSet before = (BitSet) summary.clone();
    int index = 0;
    for (Variable p : method.params()) {
      if (p.kind() == Variable.Kind.RECEIVER) {
        continue;
      }
      if (p.type().isArray() && mutated.contains(aliases.find(p))) {
        summary.set(index);
      }
      index++;
    }
    return !summary.equals(before);
  }
}
