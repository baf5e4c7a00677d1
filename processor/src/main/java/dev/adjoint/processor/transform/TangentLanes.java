package dev.adjoint.processor.transform;

import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.JType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * The directions of a vector tangent (Tapenade's {@code -vector}), innermost: a scalar {@code x}
 * has the tangents {@code xDots[d]}, and an array has tangents of its own type whose innermost
 * arrays are {@code k} times as long, entry {@code i} in direction {@code d} at
 * {@code aDots[i * k + d]}. So a statement's loop over the directions reads and writes consecutive
 * memory, and a matrix's row {@code m[i]} has the tangents {@code mDots[i]}, laid out as a callee
 * taking that row expects. A statement's tangent is written once, as in the scalar tangent but
 * indexed by {@code d}, inside a loop over the directions; what it reads that does not depend on
 * the direction (the partials) is computed once, before that loop.
 *
 * <p>Values worked out inside such a loop are local to it: the loop's end forgets them, so code
 * after it works them out again rather than naming a local it cannot see.
 */
final class TangentLanes {
  private static final Pattern NAME_OR_NUMBER = Pattern.compile("[\\w.]+");

  private final String count;
  private final String index;
  private final Printer printer;
  private final Deque<Integer> marks = new ArrayDeque<>();

  /**
   * @param count the name of the number of directions
   * @param index the name of the direction in the loops over them
   */
  TangentLanes(String count, String index, Printer printer) {
    this.count = count;
    this.index = index;
    this.printer = printer;
  }

  String count() {
    return count;
  }

  /** The name of the direction in the loops over them. */
  String index() {
    return index;
  }

  /** A scalar's tangent in the current direction. */
  String at(String dots) {
    return dots + "[" + index + "]";
  }

  /** The tangent of entry {@code i} of an array whose tangents are {@code rows}, in the current direction. */
  String element(String rows, String i) {
    return rows + "[" + parenthesized(i) + " * " + count + " + " + index + "]";
  }

  /** A new array for a scalar's tangents in every direction: {@code new double[k]}. */
  String allocate(JType scalar) {
    return "new " + scalar.base().keyword() + "[" + count + "]";
  }

  /** The type of a value's tangents in every direction: a scalar's an array, an array's its own. */
  static String type(JType value) {
    return (value.isArray() ? value : value.arrayOf()).sourceText();
  }

  /**
   * The tangents of {@code new double[n][m]}: zero arrays of the same shape with the innermost
   * length {@code k} times as long ({@code new double[n][m * k]}, checked for overflow); {@code new double[n][]}'s rows
   * come later, as rows.
   */
  Snippet newArray(Expr.NewArray n) {
    if (n.dimensions().size() < n.type().dims()) {
      return printer.printTyped(n);
    }
    StringBuilder text = new StringBuilder("new " + n.type().base().keyword());
    int last = n.dimensions().size() - 1;
    for (int i = 0; i <= last; i++) {
      String dim = printer.print(n.dimensions().get(i));
      text.append("[").append(i == last ? "Math.multiplyExact(" + dim + ", " + count + ")" : dim).append("]");
    }
    return Snippet.of(text.toString());
  }

  private static String parenthesized(String operand) {
    return NAME_OR_NUMBER.matcher(operand).matches() ? operand : "(" + operand + ")";
  }

  /** Whether code is being written inside the loop over the directions. */
  boolean isOpen() {
    return !marks.isEmpty();
  }

  /** Opens the loop over the directions; the caller writes its body and then {@link #close}s it. */
  void open(Code out) {
    marks.push(printer.mark());
    out.open("for (int " + index + " = 0; " + index + " < " + count + "; " + index + "++)");
  }

  void close(Code out) {
    out.close();
    printer.rollback(marks.pop());
  }
}
