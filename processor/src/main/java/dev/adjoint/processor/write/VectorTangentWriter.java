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

  static void add(TypeSpec.Builder type, ClassName self, TypeElement owner, MethodIR m, Tangent tangent,
      ReceiverParamsWriter receiverParams) {
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
    if (isVoid || m.wrt().isEmpty()) {
      return;
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
    type.addMethod(entry(self, link, m, tangent, receiverParams, primal, dots, record));
  }

  /**
   * {@code fTangents}: checks the tangents, converts them to the ABI's layout (the fields' from one
   * {@code Params} record per direction), and runs {@code fPushforwardsInto}.
   */
  private static MethodSpec entry(ClassName self, String link, MethodIR m, Tangent tangent,
      ReceiverParamsWriter receiverParams, List<ParameterSpec> primal, List<ParameterSpec> dots, ClassName record) {
    String method = AdjointNaming.tangentsMethod(m.name());
    List<Variable> fields = m.params().stream().filter(p -> p.kind() == Variable.Kind.FIELD).toList();
    boolean withFields = m.wrt().stream().anyMatch(v -> v.kind() == Variable.Kind.FIELD);
    MethodSpec.Builder entry = MethodSpec.methodBuilder(method)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(record)
        .addParameters(primal.subList(0, primal.size() - fields.size()))
        .addJavadoc("Value of " + link + " and its derivatives in several directions at once (vector forward"
            + " mode):\n{@code ...Dots[d]} is the tangent of each differentiable parameter in direction {@code d}"
            + (withFields ? ",\nand {@code selfDots[d]} the fields' tangents in direction {@code d}" : "")
            + ". One sweep;\nthe cost grows with the number of directions, as a Jacobian's columns do. The tangents"
            + " given are\nleft as they were.\n");
    java.util.Set<String> taken = names(m, tangent);
    taken.add("selfDots");
    String count = HessianWriter.fresh("directions", taken);
    String d = HessianWriter.fresh("d", taken);
    for (Variable f : fields) { // the receiver's fields, read from it
      entry.addStatement("$T $N = $L", AdjointClassWriter.typeName(f.type()), f.name(), receiverParams.read(f, "self"));
    }
    Variable first = m.wrt().get(0);
    String counted = first.kind() == Variable.Kind.FIELD ? "selfDots" : tangent.dotParamNames().get(0);
    entry.addStatement("$T.checkNotNull($S, $S, $L)", SEEDS, method, counted, counted);
    entry.addStatement("int $L = $L.length", count, counted);
    List<CodeBlock> args = new ArrayList<>();
    m.params().forEach(p -> args.add(CodeBlock.of("$L", p.name())));
    args.add(CodeBlock.of("$L", count));
    CodeBlock.Builder gather = CodeBlock.builder();
    for (int k = 0; k < m.wrt().size(); k++) {
      Variable p = m.wrt().get(k);
      String dot = tangent.dotParamNames().get(k);
      if (p.kind() == Variable.Kind.FIELD) { // gathered from the records, direction by direction
        if (p.type().isArray()) {
          entry.addStatement("$T $L = $T.zeros($L, $L)", AdjointClassWriter.typeName(p.type()), dot, LANES, count,
              p.name());
          gather.addStatement("$T.checkShapeOrNull($S, $S, selfDots[$L].$N(), $L)", LANES, method,
              "selfDots[d]." + p.sourceName() + "()", d, p.sourceName(), p.name());
          gather.addStatement("$T.setLane($L, $L, $L, selfDots[$L].$N())", LANES, dot, count, d, d, p.sourceName());
        } else {
          entry.addStatement("$T $L = new $L[$L]", lanes(p.type()), dot, p.type().sourceText(), count);
          gather.addStatement("$L[$L] = selfDots[$L].$N()", dot, d, d, p.sourceName());
        }
        args.add(CodeBlock.of("$L", dot));
        continue;
      }
      entry.addParameter(dots.get(k));
      if (p.type().isArray()) {
        entry.addStatement("$T.check($S, $S, $L, $L, $L)", LANES, method, dot, dot, count, p.name());
      } else {
        entry.addStatement("$T.check($S, $S, $L, $L, -1)", LANES, method, dot, dot, count);
      }
      args.add(p.type().isArray() ? CodeBlock.of("$T.interleave($L)", LANES, dot) : CodeBlock.of("$L.clone()", dot));
    }
    if (withFields) {
      ArrayTypeName records = ArrayTypeName.of(self.nestedClass(ReceiverParamsWriter.RECORD));
      entry.addParameter(records, "selfDots");
      entry.addStatement("$T.check($S, $S, selfDots, $L, -1)", LANES, method, "selfDots", count);
      entry.beginControlFlow("for (int $L = 0; $L < $L; $L++)", d, d, count, d);
      entry.addStatement("$T.checkNotNull($S, $S, selfDots[$L])", SEEDS, method, "selfDots[d]", d);
      entry.addCode(gather.build());
      entry.endControlFlow();
    }
    TypeName resultType = AdjointClassWriter.typeName(m.returnType());
    entry.addStatement("$T value = new $L", ArrayTypeName.of(resultType), AdjointClassWriter.newArrayOfOne(m.returnType()));
    args.add(CodeBlock.of("value"));
    entry.addStatement("$T tangents = $L($L)", innermost(m.returnType()), AdjointNaming.pushforwardsIntoMethod(m.name()),
        CodeBlock.join(args, ", "));
    if (m.returnType().isArray()) {
      entry.addStatement("return new $T(value[0], $T.split(tangents, $L))", record, LANES, count);
    } else {
      entry.addStatement("return new $T(value[0], tangents)", record);
    }
    return entry.build();
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
