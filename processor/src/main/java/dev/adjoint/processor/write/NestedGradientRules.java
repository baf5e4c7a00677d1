package dev.adjoint.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.processor.ir.AdjointNaming;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Rules that make a generated gradient differentiable, so that a {@code @Differentiable} method
 * may call {@code fPullbackInto(args, dy)} (nested reverse mode) and still be differentiated in
 * either mode. For a scalar {@code f} whose differentiable parameters are {@code double}s,
 * {@code fPullbackInto} returns {@code dy} times f's gradient {@code g(x)}. Its derivatives need
 * f's Hessian {@code H} and gradient, which one reverse sweep of f's tangent gives
 * ({@code fPushforwardIntoGradient}, as for {@code fHvp}):
 *
 * <ul>
 *   <li>pushforward (forward over reverse): {@code d(dy g) = dy H xDot + dyDot g};
 *   <li>pullback (reverse over reverse): for the seed {@code u} of the returned gradient,
 *       {@code xBar = dy H u} ({@code H} is symmetric) and {@code dyBar = g . u}.
 * </ul>
 *
 * <p>They are written into the class a later round writes for the adjoint class, next to
 * {@code fHvp}, as {@code @CustomRule}s with {@code target} the adjoint class.
 */
final class NestedGradientRules {
  private NestedGradientRules() {}

  /**
   * The pullbackInto of pushforward m's method when its rules can be written: every floating-point
   * parameter of f is a differentiable {@code double}, and f's result is a scalar.
   */
  static Optional<ExecutableElement> pullbackInto(TypeElement adjointClass, MethodIR pushforward) {
    if (!HessianWriter.applies(pushforward)) {
      return Optional.empty();
    }
    int k = (pushforward.wrt().size() - 1) / 2;
    List<Variable> primal = primalParams(pushforward, k);
    long floating = primal.stream().filter(p -> p.type().isFloating()).count();
    boolean allDoubles = floating == k && pushforward.wrt().subList(0, k).stream()
        .allMatch(p -> p.type().base() == JType.Base.DOUBLE && p.type().dims() == 0);
    if (!allDoubles || pushforward.returnType().base() != JType.Base.DOUBLE) {
      return Optional.empty();
    }
    String name = AdjointNaming.pullbackIntoMethod(f(pushforward));
    return ElementFilter.methodsIn(adjointClass.getEnclosedElements()).stream()
        .filter(m -> m.getSimpleName().contentEquals(name) && m.getParameters().size() == primal.size() + 1)
        .findFirst();
  }

  static void add(TypeSpec.Builder type, ClassName self, ClassName adjointClass, MethodIR pushforward,
      ExecutableElement pullbackInto) {
    int k = (pushforward.wrt().size() - 1) / 2;
    List<Variable> wrt = pushforward.wrt().subList(0, k);
    List<Variable> dots = pushforward.wrt().subList(k, 2 * k);
    List<Variable> primal = primalParams(pushforward, k);
    List<? extends VariableElement> abi = pullbackInto.getParameters();
    String dy = abi.get(abi.size() - 1).getSimpleName().toString();
    Set<String> taken = new HashSet<>();
    abi.forEach(p -> taken.add(p.getSimpleName().toString()));
    String g = HessianWriter.fresh("g", taken);
    ClassName record = self.nestedClass(AdjointNaming.recordName(pushforward.name()));
    String of = pullbackInto.getSimpleName().toString();
    TypeName gradientType = k == 1 ? TypeName.DOUBLE : ArrayTypeName.of(TypeName.DOUBLE);

    MethodSpec.Builder pullback = method(of + "Pullback", primal, dy, adjointClass, of, false)
        .returns(ArrayTypeName.of(TypeName.DOUBLE))
        .addJavadoc("Pullback rule of {@link $T#$L}, for methods that call it (reverse over reverse): the"
            + " adjoints of its\nparameters for the seed {@code u} of the gradient it returns are {@code $L H u} and,"
            + " for {@code $L},\n{@code g . u}.\n", adjointClass, of, dy, dy);
    String u = HessianWriter.fresh("u", taken);
    pullback.addParameter(gradientType, u);
    List<String> direction = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      direction.add(k == 1 ? u : u + "[" + i + "]");
    }
    pullback.addStatement("$T $L = $L($L)", record, g, AdjointNaming.gradientMethod(pushforward.name()),
        arguments(primal, direction));
    List<String> adjoints = new ArrayList<>();
    wrt.forEach(p -> adjoints.add(dy + " * " + g + "." + p.name() + "()"));
    adjoints.add(g + ".value()");
    pullback.addStatement("return new double[] {$L}", String.join(", ", adjoints));
    type.addMethod(pullback.build());

    MethodSpec.Builder pushforwardRule = method(of + "Pushforward", primal, dy, adjointClass, of, true)
        .returns(gradientType)
        .addJavadoc("Pushforward rule of {@link $T#$L}, for methods that call it (forward over reverse): the"
            + " tangent of\nthe gradient it returns is {@code $L H xDot + $LDot g}.\n", adjointClass, of, dy, dy);
    List<String> tangents = new ArrayList<>();
    for (Variable p : primal) {
      if (p.type().isFloating()) {
        String t = HessianWriter.fresh(p.name() + "Dot", taken);
        pushforwardRule.addParameter(TypeName.DOUBLE, t);
        tangents.add(t);
      }
    }
    String dyDot = HessianWriter.fresh(dy + "Dot", taken);
    pushforwardRule.addParameter(TypeName.DOUBLE, dyDot);
    pushforwardRule.addStatement("$T $L = $L($L)", record, g, AdjointNaming.gradientMethod(pushforward.name()),
        arguments(primal, tangents));
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      parts.add(dy + " * " + g + "." + wrt.get(i).name() + "() + " + dyDot + " * " + g + "." + dots.get(i).name() + "()");
    }
    pushforwardRule.addStatement(k == 1 ? "return $L" : "return new double[] {$L}", String.join(", ", parts));
    type.addMethod(pushforwardRule.build());
  }

  /** A rule's head: public static, the annotation, then pullbackInto's own parameters. */
  private static MethodSpec.Builder method(String name, List<Variable> primal, String dy, ClassName adjointClass,
      String of, boolean pushforward) {
    AnnotationSpec.Builder rule = AnnotationSpec.builder(ClassName.get("dev.adjoint.annotations", "CustomRule"))
        .addMember("of", "$S", of).addMember("target", "$T.class", adjointClass);
    if (pushforward) {
      rule.addMember("form", "$T.PUSHFORWARD", ClassName.get("dev.adjoint.annotations", "CustomRule", "Form"));
    }
    MethodSpec.Builder b = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addAnnotation(rule.build());
    primal.forEach(p -> b.addParameter(AdjointClassWriter.typeName(p.type()), p.name()));
    return b.addParameter(TypeName.DOUBLE, dy);
  }

  /** The primal arguments, the direction, and a value out array: the pushforward's parameters. */
  private static String arguments(List<Variable> primal, List<String> direction) {
    List<String> args = new ArrayList<>();
    primal.forEach(p -> args.add(p.name()));
    args.addAll(direction);
    args.add("new double[1]");
    return String.join(", ", args);
  }

  private static List<Variable> primalParams(MethodIR pushforward, int k) {
    return pushforward.params().subList(0, pushforward.params().size() - k - 1);
  }

  private static String f(MethodIR pushforward) {
    String name = pushforward.name();
    return name.substring(0, name.length() - AdjointNaming.pushforwardIntoMethod("").length());
  }
}
