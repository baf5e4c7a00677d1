package dev.adjoint.processor.lower;

import dev.adjoint.processor.emit.Names;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The names a method's locals get in its adjoint, where they all live in one method: a local
 * keeps its source name where no parameter and no earlier local has it, and otherwise gets the
 * name with the smallest free numeric suffix; a temporary the lowering made loses its {@code $n}.
 */
public final class LocalNames {
  private LocalNames() {}

  /** Each local of m (loop indexes included) with its name, in declaration order. */
  public static Map<Variable, Variable> of(MethodIR m) {
    Names names = new Names();
    m.params().forEach(p -> names.reserve(p.name()));
    IrWalker.statements(m.body(), s -> {
      if (s instanceof Stmt.LocalDecl d && d.variable().kind() == Variable.Kind.LOCAL) {
        names.reserve(d.variable().sourceName());
      } else if (s instanceof Stmt.CountedLoop c) {
        names.reserve(c.index().sourceName());
      }
    });
    Set<String> taken = new HashSet<>();
    m.params().forEach(p -> taken.add(p.name())); // an inlined callee's locals may reuse them
    Map<Variable, Variable> out = new IdentityHashMap<>();
    IrWalker.statements(m.body(), s -> {
      Variable v = declared(s);
      if (v == null || out.containsKey(v)) {
        return;
      }
      String wanted = v.kind() == Variable.Kind.SYNTHETIC ? v.sourceName().replaceAll("\\$\\d+$", "") : v.sourceName();
      boolean first = v.kind() == Variable.Kind.LOCAL && taken.add(wanted);
      out.put(v, v.named(first ? wanted : names.claim(wanted)));
    });
    return out;
  }

  private static Variable declared(Stmt s) {
    return s instanceof Stmt.LocalDecl d ? d.variable() : s instanceof Stmt.CountedLoop c ? c.index() : null;
  }
}
