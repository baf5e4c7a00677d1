package dev.adjoint.processor.emit;

import com.palantir.javapoet.ClassName;
import java.util.Arrays;

/** JavaPoet class names for the qualified names the IR carries. */
public final class ClassNames {
  private ClassNames() {}

  /**
   * The class named {@code qualified}: a class of the adjoint's own package is split there, any
   * other by JavaPoet's convention (lower-case packages, upper-case classes); null where that
   * convention cannot tell.
   */
  public static ClassName of(String adjointPackage, String qualified) {
    String prefix = adjointPackage.isEmpty() ? "" : adjointPackage + ".";
    String rest = qualified.startsWith(prefix) ? qualified.substring(prefix.length()) : "";
    if (!rest.isEmpty() && (!rest.contains(".") || Character.isUpperCase(rest.charAt(0)))) {
      String[] names = rest.split("\\.");
      return ClassName.get(adjointPackage, names[0], Arrays.copyOfRange(names, 1, names.length));
    }
    try {
      return ClassName.bestGuess(qualified);
    } catch (IllegalArgumentException notConventional) {
      return null;
    }
  }
}
