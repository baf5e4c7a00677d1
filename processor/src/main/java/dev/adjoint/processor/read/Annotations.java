package dev.adjoint.processor.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Reads Adjoint's annotations through mirrors, so that annotations on classes compiled earlier
 * (CLASS retention, visible only to javac) are read the same way as those in source.
 */
public final class Annotations {
  public static final String DIFFERENTIABLE = "dev.adjoint.annotations.Differentiable";
  public static final String CUSTOM_RULE = "dev.adjoint.annotations.CustomRule";
  public static final String MUTATES = "dev.adjoint.annotations.Mutates";

  private Annotations() {}

  public static Optional<AnnotationMirror> find(Element element, String annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().toString().equals(annotation)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The value of the {@code @Generated} this processor puts on every class it writes. */
  public static final String PROCESSOR = "dev.adjoint.processor.AdjointProcessor";

  /**
   * Whether the element is, or is inside, a class this processor wrote (an adjoint class, whose
   * pushforwards a later round differentiates for second derivatives).
   */
  public static boolean isGeneratedByAdjoint(Element element) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (e instanceof javax.lang.model.element.TypeElement) {
        Optional<AnnotationMirror> g = find(e, "javax.annotation.processing.Generated");
        if (g.isPresent() && strings(g.get(), "value").contains(PROCESSOR)) {
          return true;
        }
      }
    }
    return false;
  }

  public static boolean isDifferentiable(Element element) {
    return find(element, DIFFERENTIABLE).isPresent();
  }

  /** The explicitly named values of an annotation member, or an empty list. */
  public static List<String> strings(AnnotationMirror mirror, String member) {
    List<String> result = new ArrayList<>();
    AnnotationValue value = value(mirror, member);
    if (value != null && value.getValue() instanceof List<?> list) {
      for (Object item : list) {
        result.add(String.valueOf(((AnnotationValue) item).getValue()));
      }
    } else if (value != null) {
      result.add(String.valueOf(value.getValue()));
    }
    return result;
  }

  /** A {@code Class[]} member's types, in order; empty when absent. */
  public static List<TypeMirror> types(AnnotationMirror mirror, String member) {
    List<TypeMirror> result = new ArrayList<>();
    AnnotationValue value = value(mirror, member);
    if (value != null && value.getValue() instanceof List<?> list) {
      for (Object item : list) {
        if (((AnnotationValue) item).getValue() instanceof TypeMirror t) {
          result.add(t);
        }
      }
    }
    return result;
  }

  /** A string member, or null when absent. */
  public static String string(AnnotationMirror mirror, String member) {
    AnnotationValue value = value(mirror, member);
    return value == null ? null : String.valueOf(value.getValue());
  }

  /** A class member, or null when absent (the default). */
  public static TypeMirror type(AnnotationMirror mirror, String member) {
    AnnotationValue value = value(mirror, member);
    return value != null && value.getValue() instanceof TypeMirror t ? t : null;
  }

  public static AnnotationValue value(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * Whether a parameter is in a wrt list: empty means every one; an entry names it, or gives its
   * position as {@code "#k"} (0-based, receiver not counted), which still means it in a class file
   * compiled without parameter names.
   */
  public static boolean inWrt(List<String> wrt, String name, int index) {
    return wrt.isEmpty() || wrt.contains(name) || wrt.contains("#" + index);
  }

  /** Whether a @Differentiable method requires its tangent ({@code tangent = true}). */
  public static boolean requiresTangent(Element method) {
    return find(method, DIFFERENTIABLE).map(m -> m.getElementValues().entrySet().stream()
        .anyMatch(e -> e.getKey().getSimpleName().contentEquals("tangent") && Boolean.TRUE.equals(e.getValue().getValue())))
        .orElse(false);
  }

  /** The wrt names of a @Differentiable method (empty means all floating-point parameters). */
  public static List<String> wrt(Element method) {
    return find(method, DIFFERENTIABLE).map(m -> strings(m, "wrt")).orElse(List.of());
  }
}
