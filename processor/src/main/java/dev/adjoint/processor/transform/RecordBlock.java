package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.JType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * finds the tape's name in the body's code and keeps the whole loop on per-record tape calls.
 *
 * <p>Whether the block is used is known only once the body is generated, so the body is generated
 * once with a placeholder for each record the block took, and {@link #resolve} then writes either
 * the block's code or the tape call in its place. One instance follows the reverse of a loop body
 * and another its forward, and the two must match ({@link #sameShape}).
 */
final class RecordBlock {
  private static final Pattern PLACEHOLDER = Pattern.compile("\u0000(\\d+)\\.(\\d+)\u0000");

  /** A record the block took: a push statement or a pop expression, and its tape call. */
  private record Entry(boolean push, JType type, String value, String onTape) {}

  private final int id;
  private final String tape;
  private final List<Entry> entries = new ArrayList<>();
  private int nesting;
  private int doubles;
  private int ints;
  private boolean used;
  private String doubleTop;
  private String doubleRecords;
  private String intTop;
  private String intRecords;

  /** A block on the named tape; id tells its placeholders from those of other blocks. */
  RecordBlock(int id, String tape) {
    this.id = id;
    this.tape = tape;
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

  /**
   * The statement that records value, a placeholder, or null where the block does not take it;
   * onTape is the statement that records it on the tape.
   */
  String push(JType type, String value, String onTape) {
    if (!takes(type)) {
      return null;
    }
    count(type);
    return placeholder(new Entry(true, type, value, onTape));
  }

  /** The expression that reads back the most recent record, a placeholder, or null as in {@link #push}. */
  String pop(JType type, String onTape) {
    if (!takes(type)) {
      return null;
    }
    count(type);
    return placeholder(new Entry(false, type, null, onTape));
  }

  private boolean takes(JType type) {
    return nesting == 0 && !type.isArray() && switch (type.base()) {
      case DOUBLE, FLOAT, BOOLEAN, INT, SHORT, CHAR, BYTE -> true;
      default -> false;
    };
  }

  private void count(JType type) {
    if (onDoubleStack(type)) {
      doubles++;
    } else {
      ints++;
    }
  }

  private static boolean onDoubleStack(JType type) {
    return type.base() == JType.Base.DOUBLE || type.base() == JType.Base.FLOAT;
  }

  private String placeholder(Entry e) {
    entries.add(e);
    return "\u0000" + id + "." + (entries.size() - 1) + "\u0000";
  }

  /** Whether nothing was recorded in the block, so the loop needs none. */
  boolean isEmpty() {
    return doubles == 0 && ints == 0;
  }

  /** Whether this block records per trip what other does: the forward and reverse of one loop must agree. */
  boolean sameShape(RecordBlock other) {
    return doubles == other.doubles && ints == other.ints;
  }

  /** Whether {@link #resolve} wrote the block's code (rather than tape calls). */
  boolean isUsed() {
    return used;
  }

  /**
   * Replaces the placeholders in code: with the block's cursor code when use is true (the cursor
   * and storage locals then get names from fresh), else with the tape calls.
   */
  void resolve(Code code, boolean use, UnaryOperator<String> fresh) {
    used = use && !isEmpty();
    if (used) {
      if (doubles > 0) {
        doubleTop = fresh.apply("doubleTop");
        doubleRecords = fresh.apply("doubleRecords");
      }
      if (ints > 0) {
        intTop = fresh.apply("intTop");
        intRecords = fresh.apply("intRecords");
      }
    }
    code.rewrite(line -> {
      Matcher m = PLACEHOLDER.matcher(line);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String text = m.group(1).equals(Integer.toString(id)) ? text(entries.get(Integer.parseInt(m.group(2)))) : m.group();
        m.appendReplacement(sb, Matcher.quoteReplacement(text));
      }
      return m.appendTail(sb).toString();
    });
  }

  private String text(Entry e) {
    if (!used) {
      return e.onTape();
    }
    boolean onDoubles = onDoubleStack(e.type());
    String records = onDoubles ? doubleRecords : intRecords;
    String top = onDoubles ? doubleTop : intTop;
    if (e.push()) {
      String value = e.value();
      if (e.type().base() == JType.Base.BOOLEAN) {
        value = (value.matches("[\\w.]+") ? value : "(" + value + ")") + " ? 1 : 0";
      }
      return records + "[" + top + "++] = " + value + ";";
    }
    String read = records + "[--" + top + "]";
    return switch (e.type().base()) {
      case BOOLEAN -> read + " != 0";
      case FLOAT, SHORT, CHAR, BYTE -> "(" + e.type().sourceText() + ") " + read;
      default -> read;
    };
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
}
