package dev.adjoint.processor.ir;

import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;

/**
 * Who may name a field in generated code: anyone, code in its package (package-private and
 * protected, as the adjoint class is no subclass), or its class alone. A field generated code
 * cannot name, say one an inlined callee from another package reads, is read through a handle.
 *
 * @param packageName the declaring class's package ("" for the default package)
 */
public record Visibility(Level level, String packageName) {
  public enum Level { PUBLIC, PACKAGE, PRIVATE }

  /** A field anyone may name, e.g. an enum constant. */
  public static final Visibility PUBLIC = new Visibility(Level.PUBLIC, "");

  public static Visibility of(Element member) {
    Level level = member.getModifiers().contains(Modifier.PRIVATE) ? Level.PRIVATE
        : member.getModifiers().contains(Modifier.PUBLIC) ? Level.PUBLIC : Level.PACKAGE;
    return new Visibility(level, packageOf(member));
  }

  /** The package an element is declared in. */
  public static String packageOf(Element e) {
    while (e != null && !(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return e == null ? "" : ((PackageElement) e).getQualifiedName().toString();
  }

  public boolean isPrivate() {
    return level == Level.PRIVATE;
  }

  /** Whether code in package pkg may name the field directly. */
  public boolean readableFrom(String pkg) {
    return level == Level.PUBLIC || level == Level.PACKAGE && packageName.equals(pkg);
  }
}
