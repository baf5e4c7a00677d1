package dev.adjoint.processor.transform;

import java.util.ArrayList;
import java.util.List;

/** Lines of generated Java with indentation; blocks open with a header and close with a brace. */
final class Code {
  private static final String INDENT = "  ";
  private final List<String> lines = new ArrayList<>();
  private int depth;

  Code line(String text) {
    lines.add(INDENT.repeat(depth) + text);
    return this;
  }

  Code open(String header) {
    line(header + " {");
    depth++;
    return this;
  }

  Code close() {
    depth--;
    line("}");
    return this;
  }

  /** Closes a block and opens the next one on the same line, e.g. {@code } else {}. */
  Code reopen(String header) {
    depth--;
    line("} " + header + " {");
    depth++;
    return this;
  }

  /** Closes a block with custom text, e.g. {@code } while (c);}. */
  Code depthCloseWith(String text) {
    depth--;
    line(text);
    return this;
  }

  Code append(Code other) {
    for (String l : other.lines) {
      lines.add(INDENT.repeat(depth) + l);
    }
    return this;
  }

  /** Rewrites every line written so far (indentation included). */
  void rewrite(java.util.function.UnaryOperator<String> f) {
    lines.replaceAll(f);
  }

  /** The lines as written, each with its indentation relative to this code's outermost level. */
  List<String> lines() {
    return List.copyOf(lines);
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l).append('\n');
    }
    return sb.toString();
  }
}
