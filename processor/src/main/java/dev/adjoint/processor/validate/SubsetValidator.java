package dev.adjoint.processor.validate;

import com.sun.source.tree.CompilationUnitTree;
import dev.adjoint.processor.diagnostics.Diagnostics;
import dev.adjoint.processor.diagnostics.Message;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.diagnostics.Construct;
import dev.adjoint.processor.diagnostics.Problem;
import java.util.Map;
import java.util.HashMap;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.read.Annotations;
import dev.adjoint.processor.read.ReceiverFields;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Checks that a method stays inside the differentiable subset: every construct the reader could
 * not represent, every type Adjoint cannot carry, and the method's own declaration. Reports all
 * problems, each at its exact tree, and says whether any was found.
 */
public final class SubsetValidator {
  private final Diagnostics diagnostics;

  public SubsetValidator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Returns true when the method is valid. */
  public boolean validate(MethodIR method, CompilationUnitTree unit) {
    int before = diagnostics.errorCount();
    Element element = method.element();
    checkDeclaration(method);
    new CheckpointedLoops(diagnostics, unit, element).check(method);
    IrWalker.statements(method.body(), s -> {
      if (s instanceof Stmt.Unsupported u) {
        diagnostics.report(u.problem(), u.tree(), unit, element);
      }
      if (s instanceof Stmt.LocalDecl d) {
        checkType(d.variable().type(), "the local variable '" + d.variable().sourceName() + "'", element);
      }
      if (s instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayRead r && writesThroughField(r)) {
        diagnostics.report(Message.FIELD_WRITE, a.target().tree(), unit, element, describeField(r));
      }
      if (s instanceof Stmt.Return r && r.value() == null && !method.returnType().isVoid()) {
        diagnostics.report(Message.UNSUPPORTED_STATEMENT, element, "return without a value", "");
      }
      checkSteps(s, unit, element);
    });
    IrWalker.allExpressions(method.body(), e -> {
      if (e instanceof Expr.Unsupported u) {
        diagnostics.report(u.problem(), u.tree(), unit, element);
      } else if (e instanceof Expr.Invoke i && i.target().isDifferentiated() && i.target().mutated() == null) {
        diagnostics.report(Message.UNRESOLVED, i.tree(), unit, element, "the adjoint of " + i.target().displayName()
            + " (compile " + i.target().owner() + " with the Adjoint processor on its annotationProcessorPaths)");
      }
    });
    return diagnostics.errorCount() == before;
  }

  /**
   * A counter stepped inside an expression ({@code a[i++]}) is fine where nothing else in the
   * statement reads or steps it; otherwise the result hangs on Java's order of evaluation.
   */
  private void checkSteps(Stmt s, CompilationUnitTree unit, Element element) {
    Map<Variable, Integer> mentions = new HashMap<>();
    List<Expr.Step> steps = new ArrayList<>();
    for (Expr own : IrWalker.ownExpressions(s)) {
      IrWalker.expressions(own, e -> {
        if (e instanceof Expr.VarRef v) {
          mentions.merge(v.variable(), 1, Integer::sum);
        } else if (e instanceof Expr.Step step) {
          mentions.merge(step.variable(), 1, Integer::sum);
          steps.add(step);
        }
      });
    }
    for (Expr.Step step : steps) {
      if (mentions.get(step.variable()) > 1) {
        diagnostics.report(Problem.of(Construct.SIDE_EFFECT, step.tree() + " (the same statement also uses "
            + step.variable().sourceName() + ", so the result would hang on the order of evaluation)"), step.tree(), unit,
            element);
      }
    }
  }

  private void checkDeclaration(MethodIR method) {
    Element element = method.element();
    for (Element e = element.getEnclosingElement(); e != null && (e.getKind().isClass() || e.getKind().isInterface());
        e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        diagnostics.report(Message.INACCESSIBLE_CLASS, element, "The class " + e.getSimpleName());
      }
    }
    JType ret = method.returnType();
    boolean returnOk = ret.isVoid() || ret.isFloating() && ret.dims() <= 2;
    if (!returnOk) {
      diagnostics.report(Message.UNSUPPORTED_TYPE, element, "The result of " + method.name(), ret,
          "A @Differentiable method returns double, float, an array of them (up to two dimensions) or void");
    }
    List<String> floating = new ArrayList<>();
    List<String> positions = new ArrayList<>();
    int position = 0;
    for (Variable p : method.params()) {
      if (p.kind() == Variable.Kind.RECEIVER || p.kind() == Variable.Kind.FIELD) {
        continue;
      }
      if (p.type().isFloating()) {
        floating.add(p.sourceName());
        positions.add("#" + position);
      }
      position++;
      checkType(p.type(), "The parameter '" + p.sourceName() + "'", element);
      if (p.sourceName().equals("value")) {
        diagnostics.report(Message.NAME_CLASH, element, "value", "the record component holding the result");
      }
    }
    for (String name : Annotations.wrt(element)) {
      if (name.equals(ReceiverFields.THIS)) {
        checkWrtThis(method, element);
      } else if (!floating.contains(name) && !positions.contains(name)) {
        diagnostics.report(Message.UNKNOWN_WRT, element,
            Annotations.find(element, Annotations.DIFFERENTIABLE).orElseThrow(), name, method.name(),
            String.join(", ", floating));
      }
    }
    if (method.wrt().isEmpty() && diagnostics.errorCount() == 0) {
      diagnostics.report(Message.NOTHING_TO_DIFFERENTIATE, element, method.name());
    }
  }

  /** {@code wrt = "this"} needs a receiver with fields to differentiate. */
  private void checkWrtThis(MethodIR method, Element element) {
    var annotation = Annotations.find(element, Annotations.DIFFERENTIABLE).orElseThrow();
    if (method.isStatic()) {
      diagnostics.report(Message.WRT_THIS, element, annotation, method.name(),
          "it is static, so it has no receiver. Pass the parameters as arguments, or make the method an instance method");
    } else if (ReceiverFields.of(method.owner()).isEmpty()) {
      diagnostics.report(Message.WRT_THIS, element, annotation, method.name(), method.owner().getSimpleName()
          + " declares no instance field of type double, float or an array of them to differentiate");
    }
  }

  private void checkType(JType type, String what, Element element) {
    boolean ok = type.base() == JType.Base.REFERENCE && type.dims() == 0
        || type.dims() <= 2 && type.base() != JType.Base.VOID;
    if (!ok) {
      diagnostics.report(Message.UNSUPPORTED_TYPE, element, what, type,
          "Use primitives, or arrays of them with at most two dimensions");
    }
  }

  /** Whether an element write lands in a field's array (read directly or as a field parameter). */
  private static boolean writesThroughField(Expr.ArrayRead target) {
    Expr e = root(target);
    return e instanceof Expr.FieldRead || e instanceof Expr.VarRef v && v.variable().kind() == Variable.Kind.FIELD;
  }

  private static String describeField(Expr.ArrayRead target) {
    Expr e = root(target);
    return e instanceof Expr.FieldRead f ? f.name() : ((Expr.VarRef) e).variable().displayName().substring("this.".length());
  }

  private static Expr root(Expr.ArrayRead target) {
    Expr e = target;
    while (e instanceof Expr.ArrayRead a) {
      e = a.array();
    }
    return e;
  }
}
