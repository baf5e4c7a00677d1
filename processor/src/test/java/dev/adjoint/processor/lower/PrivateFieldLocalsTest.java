package dev.adjoint.processor.lower;

import static dev.adjoint.processor.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.ir.Visibility;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Private fields of the receiver, and private static fields, read once into locals declared first. */
class PrivateFieldLocalsTest {
  private final Variable self = new Variable("self", JType.of(JType.Base.REFERENCE, 0), Variable.Kind.RECEIVER, 0);
  private final Variable other = param("other", JType.of(JType.Base.REFERENCE, 0));
  private final Variable x = param("x", DOUBLES);

  private static Expr.FieldRead field(Variable receiver, String name, JType type, boolean isPrivate) {
    Visibility v = new Visibility(isPrivate ? Visibility.Level.PRIVATE : Visibility.Level.PACKAGE, "p");
    return new Expr.FieldRead(receiver == null ? null : ref(receiver), "p.Model", name, type, null, v);
  }

  @Test
  void eachPrivateFieldOfTheReceiverIsReadOnceAtTheTop() {
    Variable i = local("i", JType.INT, 0);
    Variable s = local("s", JType.DOUBLE, 0);
    List<Stmt> body = List.of(
        declare(s, field(self, "b", JType.DOUBLE, true)),
        loop(i, length(x), add(ref(s), op(BinaryOp.MUL, new Expr.ArrayRead(field(self, "w", DOUBLES, true), ref(i),
            JType.DOUBLE, null), at(x, ref(i))))),
        add(ref(s), op(BinaryOp.MUL, field(self, "b", JType.DOUBLE, true), field(null, "SCALE", JType.DOUBLE, true))),
        ret(ref(s)));
    List<Stmt> out = PrivateFieldLocals.hoist(body);
    assertEquals(body.size() + 3, out.size(), "b, w and SCALE, each declared once");
    List<String> declared = new ArrayList<>();
    for (Stmt d : out.subList(0, 3)) {
      Stmt.LocalDecl decl = assertInstanceOf(Stmt.LocalDecl.class, d);
      assertInstanceOf(Expr.FieldRead.class, decl.init(), "the declaration reads the field");
      declared.add(decl.variable().name());
    }
    assertEquals(List.of("b", "w", "SCALE"), declared);
    List<Expr.FieldRead> left = new ArrayList<>();
    out.subList(3, out.size()).forEach(st -> IrWalker.allExpressions(st, e -> {
      if (e instanceof Expr.FieldRead f) {
        left.add(f);
      }
    }));
    assertEquals(List.of(), left, "no field read is left in the body");
  }

  @Test
  void otherReceiversAndPlainFieldsAreLeftAlone() {
    Variable s = local("s", JType.DOUBLE, 0);
    List<Stmt> body = List.of(
        declare(s, op(BinaryOp.ADD, field(other, "b", JType.DOUBLE, true), field(self, "c", JType.DOUBLE, false))),
        ret(ref(s)));
    assertSame(body, PrivateFieldLocals.hoist(body), "another object's field may change between calls; a plain one"
        + " is read directly");
  }
}
