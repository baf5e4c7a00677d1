package dev.adjoint.processor.diagnostics;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;

/**
 * Reports catalog messages. With a tree, the message lands on that exact expression (line and
 * column); otherwise on the element. Counts errors so a method with errors generates nothing.
 */
public final class Diagnostics {
  private final Messager messager;
  private final Trees trees;
  private int errorCount;

  public Diagnostics(Messager messager, Trees trees) {
    this.messager = messager;
    this.trees = trees;
  }

  /** Reports on the element. */
  public void report(Message message, Element element, Object... args) {
    count(message);
    messager.printMessage(message.kind(), message.format(args), element);
  }

  /** Reports on one of the element's annotations, so the message lands on the annotation's line. */
  public void report(Message message, Element element, javax.lang.model.element.AnnotationMirror annotation,
      Object... args) {
    count(message);
    messager.printMessage(message.kind(), message.format(args), element, annotation);
  }

  /** Reports on a tree of the compilation unit; falls back to the element if the tree is null. */
  public void report(Message message, Tree tree, CompilationUnitTree unit, Element fallback, Object... args) {
    if (tree == null || unit == null) {
      report(message, fallback, args);
      return;
    }
    count(message);
    trees.printMessage(message.kind(), message.format(args), tree, unit);
  }

  private void count(Message message) {
    if (message.kind() == javax.tools.Diagnostic.Kind.ERROR) {
      errorCount++;
    }
  }

  public int errorCount() {
    return errorCount;
  }
}
