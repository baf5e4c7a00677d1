package dev.adjoint.processor.analyze;

import static dev.adjoint.processor.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MathFunction;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Activity analysis on hand-built IR: what depends on the differentiated parameters. */
class ActivityTest {

  private static Activity activity(MethodIR m) {
    return Activity.of(m, Aliases.of(m));
  }

  @Test
  void aValueIsActiveOnlyWhenItDependsOnAParameterOfWrt() {
    Variable x = param("x", JType.DOUBLE);
    Variable c = param("c", JType.DOUBLE);
    Variable y = local("y", JType.DOUBLE, 0);
    Variable z = local("z", JType.DOUBLE, 0);
    MethodIR m = method(List.of(x, c), List.of(x),
        declare(y, math(MathFunction.SIN, op(BinaryOp.MUL, ref(x), num(2)))),
        declare(z, op(BinaryOp.MUL, ref(c), num(3))),
        ret(op(BinaryOp.ADD, ref(y), ref(z))));
    Activity a = activity(m);
    assertTrue(a.isActive(x));
    assertTrue(a.isActive(y));
    assertFalse(a.isActive(c), "c is not differentiated");
    assertFalse(a.isActive(z), "z depends on c only");
  }

  @Test
  void aLoopCarriesActivityBackwardsToEarlierStatements() {
    // for (i < n) { s = s + t; t = x; }: s reads t before t is assigned in the same trip, so s is
    // active only because the fixed point runs the body again
    Variable x = param("x", JType.DOUBLE);
    Variable n = param("n", JType.INT);
    Variable s = local("s", JType.DOUBLE, 0);
    Variable t = local("t", JType.DOUBLE, 0);
    Variable i = local("i", JType.INT, 0);
    MethodIR m = method(List.of(x, n), List.of(x),
        declare(s, num(0)),
        declare(t, num(1)),
        loop(i, ref(n), set(ref(s), op(BinaryOp.ADD, ref(s), ref(t))), set(ref(t), ref(x))),
        ret(ref(s)));
    Activity a = activity(m);
    assertTrue(a.isActive(t));
    assertTrue(a.isActive(s));
    assertFalse(a.isActive(i), "integers carry no derivative");
  }

  @Test
  void writingThroughAnAliasMakesTheWholeAliasClassActive() {
    Variable x = param("x", JType.DOUBLE);
    Variable a = param("a", DOUBLES);
    Variable b = param("b", DOUBLES);
    Variable u = local("u", DOUBLES, 0);
    MethodIR m = method(List.of(x, a, b), List.of(x),
        declare(u, ref(a)),
        set(at(u, integer(0)), ref(x)),
        ret(op(BinaryOp.ADD, at(a, integer(0)), at(b, integer(0)))));
    Activity activity = activity(m);
    assertTrue(activity.isActive(a), "a shares storage with u, which holds x");
    assertTrue(activity.isActive(at(a, integer(0))));
    assertFalse(activity.isActive(b));
  }

  @Test
  void aConditionalIsActiveWhenEitherBranchIs() {
    Variable x = param("x", JType.DOUBLE);
    Variable c = param("c", JType.DOUBLE);
    MethodIR m = method(List.of(x, c), List.of(x), ret(ref(x)));
    Activity a = activity(m);
    assertTrue(a.isActive(choose(op(BinaryOp.GT, ref(c), num(0)), ref(c), ref(x))));
    assertFalse(a.isActive(choose(op(BinaryOp.GT, ref(x), num(0)), ref(c), num(1))),
        "the condition's activity does not flow into the value");
  }
}
