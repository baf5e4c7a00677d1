package dev.adjoint.processor.emit;

import com.palantir.javapoet.ClassName;
import dev.adjoint.processor.ir.JType;
import java.util.Locale;

/**
 * A private field generated code reads through a {@code static final VarHandle} of the adjoint
 * class: its constant is named after the declaring class and the field ({@code LOG_REG_BIAS}),
 * the same in every sweep of the class.
 *
 * @param owner the declaring class
 */
public record FieldHandle(ClassName owner, String name, JType type, boolean isStatic)
    implements Comparable<FieldHandle> {

  /**
   * The handle of a field declared by {@code qualifiedOwner}: a class of the adjoint's own package
   * is split there, any other by JavaPoet's convention (lower-case packages).
   */
  public static FieldHandle of(String adjointPackage, String qualifiedOwner, String name, JType type, boolean isStatic) {
    ClassName owner = ClassNames.of(adjointPackage, qualifiedOwner);
    if (owner == null) {
      throw new IllegalArgumentException("cannot tell the package of " + qualifiedOwner);
    }
    return new FieldHandle(owner, name, type, isStatic);
  }

  public String constantName() {
    return upperSnake(String.join("_", owner.simpleNames())) + "_" + upperSnake(name);
  }

  /** {@code logReg} and {@code LogReg} give {@code LOG_REG}. */
  static String upperSnake(String camel) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && camel.charAt(i - 1) != '_' && !Character.isUpperCase(camel.charAt(i - 1))) {
        sb.append('_');
      }
      sb.append(c);
    }
    return sb.toString().toUpperCase(Locale.ROOT);
  }

  @Override
  public int compareTo(FieldHandle o) {
    return constantName().compareTo(o.constantName());
  }
}
