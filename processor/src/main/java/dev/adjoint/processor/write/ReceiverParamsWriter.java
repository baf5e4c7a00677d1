package dev.adjoint.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.processor.emit.FieldHandle;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.read.ReceiverFields;
import dev.adjoint.processor.read.TypeMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The {@code Params} record of a class with methods differentiated with respect to {@code
 * "this"}: one component per {@linkplain ReceiverFields model field}, holding either the fields'
 * adjoints (the {@code self} component of a gradient) or their values ({@code Params.of(model)}),
 * with the flattening that optimizers and {@code GradCheck} need.
 */
final class ReceiverParamsWriter {
  static final String RECORD = "Params";
  /** The gradient record's component holding the receiver's field adjoints. */
  static final String COMPONENT = "self";
  private static final ClassName FLAT = ClassName.get("dev.adjoint.runtime.params", "FlatParams");

  private final TypeElement owner;
  private final String pkg;
  private final List<VariableElement> fields;

  ReceiverParamsWriter(TypeElement owner, String pkg) {
    this.owner = owner;
    this.pkg = pkg;
    this.fields = ReceiverFields.of(owner);
  }

  /** The handles the record and the entry points read private fields through. */
  Set<FieldHandle> handles() {
    Set<FieldHandle> out = new TreeSet<>();
    for (VariableElement f : fields) {
      if (f.getModifiers().contains(Modifier.PRIVATE)) {
        out.add(handle(f));
      }
    }
    return out;
  }

  /** The value of field f of receiver: {@code self.w}, or through its handle when private. */
  CodeBlock read(VariableElement f, String receiver) {
    if (f.getModifiers().contains(Modifier.PRIVATE)) {
      return CodeBlock.of("($T) $N.get($N)", type(f), handle(f).constantName(), receiver);
    }
    return CodeBlock.of("$N.$N", receiver, f.getSimpleName().toString());
  }

  /** The value of the field a field parameter ({@code thisW}) stands for, on receiver. */
  CodeBlock read(Variable parameter, String receiver) {
    for (VariableElement f : fields) {
      if (f.getSimpleName().contentEquals(parameter.sourceName())) {
        return read(f, receiver);
      }
    }
    throw new IllegalStateException(parameter + " is no field of " + owner);
  }

  TypeSpec record(ClassName adjoint) {
    ClassName record = adjoint.nestedClass(RECORD);
    TypeName model = AdjointClassWriter.receiverType(owner);
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
    List<CodeBlock> values = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<CodeBlock> unflattened = new ArrayList<>();
    for (VariableElement f : fields) {
      String name = f.getSimpleName().toString();
      ctor.addParameter(ParameterSpec.builder(type(f), name).build());
      values.add(read(f, "model"));
      names.add(name);
      JType t = TypeMapper.map(f.asType());
      unflattened.add(t.isArray() ? CodeBlock.of("r.like($N)", name)
          : t.base() == JType.Base.FLOAT ? CodeBlock.of("r.floatScalar()") : CodeBlock.of("r.scalar()"));
    }
    String all = String.join(", ", names);
    TypeSpec.Builder spec = TypeSpec.recordBuilder(RECORD)
        .addModifiers(Modifier.PUBLIC)
        .recordConstructor(ctor.build())
        .addJavadoc("The differentiable fields of {@link $T} ($L), in declaration order: their adjoints, as the\n"
            + "{@code self} component of a gradient, or their values ({@link #of}). {@link #flatten} and\n"
            + "{@link #unflatten} turn either into one {@code double[]} and back, for optimizers and gradient\n"
            + "checks.\n", model, all)
        .addMethod(MethodSpec.methodBuilder("of")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(record)
            .addParameter(model, "model")
            .addJavadoc("The model's current field values (its arrays themselves, not copies).\n")
            .addStatement("return new $T($L)", record, CodeBlock.join(values, ", "))
            .build())
        .addMethod(MethodSpec.methodBuilder("flatSize")
            .addModifiers(Modifier.PUBLIC)
            .returns(int.class)
            .addJavadoc("The number of scalars: one per scalar field, one per array element.\n")
            .addStatement("return $T.size($L)", FLAT, all)
            .build())
        .addMethod(MethodSpec.methodBuilder("flatten")
            .addModifiers(Modifier.PUBLIC)
            .returns(double[].class)
            .addJavadoc("All components in one new array, in field order, two-dimensional arrays row by row.\n")
            .addStatement("return $T.flatten($L)", FLAT, all)
            .build())
        .addMethod(MethodSpec.methodBuilder("unflatten")
            .addModifiers(Modifier.PUBLIC)
            .returns(record)
            .addParameter(double[].class, "flat")
            .addJavadoc("A record shaped like this one with the values of {@code flat}, as {@link #flatten}"
                + " lays them out.\n")
            .addStatement("$T.Reader r = $T.reader(flat, flatSize())", FLAT, FLAT)
            .addStatement("return new $T($L)", record, CodeBlock.join(unflattened, ", "))
            .build());
    if (fields.stream().noneMatch(ReceiverParamsWriter::isFinalScalar)) {
      spec.addMethod(copyInto(model));
    }
    return spec.build();
  }

  /** Writes the values into a model: arrays element by element into the model's own arrays. */
  private MethodSpec copyInto(TypeName model) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("copyInto")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(model, "model")
        .addJavadoc("Writes these values into the model's fields: arrays element by element into the arrays"
            + " the model\nholds (so the shapes must match), scalars by assignment.\n");
    for (VariableElement f : fields) {
      String name = f.getSimpleName().toString();
      if (TypeMapper.map(f.asType()).isArray()) {
        m.addStatement("$T.copy($N, $L)", FLAT, name, read(f, "model"));
      } else if (f.getModifiers().contains(Modifier.PRIVATE)) {
        m.addStatement("$N.set(model, $N)", handle(f).constantName(), name);
      } else {
        m.addStatement("model.$N = $N", name, name);
      }
    }
    return m.build();
  }

  private static boolean isFinalScalar(VariableElement f) {
    return f.getModifiers().contains(Modifier.FINAL) && !TypeMapper.map(f.asType()).isArray();
  }

  private FieldHandle handle(VariableElement f) {
    TypeElement declaring = (TypeElement) f.getEnclosingElement();
    return FieldHandle.of(pkg, declaring.getQualifiedName().toString(), f.getSimpleName().toString(),
        TypeMapper.map(f.asType()), false);
  }

  private static TypeName type(VariableElement f) {
    return AdjointClassWriter.typeName(TypeMapper.map(f.asType()));
  }
}
