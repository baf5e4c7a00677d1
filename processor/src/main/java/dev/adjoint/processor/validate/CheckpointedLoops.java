package dev.adjoint.processor.validate;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import dev.adjoint.processor.analyze.LoopState;
import dev.adjoint.processor.diagnostics.Construct;
import dev.adjoint.processor.diagnostics.Diagnostics;
import dev.adjoint.processor.diagnostics.Problem;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * The rules a {@code @Checkpointed} loop must follow, checked as written: it is a statement of
 * the method body, it does not return, its condition changes nothing (the steps run again from a
 * snapshot run the body alone), and its state (what it writes that was declared before it) can be
 * copied. Whether the state can be named is checked by the transform, with the alias analysis. Whether a counted loop's bounds stay fixed is checked once the loop is
 * lowered, by the transform.
 */
final class CheckpointedLoops {
  private final Diagnostics diagnostics;
  private final CompilationUnitTree unit;
  private final Element element;

  CheckpointedLoops(Diagnostics diagnostics, CompilationUnitTree unit, Element element) {
    this.diagnostics = diagnostics;
    this.unit = unit;
    this.element = element;
  }

  void check(MethodIR method) {
    IrWalker.statements(method.body(), s -> {
      if (s instanceof Stmt.For f && f.snapshots() > 0) {
        check(f.condition(), f.body(), method.body().statements().contains(f));
      } else if (s instanceof Stmt.While w && w.isCheckpointed()) {
        check(w.condition(), w.body(), method.body().statements().contains(w));
      }
    });
  }

  private void check(Expr condition, Stmt body, boolean topLevel) {
    Tree at = condition == null ? null : condition.tree();
    if (!topLevel) {
      report(at, Construct.CHECKPOINT_NESTED);
    }
    if (returns(body)) {
      report(at, Construct.CHECKPOINT_EARLY_EXIT);
    }
    IrWalker.expressions(condition, e -> {
      if (e instanceof Expr.Step step) {
        report(step.tree(), Construct.CHECKPOINT_CONDITION_WRITES, step.variable().sourceName());
      }
    });
    Set<Variable> inside = new HashSet<>();
    IrWalker.statements(body, s -> {
      if (s instanceof Stmt.LocalDecl d) {
        inside.add(d.variable());
      }
    });
    IrWalker.statements(body, s -> {
      if (s instanceof Stmt.Assign a) {
        Variable base = IrWalker.baseVariable(a.target());
        // a write through a local declared inside that may reach outside storage needs the alias
        // analysis: the transform reports it (LoopState.unnamed)
        if (base != null && !inside.contains(base) && !LoopState.copyable(base.type())) {
          report(a.target().tree(), Construct.CHECKPOINT_STATE_TYPE, base.sourceName(), base.type().sourceText());
        }
      }
    });
  }

  private static boolean returns(Stmt body) {
    boolean[] found = {false};
    IrWalker.statements(body, s -> found[0] |= s instanceof Stmt.Return);
    return found[0];
  }

  private void report(Tree at, Construct construct, Object... names) {
    diagnostics.report(Problem.of(construct, names), at, unit, element);
  }
}
