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

/** The to-be-recorded analysis on hand-built IR: what the reverse reads, and so what is recorded. */
class ReverseReadsTest {
  private final Variable x = param("x", DOUBLES);
  private final Variable y = param("y", DOUBLES);
  private final Variable n = param("n", JType.INT);
  private final Variable s = local("s", JType.DOUBLE, 0);
  private final Variable i = local("i", JType.INT, 0);

  private static RecordingRules rules(MethodIR m, Optimizations optimizations) {
    Aliases aliases = Aliases.of(m);
    return new RecordingRules(m, Activity.of(m, aliases), aliases, optimizations);
  }

  private static ReverseReads.Result analyze(MethodIR m) {
    return ReverseReads.of(rules(m, Optimizations.ALL), Set.of());
  }

  @Test
  void aDotProductReadsItsFactorsButNotItsSum() {
    Stmt.CountedLoop loop = loop(i, ref(n), add(ref(s), op(BinaryOp.MUL, at(x, ref(i)), at(y, ref(i)))));
    MethodIR m = method(List.of(x, y, n), List.of(x, y), declare(s, num(0)), loop, ret(ref(s)));
    ReverseReads.Result r = analyze(m);
    assertEquals(Set.of(x, y, i, n), r.loopReads().get(loop), "each product reads the other factor; the header reads n");
    assertFalse(r.reads().contains(s), "a sum's adjoint reads no operand, so s is never recorded");
    assertEquals(Set.of(), r.topReads().get(0));
  }

  @Test
  void aProductWithTheRunningValueReadsIt() {
    Stmt.CountedLoop loop = loop(i, ref(n), set(ref(s), op(BinaryOp.MUL, ref(s), at(x, ref(i)))));
    MethodIR m = method(List.of(x, n), List.of(x), declare(s, num(1)), loop, ret(ref(s)));
    ReverseReads.Result r = analyze(m);
    assertTrue(r.loopReads().get(loop).contains(s));
    assertTrue(r.recordedVars().contains(s), "s is overwritten each trip and read by the reverse of the trip before");
  }

  @Test
  void sinReadsItsArgumentAndExpItsOwnValue() {
    Variable a = param("a", JType.DOUBLE);
    Variable b = param("b", JType.DOUBLE);
    MethodIR m = method(List.of(a, b), List.of(a, b),
        declare(s, op(BinaryOp.ADD, math(MathFunction.SIN, ref(a)), math(MathFunction.EXP, ref(b)))), ret(ref(s)));
    ReverseReads.Result r = analyze(m);
    assertEquals(Set.of(a, b), r.topReads().get(0));
  }

  @Test
  void restoringAnElementReadsItsIndexWhichIsRecomputed() {
    Variable t = local("t", DOUBLES, 0);
    Variable j = local("j", JType.INT, 1);
    // t[j] is overwritten by a product that reads t[j]: the old element is recorded, and its
    // restore reads j, which the reverse iteration computes again from n and i
    Stmt.CountedLoop loop = loop(i, ref(n),
        declare(j, op(BinaryOp.SUB, op(BinaryOp.SUB, ref(n), integer(1)), ref(i))),
        set(new dev.adjoint.processor.ir.Expr.ArrayRead(ref(t), ref(j), JType.DOUBLE, null),
            op(BinaryOp.MUL, at(t, ref(j)), at(t, ref(j)))));
    MethodIR m = method(List.of(x, n), List.of(x),
        declare(t, new dev.adjoint.processor.ir.Expr.ArrayCopy(ref(x), null)), loop, ret(at(t, integer(0))));
    ReverseReads.Result r = analyze(m);
    assertTrue(r.recordedClasses().contains(t), "t's elements are read after they are overwritten");
    assertTrue(r.loopReads().get(loop).containsAll(Set.of(t, j, n, i)));
    assertFalse(r.recordedVars().contains(j), "j is recomputed, not recorded");
  }

  @Test
  void aScalarTheLoopOnlyWritesIsSavedOnceAroundIt() {
    Variable t = local("t", JType.DOUBLE, 0);
    Stmt.CountedLoop loop = loop(i, ref(n), set(ref(t), at(x, ref(i))));
    MethodIR m = method(List.of(x, n), List.of(x),
        declare(t, at(x, integer(0))),
        declare(s, op(BinaryOp.MUL, ref(t), ref(t))), // reads t before the loop overwrites it
        loop,
        ret(op(BinaryOp.ADD, ref(s), ref(t))));
    RecordingRules rules = rules(m, Optimizations.ALL);
    ReverseReads.Result r = ReverseReads.of(rules, Set.of());
    assertFalse(r.loopReads().get(loop).contains(t), "the loop's own reverse never reads t");
    RecordingRules.Scope scope = rules.forTopLevel(2, r.topReads(), r.recordedVars(), r.recordedClasses());
    assertTrue(scope.vars().contains(t));
    assertEquals(List.of(t), rules.enterLoop(scope, loop, r.loopReads().get(loop)).saves());
    assertFalse(rules.needsRecord(rules.enterLoop(scope, loop, r.loopReads().get(loop)).body(), ref(t), false),
        "inside the loop, writes to the saved t record nothing");
  }

  @Test
  void withTheAnalysisOffEveryOverwrittenVariableIsRecorded() {
    Stmt.CountedLoop loop = loop(i, ref(n), add(ref(s), op(BinaryOp.MUL, at(x, ref(i)), at(y, ref(i)))));
    MethodIR m = method(List.of(x, y, n), List.of(x, y), declare(s, num(0)), loop, ret(ref(s)));
    RecordingRules rules = rules(m, Optimizations.disabling("toBeRecorded"));
    ReverseReads.Result r = ReverseReads.of(rules, Set.of());
    assertTrue(rules.forTopLevel(1, r.topReads(), r.recordedVars(), r.recordedClasses()).vars().contains(s));
  }
}
