package dev.adjoint.processor.analyze;

import static dev.adjoint.processor.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MathFunction;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Per-loop facts on hand-built IR: what a loop writes, and which temporaries its reverse recomputes. */
class LoopPlanTest {
  private final Variable x = param("x", DOUBLES);
  private final Variable y = param("y", DOUBLES);
  private final Variable n = param("n", JType.INT);
  private final Variable s = local("s", JType.DOUBLE, 0);
  private final Variable i = local("i", JType.INT, 0);

  private LoopPlan plan(MethodIR m) {
    return new LoopPlan(m, Aliases.of(m));
  }

  @Test
  void aTemporaryOfTheTripsInputsIsRecomputedAndTheAccumulatorIsNot() {
    Variable d = local("d", JType.DOUBLE, 1);
    Stmt.CountedLoop loop = loop(i, ref(n),
        declare(d, op(BinaryOp.SUB, at(x, ref(i)), at(y, ref(i)))),
        add(ref(s), op(BinaryOp.MUL, ref(d), ref(d))));
    MethodIR m = method(List.of(x, y, n), List.of(x), declare(s, num(0)), loop, ret(ref(s)));
    LoopPlan plan = plan(m);
    assertTrue(plan.isRecomputed(d), "d = x[i] - y[i] reads only what the loop never writes");
    assertEquals(List.of(d), plan.recomputable(loop).stream().map(Stmt.LocalDecl::variable).toList());
    assertEquals(Set.of(s, d), plan.writtenScalars(loop));
    assertEquals(Set.of(d), plan.declaredIn(loop));
    assertTrue(plan.isLoopInvariant(ref(n), loop));
    assertTrue(plan.isLoopInvariant(at(x, integer(0)), loop));
    assertFalse(plan.isLoopInvariant(ref(s), loop), "the loop writes s");
  }

  @Test
  void aCostlyTemporaryOrOneReadingTheAccumulatorIsRecorded() {
    Variable e = local("e", JType.DOUBLE, 1);
    Variable t = local("t", JType.DOUBLE, 1);
    Stmt.CountedLoop loop = loop(i, ref(n),
        declare(e, math(MathFunction.EXP, at(x, ref(i)))),
        declare(t, op(BinaryOp.MUL, ref(s), num(2))),
        set(ref(s), op(BinaryOp.ADD, ref(t), ref(e))));
    MethodIR m = method(List.of(x, n), List.of(x), declare(s, num(0)), loop, ret(ref(s)));
    LoopPlan plan = plan(m);
    assertFalse(plan.isRecomputed(e), "exp's value is recorded where it is computed: cheaper than again");
    assertFalse(plan.isRecomputed(t), "t reads s, which the loop changes");
    assertEquals(List.of(), plan.recomputable(loop));
  }

  @Test
  void anArrayTheLoopWritesIsNotInvariant() {
    Stmt.CountedLoop loop = loop(i, ref(n), set(at(x, ref(i)), op(BinaryOp.MUL, at(x, ref(i)), num(2))));
    MethodIR m = method(List.of(x, n), List.of(x), loop, ret(num(0)));
    LoopPlan plan = plan(m);
    assertFalse(plan.isLoopInvariant(at(x, integer(0)), loop));
    assertTrue(plan.isLoopInvariant(length(x), loop), "x.length does not change when x's elements do");
  }
}
