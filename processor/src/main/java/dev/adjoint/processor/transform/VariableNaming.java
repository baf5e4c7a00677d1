package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.AdjointNaming;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names a method's variables in its adjoint: locals keep their source names where no other local
 * of the method has it first, every active variable gets an adjoint ({@code xBar}), and the sweep's
 * own parameters ({@code dy}, {@code valueOut}, {@code sharedTape}) and tape get names no user
 * variable has.
 */
final class VariableNaming {
  private VariableNaming() {}

  /** Names st's variables and adjoints, and returns the names claimed, from which fresh ones are drawn. */
  static Names name(SweepState st) {
    Names n = new Names();
    for (Variable p : st.method.params()) {
      n.reserve(p.name());
    }
    IrWalker.statements(st.method.body(), s -> {
      if (s instanceof Stmt.LocalDecl d && d.variable().kind() == Variable.Kind.LOCAL) {
        n.reserve(d.variable().sourceName());
      } else if (s instanceof Stmt.CountedLoop c) {
        n.reserve(c.index().sourceName());
      }
    });
    Set<Variable> seen = new HashSet<>(st.method.params());
    List<Variable> locals = new ArrayList<>();
    IrWalker.statements(st.method.body(), s -> {
      Variable v = s instanceof Stmt.LocalDecl d ? d.variable() : s instanceof Stmt.CountedLoop c ? c.index() : null;
      if (v != null && seen.add(v)) {
        locals.add(v);
      }
    });
    Set<String> usedByLocals = new HashSet<>();
    st.method.params().forEach(p -> usedByLocals.add(p.name())); // inlined callees may reuse them
    for (Variable v : locals) {
      String wanted = v.kind() == Variable.Kind.SYNTHETIC ? v.sourceName().replaceAll("\\$\\d+$", "") : v.sourceName();
      if (v.kind() == Variable.Kind.LOCAL && usedByLocals.add(wanted)) {
        v.rename(wanted); // first variable of this name keeps it
      } else {
        v.rename(n.claim(wanted));
      }
    }
    List<Variable> all = new ArrayList<>(st.method.params());
    all.addAll(locals);
    for (Variable v : all) {
      if (st.activity.isActive(v)) {
        st.bars.put(v, n.claim(AdjointNaming.bar(v.name())));
      }
    }
    st.seedName = n.claim("dy");
    st.valueOutName = n.claim("valueOut");
    st.sharedTapeName = n.claim("sharedTape");
    st.tapeLocal = n.claim("tape");
    st.tape = dev.adjoint.processor.emit.Snippet.name(st.tapeLocal);
    return n;
  }

}
