package dev.adjoint.processor.emit;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A piece of generated Java: source text, with the classes it names and the locals the transform
 * must find again (the tape) kept apart as typed parts. The writer renders the classes as JavaPoet
 * {@code $T}, so JavaPoet writes the imports, and the transform asks {@link #mentions} instead of
 * searching text.
 *
 * <p>A snippet is not a string: {@link #toString} throws, so a snippet concatenated into a
 * {@code String} by mistake (which would drop its types) fails at once in the tests. Build with
 * {@link #of} and read with {@link #plain}.
 */
public final class Snippet {
  /** One piece of a snippet. */
  public sealed interface Part permits Text, Name, Type, Slot {}

  /** Source text: operators, literals, and names nothing needs to find again. */
  public record Text(String text) implements Part {}

  /** A local the transform looks for by name (the tape); written as is. */
  public record Name(String name) implements Part {}

  /** A class, written by JavaPoet with an import (or qualified where the simple name clashes). */
  public record Type(ClassName className) implements Part {}

  private final List<Part> parts;

  private Snippet(List<Part> parts) {
    this.parts = Collections.unmodifiableList(parts);
  }

  /**
   * The pieces in order: a {@code String} is text, a {@code Snippet} is spliced in, a
   * {@link ClassName} is a class, a {@link Part} is itself.
   */
  public static Snippet of(Object... pieces) {
    List<Part> parts = new ArrayList<>();
    for (Object p : pieces) {
      add(parts, p);
    }
    return new Snippet(parts);
  }

  /** The pieces with sep between them, as {@link String#join} does. */
  public static Snippet join(String sep, List<?> pieces) {
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      if (i > 0) {
        add(parts, sep);
      }
      add(parts, pieces.get(i));
    }
    return new Snippet(parts);
  }

  /** A local's name, found again by {@link #mentions}. */
  public static Snippet name(String name) {
    return new Snippet(List.of(new Name(name)));
  }

  private static void add(List<Part> parts, Object piece) {
    if (piece instanceof String s) {
      if (s.isEmpty()) {
        return;
      }
      if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof Text t) {
        parts.set(parts.size() - 1, new Text(t.text() + s)); // adjacent text merges
      } else {
        parts.add(new Text(s));
      }
    } else if (piece instanceof Snippet s) {
      s.parts.forEach(p -> add(parts, p));
    } else if (piece instanceof Text t) {
      add(parts, t.text());
    } else if (piece instanceof Part p) {
      parts.add(p);
    } else if (piece instanceof ClassName c) {
      parts.add(new Type(c));
    } else {
      throw new IllegalArgumentException("not a piece of code: " + piece);
    }
  }

  public List<Part> parts() {
    return parts;
  }

  public boolean isEmpty() {
    return parts.isEmpty();
  }

  /** Whether the snippet names the local, counting what its resolved slots hold. */
  public boolean mentions(String name) {
    for (Part p : parts) {
      if (p instanceof Name n && n.name().equals(name)
          || p instanceof Slot s && s.isResolved() && s.resolution().mentions(name)) {
        return true;
      }
    }
    return false;
  }

  /** Adds the simple names of the top-level classes this snippet names, resolved slots included. */
  void addClassNames(java.util.Set<String> out) {
    for (Part p : parts) {
      if (p instanceof Type t) {
        out.add(t.className().topLevelClassName().simpleName());
      } else if (p instanceof Slot s && s.isResolved()) {
        s.resolution().addClassNames(out);
      }
    }
  }

  /** The source text, classes by their simple names (for reading and for tests). */
  public String plain() {
    StringBuilder sb = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Text t) {
        sb.append(t.text());
      } else if (p instanceof Name n) {
        sb.append(n.name());
      } else if (p instanceof Type c) {
        sb.append(c.className().simpleName());
      } else {
        sb.append(((Slot) p).resolution().plain());
      }
    }
    return sb.toString();
  }

  /** Throws: see the class comment. */
  @Override
  public String toString() {
    throw new UnsupportedOperationException("a Snippet was concatenated into a String, which drops its types: "
        + "build it with Snippet.of (text: " + plain() + ")");
  }
}
