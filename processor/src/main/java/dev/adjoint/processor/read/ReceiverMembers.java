package dev.adjoint.processor.read;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.adjoint.processor.diagnostics.Construct;
import dev.adjoint.processor.diagnostics.Problem;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.ir.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;

/**
 * What the expression reader needs to know about receivers' fields: whether the method is
 * differentiated with respect to its own ({@code wrt = "this"}), the hidden field arguments of a
 * callee that is, and the field behind a record's accessor.
 */
final class ReceiverMembers {
  private final Trees trees;
  /** The method's variables, its field parameters included (by their fields). */
  private final Map<Element, Variable> variables;

  ReceiverMembers(Trees trees, Map<Element, Variable> variables) {
    this.trees = trees;
    this.variables = variables;
  }

  /** Whether this method is differentiated with respect to its receiver's fields. */
  boolean isWrtThis() {
    return variables.values().stream().anyMatch(v -> v.kind() == Variable.Kind.FIELD);
  }

  /** {@code this} or {@code super} at path, as the receiver self, or the construct that may not be. */
  Expr receiver(TreePath path, Variable self) {
    IdentifierTree id = (IdentifierTree) path.getLeaf();
    Construct problem = id.getName().contentEquals("super") ? superProblem(path)
        : thisEscapes(path) ? Construct.THIS_ESCAPES : null;
    return problem == null ? new Expr.VarRef(self, id) : new Expr.Unsupported(Problem.of(problem), JType.VOID, id);
  }

  /**
   * Whether {@code this}, at path, is passed on or stored in a method differentiated with respect
   * to this: code reading the fields under another name would see constants. Selecting a member
   * ({@code this.w}, {@code this.f(x)}) and comparing ({@code this == o}) are fine.
   */
  private boolean thisEscapes(TreePath path) {
    Tree parent = path.getParentPath() == null ? null : path.getParentPath().getLeaf();
    boolean harmless = parent instanceof MemberSelectTree || parent != null
        && (parent.getKind() == Tree.Kind.EQUAL_TO || parent.getKind() == Tree.Kind.NOT_EQUAL_TO);
    return !harmless && isWrtThis();
  }

  /**
   * What is wrong with {@code super} at path, or null: {@code super.w} reads this.w unless a
   * subclass hides w; {@code super.f(x)} cannot be called from the adjoint class, which would
   * dispatch to the override.
   */
  private Construct superProblem(TreePath path) {
    TreePath parent = path.getParentPath();
    Element member = parent == null ? null : trees.getElement(parent);
    if (!(member instanceof VariableElement field)) {
      return Construct.SUPER_CALL;
    }
    TreePath classPath = path;
    while (classPath != null && !(classPath.getLeaf() instanceof ClassTree)) {
      classPath = classPath.getParentPath();
    }
    Element declaring = field.getEnclosingElement();
    for (Element t = classPath == null ? null : trees.getElement(classPath); t instanceof TypeElement type
        && !type.equals(declaring); t = type.getSuperclass() instanceof DeclaredType d ? d.asElement() : null) {
      for (VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        if (f.getSimpleName().equals(field.getSimpleName())) {
          return Construct.SUPER_HIDDEN_FIELD;
        }
      }
    }
    return null;
  }

  /**
   * The hidden trailing arguments of a callee differentiated with respect to its receiver: its
   * fields, which are this method's own field parameters when both are differentiated so on this.
   */
  List<Expr> hiddenArguments(TypeElement owner, Expr receiver, boolean onThis) {
    List<Expr> out = new ArrayList<>();
    for (VariableElement f : ReceiverFields.of(owner)) {
      Variable parameter = onThis ? variables.get(f) : null;
      out.add(parameter != null ? new Expr.VarRef(parameter, null)
          : new Expr.FieldRead(receiver, owner.getQualifiedName().toString(), f.getSimpleName().toString(),
              TypeMapper.map(f.asType()), null, Visibility.of(f)));
    }
    return out;
  }

  /**
   * The field behind a record's accessor that the record does not declare itself (so it returns
   * the field as it is), or null.
   */
  VariableElement recordComponentField(ExecutableElement callee) {
    TypeElement owner = (TypeElement) callee.getEnclosingElement();
    if (owner.getKind() != ElementKind.RECORD || !callee.getParameters().isEmpty() || trees.getTree(callee) != null) {
      return null;
    }
    for (var c : owner.getRecordComponents()) {
      if (callee.equals(c.getAccessor())) {
        for (VariableElement f : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
          if (f.getSimpleName().contentEquals(c.getSimpleName())) {
            return f;
          }
        }
      }
    }
    return null;
  }
}
