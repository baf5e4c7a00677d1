package dev.adjoint.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.processor.ir.AdjointNaming;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.transform.Tangent;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Renders a method's vector tangent (Tapenade's {@code -vector}): the low-level
 * {@code fPushforwardsInto}, the tangents of several directions in one sweep, and for a method
 * with a result, the {@code FTangents} record and the public {@code fTangents} entry point. Inside,
 * the directions are innermost (a scalar's tangents are an array of them, an array's tangents an
 * array of its shape with entry {@code i} of direction {@code d} at {@code [i * k + d]}); the public
 * entry point takes and gives every tangent with one more dimension than its value, first, for the
 * direction, and converts.
 */
final class VectorTangentWriter {
  private static final ClassName SEEDS = ClassName.get("dev.adjoint.runtime.tape", "Seeds");
  private static final ClassName LANES = ClassName.get("dev.adjoint.runtime.tape", "Lanes");

  private VectorTangentWriter() {}

  static void add(TypeSpec.Builder type, ClassName self, TypeElement owner, MethodIR m, Tangent tangent) {
    String name = m.name();
    String link = "{@link " + owner.getQualifiedName() + "#" + name + "}";
    List<ParameterSpec> primal = AdjointClassWriter.primalParams(m);
    List<ParameterSpec> dots = TangentWriter.dotParams(m, tangent, true);
    List<ParameterSpec> innermost = new ArrayList<>();
    for (int k = 0; k < dots.size(); k++) {
      innermost.add(ParameterSpec.builder(innermost(m.wrt().get(k).type()), dots.get(k).name()).build());
    }
    boolean isVoid = m.returnType().isVoid();
    TypeName resultType = isVoid ? TypeName.VOID : AdjointClassWriter.typeName(m.returnType());
    MethodSpec.Builder into = MethodSpec.methodBuilder(AdjointNaming.pushforwardsIntoMethod(name))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(isVoid ? TypeName.VOID : innermost(m.returnType()))
        .addParameters(primal)
        .addParameter(TypeName.INT, tangent.directionsName())
        .addParameters(innermost)
        .addJavadoc("Low-level vector pushforward of " + link + ": {@code " + tangent.directionsName() + "}"
            + " directions in one sweep.\nThe directions are innermost: a scalar's tangents {@code ...Dots} are an"
            + " array of them, an array's\nhave its shape with entry {@code i} of direction {@code d} at"
            + " {@code [i * " + tangent.directionsName() + " + d]} (a null one is zero);\n"
            + (isVoid ? "it updates" : "it returns the result's tangents, so laid out, and updates") + " the tangents"
            + " of the arrays the method writes in place." + (isVoid ? "\n" : "\nThe result goes to"
            + " {@code valueOut[0]} when {@code valueOut} is not null.\n"));
    if (!isVoid) {
      into.addParameter(ArrayTypeName.of(resultType), tangent.valueOutName());
    }
    into.addCode(CodeRenderer.render(tangent.body()));
    type.addMethod(into.build());
    if (isVoid || m.wrt().isEmpty() || m.wrt().stream().anyMatch(v -> v.kind() == Variable.Kind.FIELD)) {
      return; // with respect to fields, callers use fPushforwardsInto
    }
    ClassName record = self.nestedClass(AdjointNaming.tangentsRecordName(name));
    type.addType(TypeSpec.recordBuilder(record.simpleName())
        .addModifiers(Modifier.PUBLIC)
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(resultType, "value")
            .addParameter(lanes(m.returnType()), "tangents")
            .build())
        .addJavadoc("The value of " + link + " and its tangents, {@code tangents[d]} in direction {@code d}.\n")
        .build());
    String method = AdjointNaming.tangentsMethod(name);
    MethodSpec.Builder entry = MethodSpec.methodBuilder(method)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(record)
        .addParameters(primal)
        .addParameters(dots)
        .addJavadoc("Value of " + link + " and its derivatives in several directions at once (vector forward"
            + " mode):\n{@code ...Dots[d]} is the tangent of each differentiable parameter in direction {@code d}."
            + " One sweep;\nthe cost grows with the number of directions, as a Jacobian's columns do. The tangents"
            + " given are\nleft as they were.\n");
    String first = tangent.dotParamNames().get(0);
    String count = HessianWriter.fresh("directions", names(m, tangent));
    entry.addStatement("$T.checkNotNull($S, $S, $L)", SEEDS, method, first, first);
    entry.addStatement("int $L = $L.length", count, first);
    List<CodeBlock> args = new ArrayList<>();
    m.params().forEach(p -> args.add(CodeBlock.of("$L", p.name())));
    args.add(CodeBlock.of("$L", count));
    for (int k = 0; k < m.wrt().size(); k++) {
      Variable p = m.wrt().get(k);
      String dot = tangent.dotParamNames().get(k);
      String length = p.type().dims() == 1 ? p.name() + ".length" : "-1";
      entry.addStatement("$T.check($S, $S, $L, $L, $L)", LANES, method, dot, dot, count, length);
      args.add(p.type().isArray() ? CodeBlock.of("$T.interleave($L)", LANES, dot) : CodeBlock.of("$L.clone()", dot));
    }
    entry.addStatement("$T value = new $L", ArrayTypeName.of(resultType), AdjointClassWriter.newArrayOfOne(m.returnType()));
    args.add(CodeBlock.of("value"));
    entry.addStatement("$T tangents = $L($L)", innermost(m.returnType()), AdjointNaming.pushforwardsIntoMethod(name),
        CodeBlock.join(args, ", "));
    if (m.returnType().isArray()) {
      entry.addStatement("return new $T(value[0], $T.split(tangents, $L))", record, LANES, count);
    } else {
      entry.addStatement("return new $T(value[0], tangents)", record);
    }
    type.addMethod(entry.build());
  }

  /** A value's tangents in several directions, inside: a scalar's an array of them, an array's its own type. */
  private static TypeName innermost(JType type) {
    return type.isArray() ? AdjointClassWriter.typeName(type) : lanes(type);
  }

  /** A value's tangents in several directions, for the public entry point: one more dimension, first. */
  private static TypeName lanes(JType type) {
    return ArrayTypeName.of(AdjointClassWriter.typeName(type));
  }

  private static java.util.Set<String> names(MethodIR m, Tangent tangent) {
    java.util.Set<String> taken = new java.util.HashSet<>();
    m.params().forEach(p -> taken.add(p.name()));
    taken.addAll(tangent.dotParamNames());
    return taken;
  }
}
