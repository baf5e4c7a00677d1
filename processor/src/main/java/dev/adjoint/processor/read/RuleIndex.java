package dev.adjoint.processor.read;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the {@code @CustomRule} of a method: in the method's own class (which is how libraries,
 * including Adjoint's runtime, ship rules), or anywhere in the compilation with
 * {@code target = ThatClass.class}. A rule on an interface or superclass method applies to every
 * override.
 */
public final class RuleIndex {
  /** The type a stateful rule returns. */
  public static final String RRULE = "dev.adjoint.runtime.rules.Rrule";

  /**
   * A rule: the static method and the primal method it differentiates.
   *
   * @param stateful whether it is the stateful form, returning an {@code Rrule}
   * @param pushforward whether it is the pushforward form ({@code form = PUSHFORWARD})
   * @param params the parameter types the rule names its primal by ({@code params = {...}}), empty
   *     when it does not
   * @param candidates the target class's methods named {@code of}
   * @param primal the candidate the rule differentiates: the only one, else the one {@code params}
   *     names, else the one whose rule signature the rule's parameters match; null when none or
   *     several do
   */
  public record Rule(ExecutableElement method, TypeElement targetClass, String of, boolean stateful,
      boolean pushforward, List<TypeMirror> params, List<ExecutableElement> candidates, ExecutableElement primal) {}

  private final Elements elements;
  private final Types types;
  private final PullbackSignature signature;
  private final Map<ExecutableElement, Rule> declared = new HashMap<>();
  private final Map<ExecutableElement, Rule> declaredPushforwards = new HashMap<>();

  public RuleIndex(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.signature = new PullbackSignature(types);
  }

  /** Registers a rule found in the sources being compiled. */
  public void add(ExecutableElement pullback) {
    Rule rule = describe(pullback);
    if (rule != null && rule.primal() != null) {
      (rule.pushforward() ? declaredPushforwards : declared).put(rule.primal(), rule);
    }
  }

  /** The pullback-form (or stateful) rule for a callee, looking through the methods it overrides. */
  public Optional<Rule> ruleFor(ExecutableElement callee) {
    return find(callee, false);
  }

  /** The pushforward-form rule for a callee, looking through the methods it overrides. */
  public Optional<Rule> pushforwardFor(ExecutableElement callee) {
    return find(callee, true);
  }

  private Optional<Rule> find(ExecutableElement callee, boolean pushforward) {
    Optional<Rule> direct = direct(callee, pushforward);
    if (direct.isPresent() || callee.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
      return direct;
    }
    TypeElement owner = (TypeElement) callee.getEnclosingElement();
    for (TypeElement superType : supertypes(owner)) {
      for (ExecutableElement m : ElementFilter.methodsIn(superType.getEnclosedElements())) {
        if (m.getSimpleName().equals(callee.getSimpleName()) && elements.overrides(callee, m, owner)) {
          Optional<Rule> inherited = direct(m, pushforward);
          if (inherited.isPresent()) {
            return inherited;
          }
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Rule> direct(ExecutableElement callee, boolean pushforward) {
    Rule rule = (pushforward ? declaredPushforwards : declared).get(callee);
    if (rule != null) {
      return Optional.of(rule);
    }
    TypeElement owner = (TypeElement) callee.getEnclosingElement();
    List<TypeElement> holders = new java.util.ArrayList<>(List.of(owner));
    TypeElement secondOrder = secondOrderClass(owner);
    if (secondOrder != null) {
      holders.add(secondOrder);
    }
    for (TypeElement holder : holders) {
      for (ExecutableElement m : ElementFilter.methodsIn(holder.getEnclosedElements())) {
        Rule r = describe(m);
        if (r != null && r.pushforward() == pushforward && callee.equals(r.primal())) {
          return Optional.of(r);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * For a class this processor wrote, the class a later round writes for it, which holds the rules
   * of its generated gradients (see {@code NestedGradientRules}); null for any other class, or
   * before that round. A class file keeps no {@code @Generated}, so there the name decides.
   */
  public TypeElement secondOrderClass(TypeElement owner) {
    if (!Annotations.isGeneratedByAdjoint(owner) && !owner.getSimpleName().toString().endsWith("Adjoint")) {
      return null;
    }
    return elements.getTypeElement(owner.getQualifiedName() + "Adjoint");
  }

  /** Reads a rule's annotation; null when the method carries none. */
  public Rule describe(ExecutableElement pullback) {
    Optional<AnnotationMirror> mirror = Annotations.find(pullback, Annotations.CUSTOM_RULE);
    if (mirror.isEmpty()) {
      return null;
    }
    String of = Annotations.string(mirror.get(), "of");
    TypeMirror target = Annotations.type(mirror.get(), "target");
    TypeElement targetClass = (TypeElement) pullback.getEnclosingElement();
    if (target != null && target.getKind() != javax.lang.model.type.TypeKind.VOID) {
      Element e = types.asElement(target);
      if (e instanceof TypeElement t) {
        targetClass = t;
      }
    }
    boolean pushforward = "PUSHFORWARD".equals(Annotations.string(mirror.get(), "form"));
    boolean stateful = !pushforward && types.erasure(pullback.getReturnType()).toString().equals(RRULE);
    String name = of == null ? "" : of;
    List<TypeMirror> params = Annotations.types(mirror.get(), "params");
    List<ExecutableElement> candidates = ElementFilter.methodsIn(targetClass.getEnclosedElements()).stream()
        .filter(m -> m.getSimpleName().contentEquals(name))
        .filter(m -> Annotations.find(m, Annotations.CUSTOM_RULE).isEmpty())
        .toList();
    return new Rule(pullback, targetClass, name, stateful, pushforward, params, candidates,
        primal(pullback, stateful, pushforward, params, candidates));
  }

  /** See {@link Rule#primal}. */
  private ExecutableElement primal(ExecutableElement pullback, boolean stateful, boolean pushforward,
      List<TypeMirror> params, List<ExecutableElement> candidates) {
    List<ExecutableElement> named = params.isEmpty() ? candidates
        : candidates.stream().filter(m -> signature.sameTypes(m, params)).toList();
    if (named.size() == 1) {
      return named.get(0);
    }
    List<ExecutableElement> fitting = named.stream()
        .filter(m -> pushforward ? signature.fitsPushforward(pullback, m) : signature.fits(pullback, stateful, m))
        .toList();
    return fitting.size() == 1 ? fitting.get(0) : null;
  }

  private List<TypeElement> supertypes(TypeElement type) {
    java.util.ArrayList<TypeElement> result = new java.util.ArrayList<>();
    java.util.ArrayDeque<TypeMirror> work = new java.util.ArrayDeque<>(types.directSupertypes(type.asType()));
    while (!work.isEmpty()) {
      Element e = types.asElement(work.pop());
      if (e instanceof TypeElement t && !result.contains(t)
          && (t.getKind() == ElementKind.INTERFACE || t.getKind() == ElementKind.CLASS)) {
        result.add(t);
        work.addAll(types.directSupertypes(t.asType()));
      }
    }
    return result;
  }

}
