package dev.adjoint.processor.emit;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out the names of generated variables: readable, predictable ({@code t0}, {@code t1}, ...)
 * and never equal to a name the user's code already uses.
 */
public final class Names {
  private final Set<String> taken = new HashSet<>();

  /** An independent copy, so a sweep can be generated again with the same names. */
  public Names copy() {
    Names c = new Names();
    c.taken.addAll(taken);
    return c;
  }

  public void reserve(String name) {
    taken.add(name);
  }

  public boolean isTaken(String name) {
    return taken.contains(name);
  }

  /** The name itself if free, else the name with the smallest free numeric suffix. */
  public String claim(String name) {
    if (taken.add(name)) {
      return name;
    }
    for (int i = 1; ; i++) {
      String candidate = name + i;
      if (taken.add(candidate)) {
        return candidate;
      }
    }
  }

  /** {@code prefix0}, {@code prefix1}, ...: the first free one. */
  public String fresh(String prefix) {
    for (int i = 0; ; i++) {
      String candidate = prefix + i;
      if (taken.add(candidate)) {
        return candidate;
      }
    }
  }
}
