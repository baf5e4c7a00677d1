package dev.adjoint.processor.transform;

import com.sun.source.tree.Tree;

/** A construct the transform cannot reverse, reported as an error at its tree. */
public final class TransformException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Tree tree;

  TransformException(Tree tree, String construct) {
    super(construct);
    this.tree = tree;
  }

  public Tree tree() {
    return tree;
  }
}
