package dev.adjoint.processor.lower;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrRewriter;
import dev.adjoint.processor.ir.Variable;
import java.util.Map;

/**
 * Deep copies of IR with fresh variables, for inlining: every variable a copied body declares
 * becomes a new variable (its loop depth shifted by the call site's), and references are rewired
 * through the map, which the caller seeds with the callee's parameters.
 */
final class IrCopier {
  private IrCopier() {}

  /**
   * @param map the callee's variables to the caller's; seeded with parameters, filled with the
   *     fresh locals as their declarations are copied
   * @param substitutions parameters replaced outright by their (side-effect free) arguments
   */
  static IrRewriter of(Map<Variable, Variable> map, Map<Variable, Expr> substitutions, int depthOffset) {
    return new IrRewriter(v -> {
      Variable copy = new Variable(v.sourceName(), v.type(),
          v.kind() == Variable.Kind.SYNTHETIC ? Variable.Kind.SYNTHETIC : Variable.Kind.LOCAL, v.loopDepth() + depthOffset);
      map.put(v, copy);
      return copy;
    }, ref -> {
      Expr argument = substitutions.get(ref.variable());
      return argument != null ? IrRewriter.copyOf(argument) // a fresh node for every use
          : new Expr.VarRef(map.getOrDefault(ref.variable(), ref.variable()), ref.tree());
    }, t -> t);
  }
}
