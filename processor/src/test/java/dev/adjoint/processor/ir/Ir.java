package dev.adjoint.processor.ir;

import java.util.List;

/**
 * Builds small IR by hand for the analyses' unit tests: variables, expressions and statements as
 * the reader would produce them, without a source file or javac.
 */
public final class Ir {
  public static final JType DOUBLES = JType.of(JType.Base.DOUBLE, 1);

  private Ir() {}

  public static Variable param(String name, JType type) {
    return new Variable(name, type, Variable.Kind.PARAMETER, 0);
  }

  public static Variable local(String name, JType type, int loopDepth) {
    return new Variable(name, type, Variable.Kind.LOCAL, loopDepth);
  }

  public static Expr ref(Variable v) {
    return new Expr.VarRef(v, null);
  }

  public static Expr num(double value) {
    return new Expr.Literal(Double.toString(value), JType.DOUBLE, null);
  }

  public static Expr integer(int value) {
    return new Expr.Literal(Integer.toString(value), JType.INT, null);
  }

  public static Expr op(BinaryOp op, Expr left, Expr right) {
    boolean compare = switch (op) {
      case LT, GT, LE, GE, EQ, NE, CAND, COR -> true;
      default -> false;
    };
    JType type = compare ? JType.BOOLEAN
        : left.type().isFloating() || right.type().isFloating() ? JType.DOUBLE : JType.INT;
    return new Expr.Binary(op, left, right, type, null);
  }

  public static Expr at(Variable array, Expr index) {
    return new Expr.ArrayRead(ref(array), index, JType.DOUBLE, null);
  }

  public static Expr length(Variable array) {
    return new Expr.Length(ref(array), null);
  }

  public static Expr math(MathFunction f, Expr... args) {
    return new Expr.MathCall(f, "Math", List.of(args), JType.DOUBLE, null);
  }

  public static Expr choose(Expr condition, Expr ifTrue, Expr ifFalse) {
    return new Expr.Conditional(condition, ifTrue, ifFalse, ifTrue.type(), null);
  }

  public static Stmt declare(Variable v, Expr init) {
    return new Stmt.LocalDecl(v, init, null);
  }

  public static Stmt set(Expr target, Expr value) {
    return new Stmt.Assign(target, AssignOp.SET, value, null);
  }

  public static Stmt add(Expr target, Expr value) {
    return new Stmt.Assign(target, AssignOp.ADD, value, null);
  }

  public static Stmt.Block block(Stmt... statements) {
    return new Stmt.Block(List.of(statements), null);
  }

  /** {@code for (int i = 0; i < end; i++) body}. */
  public static Stmt.CountedLoop loop(Variable i, Expr end, Stmt... body) {
    return new Stmt.CountedLoop(i, integer(0), op(BinaryOp.LT, ref(i), end), integer(1), block(body), null);
  }

  public static Stmt ret(Expr value) {
    return new Stmt.Return(value, null);
  }

  /** A static method of no class: enough for the analyses, which read only parameters and body. */
  public static MethodIR method(List<Variable> params, List<Variable> wrt, Stmt... body) {
    return new MethodIR(null, null, params, wrt, JType.DOUBLE, block(body), "Test.java");
  }
}
