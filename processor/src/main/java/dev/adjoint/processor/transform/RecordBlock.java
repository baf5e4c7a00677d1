package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.JType;
import java.util.function.UnaryOperator;

/**
 * The records of one counted loop, kept as one block on the tape ({@code Tape.pushDoubleBlock}):
 * the loop claims trips × records-per-trip slots before its first iteration and writes each record
 * through a local cursor; its reverse takes the block back and reads it from the top down. That
 * spares every record the tape's capacity check and its field writes, which in a loop recording a
 * value or two per iteration cost about as much as the loop's own arithmetic.
 *
 * <p>A block needs every iteration to record the same number of values, so it takes only the
 * records made at the level of the loop's own body: doubles and floats (on the double stack), ints,
 * narrower integers and booleans (on the int stack). Records inside a nested if or loop, of longs or
 * references, and any other use of the tape go to the tape as usual; {@link SweepBuilder} then
 * finds the tape's name in the body's code and keeps the whole loop on per-record tape calls. One
 * instance follows the reverse of a loop body and another its forward, and the two must match.
 */
final class RecordBlock {
  private final String tape;
  private final UnaryOperator<String> fresh;
  private int nesting;
  private int doubles;
  private int ints;
  private String doubleTop;
  private String doubleRecords;
  private String intTop;
  private String intRecords;

  /** A block on the named tape whose cursor and storage locals get names from fresh. */
  RecordBlock(String tape, UnaryOperator<String> fresh) {
    this.tape = tape;
    this.fresh = fresh;
  }

  /** Runs work for a statement nested in the body (an if, an inner loop), whose records go to the tape. */
  void nested(Runnable work) {
    nesting++;
    try {
      work.run();
    } finally {
      nesting--;
    }
  }

  /** The statement that records value in the block, or null where the block does not take it. */
  String push(JType type, String value) {
    if (nesting > 0 || type.isArray()) {
      return null;
    }
    return switch (type.base()) {
      case DOUBLE, FLOAT -> {
        doubles++;
        yield doubleRecords() + "[" + doubleTop + "++] = " + value + ";";
      }
      case BOOLEAN -> {
        ints++;
        String condition = value.matches("[\\w.]+") ? value : "(" + value + ")";
        yield intRecords() + "[" + intTop + "++] = " + condition + " ? 1 : 0;";
      }
      case INT, SHORT, CHAR, BYTE -> {
        ints++;
        yield intRecords() + "[" + intTop + "++] = " + value + ";";
      }
      default -> null;
    };
  }

  /** The expression that reads back the most recent record of type, or null where the block does not hold it. */
  String pop(JType type) {
    if (nesting > 0 || type.isArray()) {
      return null;
    }
    return switch (type.base()) {
      case DOUBLE -> {
        doubles++;
        yield doubleRecords() + "[--" + doubleTop + "]";
      }
      case FLOAT -> {
        doubles++;
        yield "(float) " + doubleRecords() + "[--" + doubleTop + "]";
      }
      case BOOLEAN -> {
        ints++;
        yield intRecords() + "[--" + intTop + "] != 0";
      }
      case INT -> {
        ints++;
        yield intRecords() + "[--" + intTop + "]";
      }
      case SHORT, CHAR, BYTE -> {
        ints++;
        yield "(" + type.sourceText() + ") " + intRecords() + "[--" + intTop + "]";
      }
      default -> null;
    };
  }

  /** Whether nothing was recorded in the block, so the loop needs none. */
  boolean isEmpty() {
    return doubles == 0 && ints == 0;
  }

  /** Whether this block records per trip what other does: the forward and reverse of one loop must agree. */
  boolean sameShape(RecordBlock other) {
    return doubles == other.doubles && ints == other.ints;
  }

  /** Before the loop's first iteration: claims the block for trips iterations. */
  void claim(String trips, Code out) {
    open("push", trips, out);
  }

  /** Before the loop's reverse: takes the block back for trips iterations. */
  void takeBack(String trips, Code out) {
    open("pop", trips, out);
  }

  private void open(String verb, String trips, Code out) {
    if (doubles > 0) {
      out.line("int " + doubleTop + " = " + tape + "." + verb + "DoubleBlock(" + trips + ", " + doubles + ");");
      out.line("double[] " + doubleRecords + " = " + tape + ".doubleStorage();");
    }
    if (ints > 0) {
      out.line("int " + intTop + " = " + tape + "." + verb + "IntBlock(" + trips + ", " + ints + ");");
      out.line("int[] " + intRecords + " = " + tape + ".intStorage();");
    }
  }

  private String doubleRecords() {
    if (doubleRecords == null) {
      doubleTop = fresh.apply("doubleTop");
      doubleRecords = fresh.apply("doubleRecords");
    }
    return doubleRecords;
  }

  private String intRecords() {
    if (intRecords == null) {
      intTop = fresh.apply("intTop");
      intRecords = fresh.apply("intRecords");
    }
    return intRecords;
  }
}
