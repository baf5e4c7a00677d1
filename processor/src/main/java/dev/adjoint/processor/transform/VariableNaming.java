package dev.adjoint.processor.transform;

import dev.adjoint.processor.emit.Names;
import dev.adjoint.processor.ir.AdjointNaming;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names what the sweep adds to a method's variables (whose names the lowering settled, see
 * {@code LocalNames}): every active variable gets an adjoint ({@code xBar}), and the sweep's own
 * parameters ({@code dy}, {@code valueOut}, {@code sharedTape}) and tape get names no user
 * variable has.
 */
final class VariableNaming {
  private VariableNaming() {}

  /** Names st's adjoints, and returns the names claimed, from which fresh ones are drawn. */
  static Names name(SweepState st) {
    Names n = new Names();
    for (Variable p : st.method.params()) {
      n.reserve(p.name());
    }
    // the lowering named the locals (LocalNames): their names are taken here as they are
    Set<Variable> seen = new HashSet<>(st.method.params());
    List<Variable> locals = new ArrayList<>();
    IrWalker.statements(st.method.body(), s -> {
      Variable v = s instanceof Stmt.LocalDecl d ? d.variable() : s instanceof Stmt.CountedLoop c ? c.index() : null;
      if (v != null && seen.add(v)) {
        locals.add(v);
        n.reserve(v.sourceName());
        n.reserve(v.name());
      }
    });
    List<Variable> all = new ArrayList<>(st.method.params());
    all.addAll(locals);
    for (Variable v : all) {
      if (st.activity.isActive(v)) {
        st.bars.put(v, n.claim(AdjointNaming.bar(v.name())));
      }
    }
    st.seedName = n.claim("dy");
    st.valueOutName = n.claim("valueOut");
    st.resultName = n.claim("value");
    st.sharedTapeName = n.claim("sharedTape");
    st.tapeLocal = n.claim("tape");
    st.tape = dev.adjoint.processor.emit.Snippet.name(st.tapeLocal);
    return n;
  }

}
