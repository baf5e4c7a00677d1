package dev.adjoint.processor.analyze;

import static dev.adjoint.processor.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alias classes on hand-built IR: which arrays may share storage. */
class AliasesTest {

  @Test
  void assignmentsAndConditionalsJoinClassesWithTheParameterAsRepresentative() {
    Variable a = param("a", DOUBLES);
    Variable b = param("b", DOUBLES);
    Variable c = param("c", DOUBLES);
    Variable k = param("k", JType.INT);
    Variable u = local("u", DOUBLES, 0);
    Variable v = local("v", DOUBLES, 0);
    Variable w = local("w", DOUBLES, 0);
    MethodIR m = method(List.of(a, b, c, k), List.of(a),
        declare(u, ref(a)),
        declare(v, null),
        set(ref(v), ref(u)),
        declare(w, choose(op(BinaryOp.GT, ref(k), integer(0)), ref(b), ref(v))),
        ret(num(0)));
    Aliases aliases = Aliases.of(m);
    assertSame(a, aliases.find(u));
    assertSame(a, aliases.find(v), "v = u joins v to a's class");
    assertSame(aliases.find(b), aliases.find(w));
    assertSame(aliases.find(a), aliases.find(b), "w = k > 0 ? b : v joins b and a");
    assertSame(c, aliases.find(c), "c shares storage with nothing");
    assertNotSame(aliases.find(a), aliases.find(c));
  }

  @Test
  void aScalarIsItsOwnClass() {
    Variable x = param("x", JType.DOUBLE);
    MethodIR m = method(List.of(x), List.of(x), ret(ref(x)));
    assertSame(x, Aliases.of(m).find(x));
  }
}
