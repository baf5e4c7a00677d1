package dev.adjoint.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.processor.ir.AdjointNaming;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Second derivatives, in the class a later round writes for an adjoint class: the gradient of a
 * pushforward {@code fPushforwardInto(args, dots, valueOut)} with respect to its arguments is the
 * Hessian of {@code f} times the direction {@code dots} (reverse over forward), and with respect to
 * the dots it is f's gradient. This adds the named entry points: {@code fHvp(args, v)} and, where
 * every differentiable parameter is a {@code double} or a {@code double[]}, the dense
 * {@code fHessian(args)}, one Hessian-vector product per column.
 */
final class HessianWriter {
  private static final String PUSHFORWARD = AdjointNaming.pushforwardIntoMethod("");
  private static final ClassName FLAT = ClassName.get("dev.adjoint.runtime.tape", "FlatVectors");

  private HessianWriter() {}

  /**
   * Whether m is a generated pushforward of a method with a scalar result, differentiated in its
   * arguments, its dots and its value out parameter (last).
   */
  static boolean applies(MethodIR m) {
    int n = m.wrt().size();
    return m.name().endsWith(PUSHFORWARD) && m.returnType().dims() == 0 && m.returnType().isFloating() && n > 1
        && n % 2 == 1 && m.params().size() >= n;
  }

  static void add(TypeSpec.Builder type, ClassName self, MethodIR m) {
    String f = m.name().substring(0, m.name().length() - PUSHFORWARD.length());
    int k = (m.wrt().size() - 1) / 2;
    List<Variable> wrt = m.wrt().subList(0, k);
    List<Variable> dots = m.wrt().subList(k, 2 * k);
    List<Variable> primal = m.params().subList(0, m.params().size() - k - 1); // then the dots, then valueOut
    ClassName record = self.nestedClass(Character.toUpperCase(f.charAt(0)) + f.substring(1) + "Hvp");
    ClassName gradient = self.nestedClass(AdjointNaming.recordName(m.name()));
    TypeSpec.Builder rec = TypeSpec.recordBuilder(record.simpleName()).addModifiers(Modifier.PUBLIC)
        .addJavadoc("The Hessian of {@code " + f + "} times a direction v, by parameter ({@code x} holds the block"
            + " for {@code x}), with the gradient\n({@code xGradient}) and its dot product with v ({@code slope}).\n");
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addParameter(TypeName.DOUBLE, "slope");
    java.util.Set<String> taken = new java.util.HashSet<>();
    m.params().forEach(p -> taken.add(p.name()));
    String g = fresh("g", taken);
    List<String> components = new ArrayList<>(List.of(g + ".value()"));
    for (Variable p : wrt) {
      ctor.addParameter(AdjointClassWriter.typeName(p.type()), p.name());
      components.add(g + "." + p.name() + "()");
    }
    for (int i = 0; i < k; i++) {
      ctor.addParameter(AdjointClassWriter.typeName(wrt.get(i).type()), wrt.get(i).name() + "Gradient");
      components.add(g + "." + dots.get(i).name() + "()");
    }
    type.addType(rec.recordConstructor(ctor.build()).build());

    List<ParameterSpec> params = new ArrayList<>();
    List<String> args = new ArrayList<>();
    for (Variable p : primal) {
      params.add(ParameterSpec.builder(AdjointClassWriter.typeName(p.type()), p.name()).build());
      args.add(p.name());
    }
    List<ParameterSpec> directions = new ArrayList<>();
    for (Variable d : dots) {
      directions.add(ParameterSpec.builder(AdjointClassWriter.typeName(d.type()), d.name()).build());
      args.add(d.name());
    }
    String result = m.returnType().base() == JType.Base.FLOAT ? "new float[1]" : "new double[1]";
    type.addMethod(MethodSpec.methodBuilder(f + "Hvp")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(record)
        .addParameters(params)
        .addParameters(directions)
        .addJavadoc("The Hessian of {@code " + f + "} times the direction given by {@code ...Dot}, and its gradient:"
            + " one sweep, the\nreverse of its tangent (forward over reverse gives the same product).\n")
        .addStatement("$T $L = $L($L, $L)", gradient, g, AdjointNaming.gradientMethod(m.name()), String.join(", ", args),
            result)
        .addStatement("return new $T($L)", record, String.join(", ", components))
        .build());
    if (wrt.stream().allMatch(p -> p.type().base() == JType.Base.DOUBLE && p.type().dims() <= 1)) {
      addDense(type, f, record, primal, wrt);
    }
  }

  /** The dense Hessian, in the order of the parameters, an array's elements in turn. */
  private static void addDense(TypeSpec.Builder type, String f, ClassName record, List<Variable> primal,
      List<Variable> wrt) {
    MethodSpec.Builder dense = MethodSpec.methodBuilder(f + "Hessian")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ArrayTypeName.of(ArrayTypeName.of(TypeName.DOUBLE)))
        .addJavadoc("The dense Hessian of {@code " + f + "}, its rows and columns in the order of "
            + "the differentiable parameters\n(an array's elements in turn): one Hessian-vector product per column,"
            + " for small inputs.\n");
    java.util.Set<String> taken = new java.util.HashSet<>();
    primal.forEach(p -> taken.add(p.name()));
    String n = fresh("n", taken);
    String h = fresh("h", taken);
    String k = fresh("k", taken);
    String v = fresh("v", taken);
    String p = fresh("p", taken);
    List<String> sizes = new ArrayList<>();
    for (Variable q : primal) {
      dense.addParameter(AdjointClassWriter.typeName(q.type()), q.name());
    }
    for (Variable q : wrt) {
      sizes.add(q.type().isArray() ? q.name() + ".length" : "1");
    }
    dense.addStatement("int $L = $L", n, String.join(" + ", sizes));
    dense.addStatement("double[][] $L = new double[$L][]", h, n);
    dense.beginControlFlow("for (int $L = 0; $L < $L; $L++)", k, k, n, k);
    dense.addStatement("double[] $L = new double[$L]", v, n);
    dense.addStatement("$L[$L] = 1", v, k);
    List<Object> args = new ArrayList<>();
    primal.forEach(q -> args.add(q.name()));
    String at = "0";
    List<String> parts = new ArrayList<>();
    for (Variable q : wrt) {
      args.add(q.type().isArray() ? com.palantir.javapoet.CodeBlock.of("$T.slice($L, $L, $L.length)", FLAT, v, at, q.name())
          : v + "[" + at + "]");
      at = at + " + " + (q.type().isArray() ? q.name() + ".length" : "1");
      parts.add(p + "." + q.name() + "()");
    }
    dense.addStatement("$T $L = $L($L)", record, p, f + "Hvp", com.palantir.javapoet.CodeBlock.join(
        args.stream().map(a -> a instanceof com.palantir.javapoet.CodeBlock c ? c : com.palantir.javapoet.CodeBlock.of("$L", a))
            .toList(), ", "));
    dense.addStatement("$L[$L] = $T.join($L)", h, k, FLAT, String.join(", ", parts));
    dense.endControlFlow();
    dense.addStatement("return $L", h);
    type.addMethod(dense.build());
  }

  /** base, or base followed by a number, that no parameter is named (generated entry points' locals). */
  static String fresh(String base, java.util.Set<String> taken) {
    String name = base;
    for (int i = 0; taken.contains(name); i++) {
      name = base + i;
    }
    taken.add(name);
    return name;
  }
}
