package dev.adjoint.processor.rules;

import dev.adjoint.processor.diagnostics.Diagnostics;
import dev.adjoint.processor.diagnostics.Message;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.read.RuleIndex;
import dev.adjoint.processor.read.TypeMapper;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Checks a {@code @CustomRule} against the method it differentiates: the target must exist and be
 * unambiguous, and the rule's signature must be exactly the pullback ABI for that method. A wrong
 * rule is an error on the rule, with the signature it should have.
 */
public final class RuleChecker {
  private final RuleIndex rules;
  private final Diagnostics diagnostics;
  private final Types types;

  public RuleChecker(RuleIndex rules, Diagnostics diagnostics, Types types) {
    this.rules = rules;
    this.diagnostics = diagnostics;
    this.types = types;
  }

  public void check(ExecutableElement pullback) {
    RuleIndex.Rule rule = rules.describe(pullback);
    if (rule == null) {
      return;
    }
    List<ExecutableElement> candidates = rules.candidates(rule);
    String target = rule.targetClass().getSimpleName() + "." + rule.of();
    if (candidates.isEmpty()) {
      diagnostics.report(Message.BAD_RULE, pullback, "@CustomRule(of = \"" + rule.of() + "\") names no method of "
          + rule.targetClass().getQualifiedName() + "; check the name, or set target = TheClass.class");
      return;
    }
    if (candidates.size() > 1) {
      diagnostics.report(Message.BAD_RULE, pullback, target + " is overloaded, so @CustomRule(of = \"" + rule.of()
          + "\") is ambiguous; rename one of the overloads");
      return;
    }
    ExecutableElement primal = candidates.get(0);
    if (!pullback.getModifiers().contains(Modifier.STATIC)) {
      diagnostics.report(Message.BAD_RULE, pullback, "a @CustomRule must be static; expected " + expected(primal));
      return;
    }
    if (rule.stateful()) {
      checkStateful(pullback, primal, target);
      return;
    }
    List<TypeMirror> want = expectedParameters(primal);
    List<? extends VariableElement> got = pullback.getParameters();
    boolean ok = got.size() == want.size();
    for (int i = 0; ok && i < want.size(); i++) {
      ok = types.isSameType(types.erasure(got.get(i).asType()), types.erasure(want.get(i)));
    }
    ok = ok && TypeMapper.map(pullback.getReturnType()).equals(expectedReturn(primal));
    if (!ok) {
      diagnostics.report(Message.BAD_RULE, pullback, "the pullback of " + target + " must have the signature "
          + expected(primal) + " (primal arguments, then the seed dy, then one adjoint array per floating-point"
          + " array parameter; it returns the adjoint of the scalar floating-point parameter, a double[] of them"
          + " when there are several, or void when there are none)");
    }
  }

  /** The stateful form takes exactly the primal's parameters (receiver first) and returns an Rrule. */
  private void checkStateful(ExecutableElement rule, ExecutableElement primal, String target) {
    List<TypeMirror> want = new ArrayList<>();
    if (!primal.getModifiers().contains(Modifier.STATIC)) {
      want.add(primal.getEnclosingElement().asType());
    }
    primal.getParameters().forEach(p -> want.add(p.asType()));
    List<? extends VariableElement> got = rule.getParameters();
    boolean ok = got.size() == want.size() && primal.getReturnType().getKind() != javax.lang.model.type.TypeKind.VOID;
    for (int i = 0; ok && i < want.size(); i++) {
      ok = types.isSameType(types.erasure(got.get(i).asType()), types.erasure(want.get(i)));
    }
    if (!ok) {
      List<String> params = new ArrayList<>();
      for (int i = 0; i < want.size(); i++) {
        params.add(simple(want.get(i)) + " " + (i < got.size() ? got.get(i).getSimpleName() : "p" + i));
      }
      diagnostics.report(Message.BAD_RULE, rule, "the stateful rule of " + target + " must have the signature static Rrule<"
          + simple(boxed(primal.getReturnType())) + "> " + rule.getSimpleName() + "("
          + String.join(", ", params) + "): the primal's parameters, returning the value and its pullback");
    }
  }

  private TypeMirror boxed(TypeMirror t) {
    return t.getKind().isPrimitive() ? types.boxedClass((javax.lang.model.type.PrimitiveType) t).asType() : t;
  }

  private List<TypeMirror> expectedParameters(ExecutableElement primal) {
    List<TypeMirror> params = new ArrayList<>();
    if (!primal.getModifiers().contains(Modifier.STATIC)) {
      params.add(primal.getEnclosingElement().asType());
    }
    for (VariableElement p : primal.getParameters()) {
      params.add(p.asType());
    }
    if (primal.getReturnType().getKind() != javax.lang.model.type.TypeKind.VOID) {
      params.add(primal.getReturnType());
    }
    for (VariableElement p : primal.getParameters()) {
      if (TypeMapper.map(p.asType()).isFloating() && TypeMapper.map(p.asType()).isArray()) {
        params.add(p.asType());
      }
    }
    return params;
  }

  private static JType expectedReturn(ExecutableElement primal) {
    List<JType> scalars = new ArrayList<>();
    for (VariableElement p : primal.getParameters()) {
      JType t = TypeMapper.map(p.asType());
      if (t.isFloatingScalar()) {
        scalars.add(t);
      }
    }
    if (scalars.isEmpty()) {
      return JType.VOID;
    }
    return scalars.size() == 1 ? scalars.get(0) : JType.DOUBLE.arrayOf();
  }

  private String expected(ExecutableElement primal) {
    List<String> parts = new ArrayList<>();
    List<TypeMirror> params = expectedParameters(primal);
    List<String> names = new ArrayList<>();
    if (!primal.getModifiers().contains(Modifier.STATIC)) {
      names.add("self");
    }
    primal.getParameters().forEach(p -> names.add(p.getSimpleName().toString()));
    if (primal.getReturnType().getKind() != javax.lang.model.type.TypeKind.VOID) {
      names.add("dy");
    }
    primal.getParameters().stream().filter(p -> TypeMapper.map(p.asType()).isFloating()
        && TypeMapper.map(p.asType()).isArray()).forEach(p -> names.add(p.getSimpleName() + "Bar"));
    for (int i = 0; i < params.size(); i++) {
      parts.add(simple(params.get(i)) + " " + names.get(i));
    }
    return "static " + expectedReturn(primal) + " " + primal.getSimpleName() + "Pullback(" + String.join(", ", parts) + ")";
  }

  private static String simple(TypeMirror t) {
    String s = t.toString();
    int lt = s.indexOf('<');
    String head = lt < 0 ? s : s.substring(0, lt);
    return head.substring(head.lastIndexOf('.') + 1) + (lt < 0 ? "" : s.substring(lt));
  }
}
