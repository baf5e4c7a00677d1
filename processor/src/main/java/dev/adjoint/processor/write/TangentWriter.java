package dev.adjoint.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.processor.ir.AdjointNaming;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.read.Annotations;
import dev.adjoint.processor.transform.Tangent;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Renders a method's tangent (forward mode): the low-level {@code fPushforwardInto}, the ABI
 * generated code composes with, and for a method with a result, the {@code FTangent} record and
 * the public {@code fTangent} entry point.
 */
final class TangentWriter {
  private static final ClassName SHADOWS = ClassName.get("dev.adjoint.runtime.tape", "Shadows");
  private TangentWriter() {}

  /** @param mutated the parameters the method writes into */
  static void add(TypeSpec.Builder type, ClassName self, TypeElement owner, MethodIR m, Tangent tangent,
      ReceiverParamsWriter receiverParams, java.util.Collection<String> mutated) {
    String name = m.name();
    String link = "{@link " + owner.getQualifiedName() + "#" + name + "}";
    List<ParameterSpec> primal = AdjointClassWriter.primalParams(m);
    List<ParameterSpec> dots = dotParams(m, tangent, false);
    boolean isVoid = m.returnType().isVoid();
    TypeName resultType = isVoid ? TypeName.VOID : AdjointClassWriter.typeName(m.returnType());
    MethodSpec.Builder into = MethodSpec.methodBuilder(AdjointNaming.pushforwardIntoMethod(name))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(resultType)
        .addParameters(primal)
        .addParameters(dots)
        .addJavadoc("Low-level pushforward (forward mode) of " + link + ", the ABI generated code composes with:\n"
            + "runs the method with the tangents {@code ...Dot} of " + names(m.wrt()) + " (a null tangent array is\n"
            + "zero) and " + (isVoid ? "updates" : "returns the tangent of the result; it updates") + " the tangent"
            + " arrays of the arrays the method writes in place.\n"
            + (isVoid ? "" : "The result itself goes to {@code valueOut[0]} when {@code valueOut} is not null.\n"));
    if (!isVoid) {
      into.addParameter(ArrayTypeName.of(resultType), tangent.valueOutName());
    }
    if (!Annotations.isGeneratedByAdjoint(owner)) {
      // the next round differentiates the pushforward: its adjoint gives second derivatives
      // by position: a class file compiled without parameter names still says which they are
      List<String> wrt = new ArrayList<>();
      List<Variable> sourceParams = m.params(); // the receiver, if any, is the pushforward's first parameter
      m.wrt().forEach(v -> wrt.add("\"#" + sourceParams.indexOf(v) + "\""));
      for (int k = 0; k < m.wrt().size(); k++) {
        wrt.add("\"#" + (sourceParams.size() + k) + "\"");
      }
      if (!isVoid && m.returnType().isFloating()) { // a caller's pushforward reads the value it receives
        wrt.add("\"#" + (sourceParams.size() + m.wrt().size()) + "\"");
      }
      into.addAnnotation(AnnotationSpec.builder(ClassName.get("dev.adjoint.annotations", "Differentiable"))
          .addMember("wrt", "{$L}", String.join(", ", wrt)).build());
    }
    into.addCode(CodeRenderer.render(tangent.body()));
    type.addMethod(into.build());
    if (isVoid) {
      return;
    }
    ClassName record = self.nestedClass(AdjointNaming.tangentRecordName(name));
    type.addType(TypeSpec.recordBuilder(record.simpleName())
        .addModifiers(Modifier.PUBLIC)
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(resultType, "value")
            .addParameter(resultType, "tangent")
            .build())
        .addJavadoc("The value of " + link + " and its tangent (directional derivative).\n")
        .build());
    List<CodeBlock> args = new ArrayList<>();
    m.params().forEach(p -> args.add(CodeBlock.of("$N", p.name())));
    List<Variable> fields = m.params().stream().filter(p -> p.kind() == Variable.Kind.FIELD).toList();
    MethodSpec.Builder entry = MethodSpec.methodBuilder(AdjointNaming.tangentMethod(name))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(record)
        .addParameters(primal.subList(0, primal.size() - fields.size()))
        .addJavadoc("Value of " + link + " and its derivative in the direction given by the tangents {@code ...Dot}\n"
            + "of " + names(m.wrt()) + " (forward mode: one sweep that runs the method and its tangent together).\n"
            + "The tangent arrays are left as they were given."
            + (fields.isEmpty() ? "\n" : " The fields' tangents are the components of {@code selfDot}.\n"));
    String entryName = AdjointNaming.tangentMethod(name);
    ClassName seeds = ClassName.get("dev.adjoint.runtime.tape", "Seeds");
    for (Variable f : fields) { // the receiver's fields, read from it
      entry.addStatement("$T $N = $L", AdjointClassWriter.typeName(f.type()), f.name(), receiverParams.read(f, "self"));
    }
    for (int k = 0; k < m.wrt().size(); k++) {
      Variable p = m.wrt().get(k);
      String dot = tangent.dotParamNames().get(k);
      if (p.kind() == Variable.Kind.FIELD) { // fields are never written: their tangents need no copies
        args.add(CodeBlock.of("selfDot.$N()", p.sourceName()));
        continue;
      }
      entry.addParameter(dots.get(k));
      if (p.type().isArray()) {
        entry.addStatement("$T.checkNotNull($S, $S, $L)", seeds, entryName, dot, dot);
        // the pushforward updates the tangents of the arrays the method writes in place: a copy of
        // those (rows included) keeps the caller's; the others it only reads
        args.add(!mutated.contains(p.name()) ? CodeBlock.of("$N", dot) : p.type().dims() == 1
            ? CodeBlock.of("$N.clone()", dot) : CodeBlock.of("$T.snapshot($N)", SHADOWS, dot));
      } else {
        args.add(CodeBlock.of("$N", dot));
      }
    }
    if (!fields.isEmpty()) {
      entry.addParameter(self.nestedClass(ReceiverParamsWriter.RECORD), "selfDot");
      entry.addStatement("$T.checkNotNull($S, $S, selfDot)", seeds, entryName, "selfDot");
    }
    entry.addStatement("$T value = new $L", ArrayTypeName.of(resultType), AdjointClassWriter.newArrayOfOne(m.returnType()));
    args.add(CodeBlock.of("value"));
    entry.addStatement("$T tangent = $L($L)", resultType, AdjointNaming.pushforwardIntoMethod(name),
        CodeBlock.join(args, ", "));
    entry.addStatement("return new $T(value[0], tangent)", record);
    type.addMethod(entry.build());
  }

  /**
   * The tangent parameters, one per differentiable parameter, of its type; with {@code lanes}, of
   * its type with one more dimension (a vector tangent's).
   */
  static List<ParameterSpec> dotParams(MethodIR m, Tangent tangent, boolean lanes) {
    List<ParameterSpec> dots = new ArrayList<>();
    for (int k = 0; k < m.wrt().size(); k++) {
      com.palantir.javapoet.TypeName type = AdjointClassWriter.typeName(m.wrt().get(k).type());
      dots.add(ParameterSpec.builder(lanes ? ArrayTypeName.of(type) : type, tangent.dotParamNames().get(k)).build());
    }
    return dots;
  }

  private static String names(List<Variable> vars) {
    List<String> out = new ArrayList<>();
    vars.forEach(v -> out.add("{@code " + v.name() + "}"));
    return String.join(", ", out);
  }
}
