package dev.adjoint.processor.transform;

import dev.adjoint.processor.emit.Code;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The directions of a vector tangent (Tapenade's {@code -vector}): every tangent gets one more
 * dimension, first, for the direction, so the tangent of {@code x} in direction {@code d} is
 * {@code xDot[d]} and an array's is {@code aDot[d]}. A statement's tangent is written once, as in
 * the scalar tangent but indexed by {@code d}, inside a loop over the directions; what it reads
 * that does not depend on the direction (the partials) is computed once, before that loop.
 *
 * <p>Values worked out inside such a loop are local to it: the loop's end forgets them, so code
 * after it works them out again rather than naming a local it cannot see.
 */
final class TangentLanes {
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

  /** A tangent's entry in the current direction. */
  String at(String dots) {
    return dots + "[" + index + "]";
  }

  /** A new array for a value's tangents in every direction: {@code new double[k][]} for a {@code double[]}. */
  String allocate(dev.adjoint.processor.ir.JType type) {
    return "new " + type.base().keyword() + "[" + count + "]" + "[]".repeat(type.dims());
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
