package dev.adjoint.processor.read;

import dev.adjoint.processor.ir.AdjointNaming;
import dev.adjoint.processor.ir.CallTarget;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Decides how a called method takes part in differentiation: a generated adjoint (the callee is
 * {@code @Differentiable}), a hand-written rule, or neither (a passive call).
 */
public final class CallResolver {
  private final Elements elements;
  private final RuleIndex rules;
  private final Map<ExecutableElement, BitSet> mutationsInThisRound;

  /**
   * @param mutationsInThisRound the differentiable methods being compiled now, each with the
   *     set of parameters it mutates, which analysis fills in later
   */
  public CallResolver(Elements elements, RuleIndex rules, Map<ExecutableElement, BitSet> mutationsInThisRound) {
    this.elements = elements;
    this.rules = rules;
    this.mutationsInThisRound = mutationsInThisRound;
  }

  public CallTarget resolve(ExecutableElement callee) {
    TypeElement owner = (TypeElement) callee.getEnclosingElement();
    Optional<RuleIndex.Rule> rule = rules.ruleFor(callee);
    if (rule.isPresent()) {
      ExecutableElement pullback = rule.get().method();
      TypeElement ruleOwner = (TypeElement) pullback.getEnclosingElement();
      CallTarget.Kind kind = rule.get().stateful() ? CallTarget.Kind.STATEFUL_RULE : CallTarget.Kind.RULE;
      CallTarget.MethodRef pushforward = rules.pushforwardFor(callee).map(r -> new CallTarget.MethodRef(
          ((TypeElement) r.method().getEnclosingElement()).getQualifiedName().toString(),
          r.method().getSimpleName().toString())).orElse(null);
      return target(kind, callee, params(callee, List.of()),
          ruleOwner.getQualifiedName().toString(), pullback.getSimpleName().toString(),
          mutatesFrom(pullback, callee), pushforward);
    }
    if (Annotations.isDifferentiable(callee)) {
      String name = callee.getSimpleName().toString();
      BitSet mutated = mutationsInThisRound.get(callee);
      if (mutated == null) {
        mutated = mutatesFromGeneratedAdjoint(owner, name, callee);
      }
      List<CallTarget.Param> params = params(callee, Annotations.wrt(callee));
      if (ReceiverFields.isWrtThis(callee)) {
        for (VariableElement f : ReceiverFields.of(owner)) {
          params.add(new CallTarget.Param(Variable.fieldParameterName(f.getSimpleName().toString()),
              TypeMapper.map(f.asType()), true, true));
        }
      }
      return target(CallTarget.Kind.DIFFERENTIABLE, callee, params,
          AdjointNaming.adjointQualifiedName(owner), AdjointNaming.pullbackIntoMethod(name), mutated, null);
    }
    return target(CallTarget.Kind.PASSIVE, callee, params(callee, List.of()), null, null, new BitSet(), null);
  }

  /**
   * Whether callee is a generated {@code fPullbackInto} whose rules the next round writes (for a
   * scalar f with a tangent and only {@code double}s to differentiate), so that a method calling it
   * waits a round for them, as for a class not generated yet.
   */
  public boolean awaitsRules(ExecutableElement callee, CallTarget target) {
    TypeElement owner = (TypeElement) callee.getEnclosingElement();
    String name = callee.getSimpleName().toString();
    String suffix = AdjointNaming.pullbackIntoMethod("");
    if (target.kind() != CallTarget.Kind.PASSIVE || !name.endsWith(suffix) || !Annotations.isGeneratedByAdjoint(owner)
        || rules.secondOrderClass(owner) != null) {
      return false;
    }
    String pushforward = AdjointNaming.pushforwardIntoMethod(name.substring(0, name.length() - suffix.length()));
    boolean hasTangent = ElementFilter.methodsIn(owner.getEnclosedElements()).stream()
        .anyMatch(m -> m.getSimpleName().contentEquals(pushforward));
    boolean doubles = callee.getParameters().stream().map(p -> TypeMapper.map(p.asType()))
        .allMatch(t -> !t.isFloating() || t.equals(JType.DOUBLE));
    JType result = TypeMapper.map(callee.getReturnType());
    return hasTangent && doubles && (result.equals(JType.DOUBLE) || result.equals(JType.DOUBLE.arrayOf()));
  }

  private CallTarget target(CallTarget.Kind kind, ExecutableElement callee, List<CallTarget.Param> params,
      String pullbackOwner, String pullbackName, BitSet mutated, CallTarget.MethodRef pushforwardRule) {
    TypeElement owner = (TypeElement) callee.getEnclosingElement();
    boolean isStatic = callee.getModifiers().contains(Modifier.STATIC);
    return new CallTarget(kind, owner.getQualifiedName().toString(), callee.getSimpleName().toString(),
        isStatic, isStatic ? null : owner.getQualifiedName().toString(), params,
        TypeMapper.map(callee.getReturnType()), pullbackOwner, pullbackName, mutated, pushforwardRule);
  }

  private static List<CallTarget.Param> params(ExecutableElement callee, List<String> wrt) {
    List<CallTarget.Param> params = new ArrayList<>();
    List<? extends VariableElement> declared = callee.getParameters();
    for (int k = 0; k < declared.size(); k++) {
      VariableElement p = declared.get(k);
      JType type = TypeMapper.map(p.asType());
      String name = p.getSimpleName().toString();
      boolean differentiable = type.isFloating() && Annotations.inWrt(wrt, name, k);
      params.add(new CallTarget.Param(name, type, differentiable));
    }
    return params;
  }

  /** A callee compiled earlier: its generated pullback says what it mutates. */
  private BitSet mutatesFromGeneratedAdjoint(TypeElement owner, String name, ExecutableElement callee) {
    TypeElement adjoint = elements.getTypeElement(AdjointNaming.adjointQualifiedName(owner));
    if (adjoint == null) {
      return null; // reported by the validator: the adjoint was never generated
    }
    for (ExecutableElement m : ElementFilter.methodsIn(adjoint.getEnclosedElements())) {
      if (m.getSimpleName().contentEquals(AdjointNaming.pullbackIntoMethod(name))) {
        return mutatesFrom(m, callee);
      }
    }
    return new BitSet();
  }

  private static BitSet mutatesFrom(ExecutableElement annotated, ExecutableElement callee) {
    BitSet mutated = new BitSet();
    Optional<AnnotationMirror> mirror = Annotations.find(annotated, Annotations.MUTATES);
    if (mirror.isPresent()) {
      List<String> positions = Annotations.strings(mirror.get(), "positions");
      if (!positions.isEmpty()) {
        // by position: a class file compiled without -parameters has no parameter names
        positions.forEach(p -> mutated.set(Integer.parseInt(p)));
        return mutated;
      }
      List<String> names = Annotations.strings(mirror.get(), "value");
      List<? extends VariableElement> ps = callee.getParameters();
      for (int i = 0; i < ps.size(); i++) {
        if (names.contains(ps.get(i).getSimpleName().toString())) {
          mutated.set(i);
        }
      }
    }
    return mutated;
  }
}
