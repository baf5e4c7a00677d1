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
  /** Elements whose errors are not the user's: they are counted, and shown as notes in verbose mode only. */
  private java.util.function.Predicate<Element> quiet = e -> false;
  private boolean verbose;
  /** The first quiet error of each element, for the Javadoc of the class that leaves it out. */
  private final java.util.Map<Element, String> quietErrors = new java.util.HashMap<>();

  public Diagnostics(Messager messager, Trees trees) {
    this.messager = messager;
    this.trees = trees;
  }

  /**
   * Keeps errors on these elements from failing the build: the classes this processor wrote, which
   * a later round differentiates for second derivatives. A method with such an error gets no
   * adjoint, as any other; the user's code is not at fault.
   */
  public void quiet(java.util.function.Predicate<Element> elements, boolean verbose) {
    this.quiet = elements;
    this.verbose = verbose;
  }

  /** The kind a message is printed with for this element, or null to print nothing. */
  private javax.tools.Diagnostic.Kind kindFor(Message message, Element element, Object... args) {
    if (message.kind() != javax.tools.Diagnostic.Kind.ERROR || element == null || !quiet.test(element)) {
      return message.kind();
    }
    quietErrors.putIfAbsent(element, message.format(args));
    return verbose ? javax.tools.Diagnostic.Kind.NOTE : null;
  }

  /** The first error on an element whose errors are quiet, or null. */
  public String quietError(Element element) {
    return quietErrors.get(element);
  }

  /** Reports on the element. */
  public void report(Message message, Element element, Object... args) {
    count(message);
    javax.tools.Diagnostic.Kind kind = kindFor(message, element, args);
    if (kind != null) {
      messager.printMessage(kind, message.format(args), element);
    }
  }

  /** Reports on one of the element's annotations, so the message lands on the annotation's line. */
  public void report(Message message, Element element, javax.lang.model.element.AnnotationMirror annotation,
      Object... args) {
    count(message);
    javax.tools.Diagnostic.Kind kind = kindFor(message, element, args);
    if (kind != null) {
      messager.printMessage(kind, message.format(args), element, annotation);
    }
  }

  /** Reports on a tree of the compilation unit; falls back to the element if the tree is null. */
  public void report(Message message, Tree tree, CompilationUnitTree unit, Element fallback, Object... args) {
    if (tree == null || unit == null) {
      report(message, fallback, args);
      return;
    }
    count(message);
    javax.tools.Diagnostic.Kind kind = kindFor(message, fallback, args);
    if (kind != null) {
      trees.printMessage(kind, message.format(args), tree, unit);
    }
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
