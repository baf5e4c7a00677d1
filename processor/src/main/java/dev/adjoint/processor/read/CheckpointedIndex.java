package dev.adjoint.processor.read;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.adjoint.processor.diagnostics.Construct;
import dev.adjoint.processor.diagnostics.Problem;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Reads {@code @Checkpointed(snapshots = n)} on a local variable: a for loop's index, or the local
 * declared just before a while or do loop (which has no index to annotate). Annotations on locals
 * are not in javax.lang.model, so it is read from the tree: the annotation's type, and its value as
 * a literal or a named constant.
 */
final class CheckpointedIndex {
  static final String CHECKPOINTED = "dev.adjoint.annotations.Checkpointed";

  /** What the annotation says: the snapshots, or the problem to report at its tree. */
  record Reading(int snapshots, Problem problem, AnnotationTree tree) {}

  private CheckpointedIndex() {}

  /** The variable's {@code @Checkpointed}, or null when it has none. */
  static Reading read(TreePath variable, Trees trees) {
    VariableTree v = (VariableTree) variable.getLeaf();
    TreePath modifiers = new TreePath(variable, v.getModifiers());
    for (AnnotationTree a : v.getModifiers().getAnnotations()) {
      TreePath annotation = new TreePath(modifiers, a);
      if (!isCheckpointed(new TreePath(annotation, a.getAnnotationType()), trees)) {
        continue;
      }
      if (!isLoopIndex(variable) && !(next(variable) instanceof WhileLoopTree || next(variable) instanceof DoWhileLoopTree)) {
        return new Reading(0, Problem.of(Construct.CHECKPOINT_NOT_A_LOOP_INDEX, "the local variable " + v.getName()), a);
      }
      Integer snapshots = null;
      for (ExpressionTree arg : a.getArguments()) {
        if (arg instanceof AssignmentTree assign && assign.getVariable().toString().equals("snapshots")) {
          snapshots = constant(new TreePath(new TreePath(annotation, assign), assign.getExpression()), trees);
        }
      }
      if (snapshots == null || snapshots < 1) {
        return new Reading(0, Problem.of(Construct.CHECKPOINT_SNAPSHOTS, snapshots == null ? "not an int constant"
            : String.valueOf(snapshots)), a);
      }
      return new Reading(snapshots, null, a);
    }
    return null;
  }

  /** The snapshots of the {@code @Checkpointed} local declared just before a while or do loop, or 0. */
  static int snapshotsOfWhile(TreePath loop, Trees trees) {
    if (!(loop.getParentPath().getLeaf() instanceof BlockTree block)) {
      return 0;
    }
    int at = block.getStatements().indexOf(loop.getLeaf());
    if (at < 1 || !(block.getStatements().get(at - 1) instanceof VariableTree)) {
      return 0;
    }
    Reading reading = read(new TreePath(loop.getParentPath(), block.getStatements().get(at - 1)), trees);
    return reading == null || reading.problem() != null ? 0 : reading.snapshots();
  }

  /** The statement after a local declaration in its block, or null. */
  private static StatementTree next(TreePath variable) {
    if (variable.getParentPath() == null || !(variable.getParentPath().getLeaf() instanceof BlockTree block)) {
      return null;
    }
    int at = block.getStatements().indexOf(variable.getLeaf());
    return at < 0 || at + 1 >= block.getStatements().size() ? null : block.getStatements().get(at + 1);
  }

  private static boolean isCheckpointed(TreePath type, Trees trees) {
    TypeMirror mirror = trees.getTypeMirror(type);
    if (mirror != null && mirror.getKind() == javax.lang.model.type.TypeKind.DECLARED) {
      return mirror.toString().equals(CHECKPOINTED);
    }
    String name = type.getLeaf().toString();
    return name.equals("Checkpointed") || name.equals(CHECKPOINTED);
  }

  /** Whether the variable is the first declaration in a for loop's header. */
  private static boolean isLoopIndex(TreePath variable) {
    return variable.getParentPath() != null && variable.getParentPath().getLeaf() instanceof ForLoopTree f
        && !f.getInitializer().isEmpty() && f.getInitializer().get(0) == variable.getLeaf();
  }

  private static Integer constant(TreePath value, Trees trees) {
    if (value.getLeaf() instanceof LiteralTree l && l.getValue() instanceof Integer i) {
      return i;
    }
    Element e = trees.getElement(value);
    if (e instanceof VariableElement constant && constant.getConstantValue() instanceof Integer i) {
      return i;
    }
    return null;
  }
}
