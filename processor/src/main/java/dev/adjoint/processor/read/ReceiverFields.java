package dev.adjoint.processor.read;

import dev.adjoint.processor.ir.JType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;

/**
 * The model parameters of a class: the fields a method differentiated with respect to
 * {@code "this"} ({@code @Differentiable(wrt = "this")}) gets adjoints for. They are the
 * instance fields the class declares whose type is {@code double} or {@code float} or an array of
 * them (one or two dimensions) and that are not compile-time constants, inherited ones included.
 *
 * <p>Inside such a method each field is a hidden trailing parameter ({@code thisW} for {@code w}),
 * so the sweep, the low-level pullback and its callers treat it as they treat a parameter.
 */
public final class ReceiverFields {
  /** The {@code wrt} entry that selects the receiver's fields. */
  public static final String THIS = "this";

  private ReceiverFields() {}

  /**
   * The differentiable fields of owner: its superclasses' first (outside the JDK), then its own,
   * each class's in declaration order. A superclass field hidden by a field of the same name
   * further down is left out, as the subclass's code cannot name it.
   */
  public static List<VariableElement> of(TypeElement owner) {
    List<List<VariableElement>> perClass = new ArrayList<>();
    Set<String> named = new HashSet<>(); // by any field further down, of any type
    for (TypeElement t = owner; t != null; t = superclass(t)) {
      List<VariableElement> own = new ArrayList<>();
      List<VariableElement> fields = ElementFilter.fieldsIn(t.getEnclosedElements());
      for (VariableElement f : fields) {
        JType type = TypeMapper.map(f.asType());
        if (!named.contains(f.getSimpleName().toString()) && !f.getModifiers().contains(Modifier.STATIC)
            && type.isFloating() && type.dims() <= 2 && f.getConstantValue() == null) {
          own.add(f);
        }
      }
      fields.forEach(f -> named.add(f.getSimpleName().toString()));
      perClass.add(0, own);
    }
    List<VariableElement> out = new ArrayList<>();
    perClass.forEach(out::addAll);
    return out;
  }

  private static TypeElement superclass(TypeElement t) {
    if (!(t.getSuperclass() instanceof DeclaredType d) || !(d.asElement() instanceof TypeElement s)) {
      return null;
    }
    String name = s.getQualifiedName().toString();
    return name.startsWith("java.") || name.startsWith("javax.") ? null : s;
  }

  /** Whether method is an instance method differentiated with respect to its receiver's fields. */
  public static boolean isWrtThis(ExecutableElement method) {
    return !method.getModifiers().contains(Modifier.STATIC) && Annotations.wrt(method).contains(THIS);
  }
}
