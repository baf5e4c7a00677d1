package dev.adjoint.processor.ir;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/** The names of generated things, in one place so that callers and callees agree. */
public final class AdjointNaming {
  private AdjointNaming() {}

  /** {@code p.Outer.Inner} gives {@code Outer_InnerAdjoint}. */
  public static String adjointSimpleName(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    Element enclosing = type.getEnclosingElement();
    while (enclosing.getKind().isClass() || enclosing.getKind().isInterface()
        || enclosing.getKind() == ElementKind.ENUM || enclosing.getKind() == ElementKind.RECORD) {
      name.insert(0, enclosing.getSimpleName() + "_");
      enclosing = enclosing.getEnclosingElement();
    }
    return name + "Adjoint";
  }

  public static String packageName(TypeElement type) {
    Element e = type;
    while (!(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return ((PackageElement) e).getQualifiedName().toString();
  }

  /** The qualified name of the adjoint class of a type. */
  public static String adjointQualifiedName(TypeElement type) {
    String pkg = packageName(type);
    return pkg.isEmpty() ? adjointSimpleName(type) : pkg + "." + adjointSimpleName(type);
  }

  /** {@code f} gives {@code FGradient}. */
  public static String recordName(String method) {
    return Character.toUpperCase(method.charAt(0)) + method.substring(1) + "Gradient";
  }

  public static String gradientMethod(String method) {
    return method + "Gradient";
  }

  public static String pullbackMethod(String method) {
    return method + "Pullback";
  }

  /** The low-level pullback that generated code composes with; custom rules share its ABI. */
  public static String pullbackIntoMethod(String method) {
    return method + "PullbackInto";
  }

  /** {@code f} gives {@code FTangent}, the record of a value and its tangent. */
  public static String tangentRecordName(String method) {
    return Character.toUpperCase(method.charAt(0)) + method.substring(1) + "Tangent";
  }

  public static String jacobianMethod(String method) {
    return method + "Jacobian";
  }

  public static String tangentMethod(String method) {
    return method + "Tangent";
  }

  /** The low-level pushforward (forward mode) that generated code composes with. */
  public static String pushforwardIntoMethod(String method) {
    return method + "PushforwardInto";
  }

  /** The low-level vector pushforward: the tangents of several directions in one sweep. */
  public static String pushforwardsIntoMethod(String method) {
    return method + "PushforwardsInto";
  }

  public static String tangentsMethod(String method) {
    return method + "Tangents";
  }

  /** {@code f} gives {@code FTangents}, the record of a value and its tangents in several directions. */
  public static String tangentsRecordName(String method) {
    return Character.toUpperCase(method.charAt(0)) + method.substring(1) + "Tangents";
  }

  /** The tangent variable of a variable: {@code x} gives {@code xDot}. */
  public static String dot(String name) {
    return name + "Dot";
  }

  /** The adjoint variable of a variable: {@code x} gives {@code xBar}. */
  public static String bar(String name) {
    return name + "Bar";
  }
}
