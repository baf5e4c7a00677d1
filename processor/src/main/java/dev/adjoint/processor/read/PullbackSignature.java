package dev.adjoint.processor.read;

import dev.adjoint.processor.ir.JType;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The signature a {@code @CustomRule} must have for the method it differentiates. Pullback form:
 * the primal's arguments (receiver first), the seed {@code dy}, then one adjoint array per
 * floating-point array parameter; it returns the adjoint of the scalar floating-point parameter, a
 * {@code double[]} of them when there are several, or void. Stateful form: exactly the primal's
 * arguments, returning an {@code Rrule}.
 */
public final class PullbackSignature {
  private final Types types;

  public PullbackSignature(Types types) {
    this.types = types;
  }

  /** The parameter types of primal's pullback-form rule. */
  public List<TypeMirror> pullbackParameters(ExecutableElement primal) {
    List<TypeMirror> params = statefulParameters(primal);
    if (primal.getReturnType().getKind() != TypeKind.VOID) {
      params.add(primal.getReturnType());
    }
    for (VariableElement p : primal.getParameters()) {
      if (TypeMapper.map(p.asType()).isFloating() && TypeMapper.map(p.asType()).isArray()) {
        params.add(p.asType());
      }
    }
    return params;
  }

  /** What primal's pullback-form rule returns. */
  public static JType pullbackReturn(ExecutableElement primal) {
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

  /** The parameter types of primal's stateful rule: its own, the receiver first. */
  public List<TypeMirror> statefulParameters(ExecutableElement primal) {
    List<TypeMirror> params = new ArrayList<>();
    if (!primal.getModifiers().contains(Modifier.STATIC)) {
      params.add(primal.getEnclosingElement().asType());
    }
    primal.getParameters().forEach(p -> params.add(p.asType()));
    return params;
  }

  /** The parameter types of primal's pushforward-form rule: its own, then one tangent per floating-point one. */
  public List<TypeMirror> pushforwardParameters(ExecutableElement primal) {
    List<TypeMirror> params = statefulParameters(primal);
    for (VariableElement p : primal.getParameters()) {
      if (TypeMapper.map(p.asType()).isFloating()) {
        params.add(p.asType());
      }
    }
    return params;
  }

  /** What primal's pushforward-form rule returns: the tangent of a floating-point result, else void. */
  public static JType pushforwardReturn(ExecutableElement primal) {
    JType result = TypeMapper.map(primal.getReturnType());
    return result.isFloating() ? result : JType.VOID;
  }

  /** Whether rule has the pushforward form's signature for primal. */
  public boolean fitsPushforward(ExecutableElement rule, ExecutableElement primal) {
    return sameTypes(rule, pushforwardParameters(primal))
        && TypeMapper.map(rule.getReturnType()).equals(pushforwardReturn(primal));
  }

  /** primal's pushforward-form rule as source, e.g. {@code static double gPushforward(double x, double xDot)}. */
  public String pushforwardSource(ExecutableElement primal) {
    List<String> names = primalNames(primal);
    primal.getParameters().stream().filter(p -> TypeMapper.map(p.asType()).isFloating())
        .forEach(p -> names.add(p.getSimpleName() + "Dot"));
    return source(pushforwardReturn(primal), primal.getSimpleName() + "Pushforward", pushforwardParameters(primal),
        names);
  }

  /** The names of the primal's arguments in a rule: the receiver ({@code self}) first. */
  private static List<String> primalNames(ExecutableElement primal) {
    List<String> names = new ArrayList<>();
    if (!primal.getModifiers().contains(Modifier.STATIC)) {
      names.add("self");
    }
    primal.getParameters().forEach(p -> names.add(p.getSimpleName().toString()));
    return names;
  }

  /** A rule's signature as source. */
  private static String source(JType result, String name, List<TypeMirror> params, List<String> names) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      parts.add(simple(params.get(i)) + " " + names.get(i));
    }
    return "static " + result + " " + name + "(" + String.join(", ", parts) + ")";
  }

  /** Whether rule has the signature its form needs for primal. */
  public boolean fits(ExecutableElement rule, boolean stateful, ExecutableElement primal) {
    if (stateful) {
      return primal.getReturnType().getKind() != TypeKind.VOID && sameTypes(rule, statefulParameters(primal));
    }
    return sameTypes(rule, pullbackParameters(primal)) && TypeMapper.map(rule.getReturnType()).equals(pullbackReturn(primal));
  }

  /** Whether method's parameter types are, erased, the given ones. */
  public boolean sameTypes(ExecutableElement method, List<TypeMirror> want) {
    List<? extends VariableElement> got = method.getParameters();
    boolean same = got.size() == want.size();
    for (int i = 0; same && i < want.size(); i++) {
      same = types.isSameType(types.erasure(got.get(i).asType()), types.erasure(want.get(i)));
    }
    return same;
  }

  /** primal's pullback-form rule as source, e.g. {@code static double gPullback(double x, double dy)}. */
  public String pullbackSource(ExecutableElement primal) {
    List<String> names = primalNames(primal);
    if (primal.getReturnType().getKind() != TypeKind.VOID) {
      names.add("dy");
    }
    primal.getParameters().stream().filter(p -> TypeMapper.map(p.asType()).isFloating()
        && TypeMapper.map(p.asType()).isArray()).forEach(p -> names.add(p.getSimpleName() + "Bar"));
    return source(pullbackReturn(primal), primal.getSimpleName() + "Pullback", pullbackParameters(primal), names);
  }

  /** A type as a user writes it: simple class names, type arguments kept. */
  public static String simple(TypeMirror t) {
    String s = t.toString();
    int lt = s.indexOf('<');
    String head = lt < 0 ? s : s.substring(0, lt);
    return head.substring(head.lastIndexOf('.') + 1) + (lt < 0 ? "" : s.substring(lt));
  }
}
