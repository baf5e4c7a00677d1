package dev.adjoint.processor.read;

import dev.adjoint.processor.ir.JType;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** javac types to IR types. */
public final class TypeMapper {
  private TypeMapper() {}

  public static JType map(TypeMirror mirror) {
    int dims = 0;
    TypeMirror t = mirror;
    while (t.getKind() == TypeKind.ARRAY) {
      t = ((ArrayType) t).getComponentType();
      dims++;
    }
    JType.Base base = switch (t.getKind()) {
      case DOUBLE -> JType.Base.DOUBLE;
      case FLOAT -> JType.Base.FLOAT;
      case LONG -> JType.Base.LONG;
      case INT -> JType.Base.INT;
      case SHORT -> JType.Base.SHORT;
      case CHAR -> JType.Base.CHAR;
      case BYTE -> JType.Base.BYTE;
      case BOOLEAN -> JType.Base.BOOLEAN;
      case VOID -> JType.Base.VOID;
      default -> JType.Base.REFERENCE;
    };
    return new JType(base, dims, base == JType.Base.REFERENCE ? mirror : null);
  }

  /** True when javac could not attribute the type (a symbol is missing, perhaps generated later). */
  public static boolean isError(TypeMirror mirror) {
    TypeMirror t = mirror;
    while (t.getKind() == TypeKind.ARRAY) {
      t = ((ArrayType) t).getComponentType();
    }
    return t.getKind() == TypeKind.ERROR;
  }
}
