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

  /** Reports a construct outside the subset at its tree: the catalog entry's message and hint. */
  public void report(Problem problem, Tree tree, CompilationUnitTree unit, Element fallback) {
    Construct construct = problem.construct();
    Message message = construct.kind().message();
    String what = problem.description();
    switch (construct.kind()) {
      case STATEMENT, EXPRESSION -> report(message, tree, unit, fallback, capitalize(what), construct.hint());
      case CHECKPOINT -> report(message, tree, unit, fallback, what, construct.hint());
      case PRIVATE_MEMBER -> report(message, tree, unit, fallback, capitalize(what));
      case SIDE_EFFECT, FIELD_WRITE -> report(message, tree, unit, fallback, what);
    }
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
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
