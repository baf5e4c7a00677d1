package dev.adjoint.processor.transform;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.diagnostics.Construct;
import dev.adjoint.processor.diagnostics.Problem;

/** A construct the transform cannot reverse, reported as an error at its tree. */
public final class TransformException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Tree tree;
  private final transient Problem problem;

  TransformException(Tree tree, String construct) {
    this(tree, Problem.of(Construct.NOT_REVERSIBLE, construct));
  }

  TransformException(Tree tree, Problem problem) {
    super(problem.description());
    this.tree = tree;
    this.problem = problem;
  }

  /** The catalog entry to report. */
  public Problem problem() {
    return problem;
  }

  public Tree tree() {
    return tree;
  }
}
