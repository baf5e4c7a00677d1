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
   */
  public record Rule(ExecutableElement pullback, TypeElement targetClass, String of, boolean stateful) {}

  private final Elements elements;
  private final Types types;
  private final Map<String, Rule> declared = new HashMap<>();

  public RuleIndex(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** Registers a rule found in the sources being compiled. */
  public void add(ExecutableElement pullback) {
    Rule rule = describe(pullback);
    if (rule != null) {
      declared.put(key(rule.targetClass(), rule.of()), rule);
    }
  }

  /** The rule for a callee, looking through the methods it overrides. */
  public Optional<Rule> ruleFor(ExecutableElement callee) {
    Optional<Rule> direct = direct(callee);
    if (direct.isPresent() || callee.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
      return direct;
    }
    TypeElement owner = (TypeElement) callee.getEnclosingElement();
    for (TypeElement superType : supertypes(owner)) {
      for (ExecutableElement m : ElementFilter.methodsIn(superType.getEnclosedElements())) {
        if (m.getSimpleName().equals(callee.getSimpleName()) && elements.overrides(callee, m, owner)) {
          Optional<Rule> inherited = direct(m);
          if (inherited.isPresent()) {
            return inherited;
          }
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Rule> direct(ExecutableElement callee) {
    TypeElement owner = (TypeElement) callee.getEnclosingElement();
    String name = callee.getSimpleName().toString();
    Rule rule = declared.get(key(owner, name));
    if (rule != null) {
      return Optional.of(rule);
    }
    for (ExecutableElement m : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      Rule r = describe(m);
      if (r != null && r.of().equals(name) && r.targetClass().equals(owner)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
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
    boolean stateful = types.erasure(pullback.getReturnType()).toString().equals(RRULE);
    return new Rule(pullback, targetClass, of == null ? "" : of, stateful);
  }

  /** Every method of the target class named {@code of}: a rule must match exactly one. */
  public List<ExecutableElement> candidates(Rule rule) {
    return ElementFilter.methodsIn(rule.targetClass().getEnclosedElements()).stream()
        .filter(m -> m.getSimpleName().contentEquals(rule.of()))
        .filter(m -> Annotations.find(m, Annotations.CUSTOM_RULE).isEmpty())
        .toList();
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

  private static String key(TypeElement owner, String name) {
    return owner.getQualifiedName() + "#" + name;
  }
}
