package dev.adjoint.processor.ir;

/**
 * Where a statement came from, for the {@code // File.java:LINE  statement} comments that tie
 * generated adjoint code back to the user's source.
 */
public record SourceLine(String file, long line, String text) {
  public String comment() {
    return file + ":" + line + "  " + text;
  }
}
