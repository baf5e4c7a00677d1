package dev.adjoint.processor.steps;

import dev.adjoint.processor.diagnostics.Diagnostics;
import dev.adjoint.processor.diagnostics.Message;
import dev.adjoint.processor.read.Annotations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Which methods a round works on: its own {@code @Differentiable} methods and those deferred by
 * earlier rounds because their bodies mention a class another processor had not generated yet.
 * As in AutoValue's {@code BasicAnnotationProcessor}, a deferred method is kept by name, not as
 * an element, since a later round's elements are new objects; one still unresolved when
 * processing is over is reported at the expression that failed.
 */
public final class Deferrals {
  private final ProcessingEnvironment env;
  /** "owner#method" to the expression that javac could not attribute. */
  private final Map<String, String> deferred = new LinkedHashMap<>();

  public Deferrals(ProcessingEnvironment env) {
    this.env = env;
  }

  public void defer(ExecutableElement method, String unresolvedExpression) {
    deferred.put(key(method), unresolvedExpression);
  }

  /** The round's methods and the deferred ones, by class in name order, each class's in source order. */
  public Map<TypeElement, List<ExecutableElement>> methodsFor(RoundEnvironment round) {
    List<ExecutableElement> all = new ArrayList<>(ElementFilter.methodsIn(
        round.getElementsAnnotatedWith(env.getElementUtils().getTypeElement(Annotations.DIFFERENTIABLE))));
    for (String k : deferred.keySet()) {
      ExecutableElement m = lookup(k);
      if (m != null && !all.contains(m)) {
        all.add(m);
      }
    }
    deferred.clear();
    Map<String, TypeElement> classes = new TreeMap<>();
    for (ExecutableElement m : all) {
      TypeElement owner = (TypeElement) m.getEnclosingElement();
      classes.put(owner.getQualifiedName().toString(), owner);
    }
    Map<TypeElement, List<ExecutableElement>> byClass = new LinkedHashMap<>();
    for (TypeElement owner : classes.values()) {
      List<ExecutableElement> methods = new ArrayList<>();
      for (Element e : owner.getEnclosedElements()) {
        if (e.getKind() == ElementKind.METHOD && all.contains(e)) {
          methods.add((ExecutableElement) e);
        }
      }
      byClass.put(owner, methods);
    }
    return byClass;
  }

  /** At the end of processing: what stayed unresolved is an error on its method. */
  public void reportUnresolved(Diagnostics diagnostics) {
    for (Map.Entry<String, String> d : deferred.entrySet()) {
      ExecutableElement m = lookup(d.getKey());
      if (m != null) {
        diagnostics.report(Message.UNRESOLVED, m, "'" + d.getValue() + "' in " + m.getSimpleName());
      }
    }
  }

  private static String key(ExecutableElement m) {
    return ((TypeElement) m.getEnclosingElement()).getQualifiedName() + "#" + m.getSimpleName();
  }

  private ExecutableElement lookup(String key) {
    int hash = key.indexOf('#');
    TypeElement owner = env.getElementUtils().getTypeElement(key.substring(0, hash));
    if (owner == null) {
      return null;
    }
    return ElementFilter.methodsIn(owner.getEnclosedElements()).stream()
        .filter(m -> m.getSimpleName().contentEquals(key.substring(hash + 1)))
        .min(Comparator.comparing(Object::toString))
        .orElse(null);
  }
}
