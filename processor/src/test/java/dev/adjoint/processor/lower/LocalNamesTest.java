package dev.adjoint.processor.lower;

import static dev.adjoint.processor.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.IrRewriter;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The final names of a method's locals, and the renamed copy of its IR (the original is left alone). */
class LocalNamesTest {
  private final Variable x = param("x", DOUBLES);
  private final Variable n = param("n", JType.INT);

  @Test
  void siblingLocalsOfOneNameAndLocalsNamedLikeParametersGetSuffixes() {
    Variable t1 = local("t", JType.DOUBLE, 0);
    Variable t2 = local("t", JType.DOUBLE, 0);
    Variable shadow = local("x", JType.DOUBLE, 0); // an inlined callee's local may reuse a parameter's name
    Variable temp = new Variable("choice$3", JType.DOUBLE, Variable.Kind.SYNTHETIC, 0);
    Variable i = local("i", JType.INT, 0);
    MethodIR m = method(List.of(x, n), List.of(x),
        block(declare(t1, at(x, integer(0)))), block(declare(t2, at(x, integer(1)))),
        declare(shadow, num(2)), declare(temp, num(3)),
        loop(i, ref(n), add(ref(t1), ref(temp))), ret(ref(t1)));
    Map<Variable, Variable> names = LocalNames.of(m);
    assertEquals("t", names.get(t1).name());
    assertEquals("t1", names.get(t2).name());
    assertEquals("x1", names.get(shadow).name());
    assertEquals("choice", names.get(temp).name());
    assertEquals("i", names.get(i).name());
    assertEquals("t", t2.name(), "the IR's own variables keep their names");
  }

  @Test
  void theRewrittenIrUsesTheNamedVariablesEverywhereAndSharesNoNode() {
    Variable t1 = local("t", JType.DOUBLE, 0);
    Variable t2 = local("t", JType.DOUBLE, 0);
    MethodIR m = method(List.of(x), List.of(x), block(declare(t1, at(x, integer(0)))),
        block(declare(t2, op(BinaryOp.MUL, at(x, integer(1)), num(2))), set(at(x, integer(0)), ref(t2))), ret(num(0)));
    Map<Variable, Variable> names = LocalNames.of(m);
    MethodIR renamed = IrRewriter.rewrite(m, v -> names.getOrDefault(v, v), t -> t);
    List<String> declared = new ArrayList<>();
    List<String> read = new ArrayList<>();
    IrWalker.statements(renamed.body(), s -> {
      if (s instanceof Stmt.LocalDecl d) {
        declared.add(d.variable().name());
      }
    });
    IrWalker.allExpressions(renamed.body(), e -> {
      if (e instanceof dev.adjoint.processor.ir.Expr.VarRef v && v.variable().type().dims() == 0) {
        read.add(v.variable().name());
      }
    });
    assertEquals(List.of("t", "t1"), declared);
    assertEquals(List.of("t1"), read, "the reference to the second t follows its declaration");
    assertSame(x, renamed.params().get(0), "parameters are mapped to themselves");
    assertNotSame(m.body(), renamed.body());
  }
}
