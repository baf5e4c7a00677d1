package dev.adjoint.processor.write;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.processor.emit.FieldHandle;
import dev.adjoint.processor.emit.RuntimeClasses;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Declares the {@code static final VarHandle} of each private field the sweeps read. Being
 * static final, each handle is a constant to the JIT; the sweeps read a field of the receiver
 * once, into a local (see {@code lower.PrivateFieldLocals}).
 */
final class FieldHandleConstants {
  private FieldHandleConstants() {}

  static void declare(TypeSpec.Builder type, Set<FieldHandle> handles) {
    for (FieldHandle h : handles) {
      // package-private: the second-order class a later round writes beside this one reads them too
      type.addField(FieldSpec.builder(VarHandle.class, h.constantName(), Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.$N($T.lookup(), $T.class, $S, $T.class)", RuntimeClasses.FIELD_HANDLES,
              h.isStatic() ? "findStatic" : "find", MethodHandles.class, h.owner(), h.name(),
              erased(AdjointClassWriter.typeName(h.type())))
          .build());
    }
  }

  /** The type as a class literal names it: {@code List}, not {@code List<Double>}. */
  private static TypeName erased(TypeName t) {
    if (t instanceof ParameterizedTypeName p) {
      return p.rawType();
    }
    return t;
  }
}
