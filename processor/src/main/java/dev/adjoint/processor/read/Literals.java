package dev.adjoint.processor.read;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.diagnostics.Construct;
import dev.adjoint.processor.diagnostics.Problem;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.JType;

/**
 * Constants as IR literals, written back as Java source that reads the same value: doubles and
 * floats to the last bit, char, short and byte constants kept in their type.
 */
final class Literals {
  private Literals() {}

  static Expr literal(Object value, Tree tree) {
    if (value instanceof Double d) {
      return new Expr.Literal(doubleText(d), JType.DOUBLE, tree);
    }
    if (value instanceof Float f) {
      return new Expr.Literal(floatText(f), JType.FLOAT, tree);
    }
    if (value instanceof Long l) {
      return new Expr.Literal(l + "L", JType.LONG, tree);
    }
    if (value instanceof Boolean b) {
      return new Expr.Literal(b.toString(), JType.BOOLEAN, tree);
    }
    // char, short and byte constants keep their type, so the printer can cast them back
    if (value instanceof Character c) {
      return new Expr.Literal(Integer.toString(c), new JType(JType.Base.CHAR, 0, null), tree);
    }
    if (value instanceof Short || value instanceof Byte) {
      JType.Base base = value instanceof Short ? JType.Base.SHORT : JType.Base.BYTE;
      return new Expr.Literal(Integer.toString(((Number) value).intValue()), new JType(base, 0, null), tree);
    }
    if (value instanceof Number n) {
      return new Expr.Literal(Integer.toString(n.intValue()), JType.INT, tree);
    }
    return new Expr.Unsupported(Problem.of(Construct.CONSTANT, value), JType.VOID, tree);
  }

  private static String doubleText(double d) {
    if (Double.isNaN(d)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    return Double.toString(d);
  }

  private static String floatText(float f) {
    if (Float.isNaN(f)) {
      return "Float.NaN";
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY";
    }
    return Float.toString(f) + "f";
  }

}
