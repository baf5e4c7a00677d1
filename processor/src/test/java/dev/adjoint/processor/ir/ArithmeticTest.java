package dev.adjoint.processor.ir;

import static dev.adjoint.processor.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Index arithmetic folds its constants: what trip counts and reverse loop bounds are built from. */
class ArithmeticTest {
  private final Variable n = param("n", JType.INT);
  private final Variable m = param("m", JType.INT);

  /** e as a string: operators and operands, bracketed, so the tree's shape shows. */
  private static String shape(Expr e) {
    if (e instanceof Expr.Binary b) {
      return "(" + shape(b.left()) + " " + b.op().symbol() + " " + shape(b.right()) + ")";
    }
    return e instanceof Expr.VarRef v ? v.variable().name() : ((Expr.Literal) e).text();
  }

  @Test
  void constantsFoldIntoTheConstantAnExpressionEndsWith() {
    Expr nMinusOne = Arithmetic.plus(ref(n), -1);
    assertEquals("(n - 1)", shape(nMinusOne));
    assertEquals("(n - 2)", shape(Arithmetic.plus(nMinusOne, -1)));
    assertEquals("n", shape(Arithmetic.plus(nMinusOne, 1)));
    assertEquals("((n - m) + 3)", shape(Arithmetic.plus(Arithmetic.plus(Arithmetic.minus(ref(n), ref(m)), 1), 2)));
    assertEquals("7", shape(Arithmetic.plus(integer(4), 3)));
    assertSame(nMinusOne, Arithmetic.plus(nMinusOne, 0));
  }

  @Test
  void subtractingAConstantFoldsAndZeroDisappears() {
    assertEquals("(n - 2)", shape(Arithmetic.minus(Arithmetic.plus(ref(n), -1), integer(1))));
    assertEquals("n", shape(Arithmetic.minus(ref(n), integer(0))));
    assertEquals("(n - m)", shape(Arithmetic.minus(ref(n), ref(m))));
  }

  @Test
  void onlyDecimalIntegerLiteralsAreConstants() {
    assertEquals(12L, Arithmetic.constantValue(new Expr.Literal("12L", JType.LONG, null)));
    assertNull(Arithmetic.constantValue(new Expr.Literal("0x1F", JType.INT, null)));
    assertNull(Arithmetic.constantValue(num(1.5)));
  }
}
