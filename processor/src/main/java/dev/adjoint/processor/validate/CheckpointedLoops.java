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
import dev.adjoint.processor.lower.Normalizer;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * The rules a {@code @Checkpointed} loop must follow, checked as written: it is a statement of
 * the method body, a counted loop that runs every trip, and its state (what it writes that was
 * declared before it) can be named and copied. Whether its bounds stay fixed is checked once the
 * loop is lowered, by the transform.
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
        check(f, method.body().statements().contains(f));
      }
    });
  }

  private void check(Stmt.For f, boolean topLevel) {
    Tree at = f.condition() == null ? null : f.condition().tree();
    if (!topLevel) {
      report(at, Construct.CHECKPOINT_NESTED);
    }
    String exit = earlyExit(f.body(), false);
    if (exit != null) {
      report(at, Construct.CHECKPOINT_EARLY_EXIT, exit);
    }
    if (Normalizer.countedIndex(f) == null) {
      report(at, Construct.CHECKPOINT_NOT_COUNTED);
    }
    Set<Variable> inside = new HashSet<>();
    IrWalker.statements(f.body(), s -> {
      if (s instanceof Stmt.LocalDecl d) {
        inside.add(d.variable());
      }
    });
    IrWalker.statements(f.body(), s -> {
      if (s instanceof Stmt.Assign a) {
        Variable base = IrWalker.baseVariable(a.target());
        if (a.target() instanceof Expr.ArrayRead && base != null && inside.contains(base)) {
          report(a.target().tree(), Construct.CHECKPOINT_STATE_THROUGH_LOCAL, base.sourceName());
        } else if (base != null && !inside.contains(base) && !LoopState.copyable(base.type())) {
          report(a.target().tree(), Construct.CHECKPOINT_STATE_TYPE, base.sourceName(), base.type().sourceText());
        }
      }
    });
  }

  /** What leaves the loop early: a return anywhere, a break not inside a nested loop; null if nothing. */
  private static String earlyExit(Stmt s, boolean nested) {
    if (s instanceof Stmt.Return) {
      return "return";
    } else if (s instanceof Stmt.Break && !nested) {
      return "break";
    } else if (s instanceof Stmt.Block b) {
      for (Stmt c : b.statements()) {
        String exit = earlyExit(c, nested);
        if (exit != null) {
          return exit;
        }
      }
    } else if (s instanceof Stmt.If i) {
      String exit = earlyExit(i.then(), nested);
      return exit != null || i.otherwise() == null ? exit : earlyExit(i.otherwise(), nested);
    } else if (s instanceof Stmt.For f) {
      return earlyExit(f.body(), true);
    } else if (s instanceof Stmt.ForEach f) {
      return earlyExit(f.body(), true);
    } else if (s instanceof Stmt.While w) {
      return earlyExit(w.body(), true);
    }
    return null;
  }

  private void report(Tree at, Construct construct, Object... names) {
    diagnostics.report(Problem.of(construct, names), at, unit, element);
  }
}
