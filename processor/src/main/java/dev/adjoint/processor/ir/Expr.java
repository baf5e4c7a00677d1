package dev.adjoint.processor.ir;

import com.sun.source.tree.Tree;
import java.util.List;

/**
 * An expression of a differentiable method body. Every node keeps the javac tree it was read
 * from (null for nodes the transform synthesises) so diagnostics land on the exact expression.
 */
public sealed interface Expr {
  JType type();

  Tree tree();

  /** A literal, or a compile-time constant inlined as its value. */
  record Literal(String text, JType type, Tree tree) implements Expr {}

  /** A read of a local variable or parameter. */
  record VarRef(Variable variable, Tree tree) implements Expr {
    @Override
    public JType type() {
      return variable.type();
    }
  }

  /**
   * {@code i++}, {@code ++i}, {@code i--} or {@code --i} on an integer local inside an expression
   * ({@code a[i++]}, {@code while (k-- > 0)}): its value is the old value (postfix) or the new one
   * (prefix). Lowering takes it out into statements, so the transform never sees one.
   */
  record Step(Variable variable, boolean up, boolean prefix, Tree tree) implements Expr {
    @Override
    public JType type() {
      return variable.type();
    }
  }

  /**
   * A field read: {@code receiver.name}, or {@code Owner.name} when static (receiver null).
   * {@code owner} is the declaring class's qualified name; a field the generated class may not
   * name ({@link Visibility}) is read through a {@code VarHandle}.
   */
  record FieldRead(Expr receiver, String owner, String name, JType type, Tree tree, Visibility visibility)
      implements Expr {
    /** A public field. */
    public FieldRead(Expr receiver, String owner, String name, JType type, Tree tree) {
      this(receiver, owner, name, type, tree, Visibility.PUBLIC);
    }

    public boolean isPrivate() {
      return visibility.isPrivate();
    }
  }

  /** {@code array[index]}. */
  record ArrayRead(Expr array, Expr index, JType type, Tree tree) implements Expr {}

  /** {@code array.length}. */
  record Length(Expr array, Tree tree) implements Expr {
    @Override
    public JType type() {
      return JType.INT;
    }
  }

  /** A unary operator. */
  record Unary(UnaryOp op, Expr operand, JType type, Tree tree) implements Expr {}

  /** A binary operator. */
  record Binary(BinaryOp op, Expr left, Expr right, JType type, Tree tree) implements Expr {}

  /** {@code condition ? ifTrue : ifFalse}. */
  record Conditional(Expr condition, Expr ifTrue, Expr ifFalse, JType type, Tree tree) implements Expr {}

  /** A primitive conversion. */
  record Cast(JType type, Expr operand, Tree tree) implements Expr {}

  /** A {@code java.lang.Math} or {@code StrictMath} function. */
  record MathCall(MathFunction function, String owner, List<Expr> args, JType type, Tree tree) implements Expr {}

  /** A call of a user or library method; {@code receiver} is null for static calls. */
  record Invoke(CallTarget target, Expr receiver, List<Expr> args, JType type, Tree tree) implements Expr {}

  /** {@code new double[d0][d1]...}, with {@code type().dims() - dimensions.size()} empty brackets. */
  record NewArray(JType type, List<Expr> dimensions, Tree tree) implements Expr {}

  /** {@code {e0, e1, ...}} or {@code new double[]{...}}. */
  record ArrayInit(JType type, List<Expr> elements, Tree tree) implements Expr {}

  /** {@code source.clone()} of an array: a fresh copy whose adjoint flows back into the source's. */
  record ArrayCopy(Expr source, Tree tree) implements Expr {
    @Override
    public JType type() {
      return source.type();
    }
  }

  /** A construct outside the supported subset; the validator reports it. */
  record Unsupported(dev.adjoint.processor.diagnostics.Problem problem, JType type, Tree tree) implements Expr {}
}
