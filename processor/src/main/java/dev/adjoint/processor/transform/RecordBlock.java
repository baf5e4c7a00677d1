package dev.adjoint.processor.transform;

import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Slot;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.JType;
import java.util.ArrayList;
import java.util.List;
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
 * references, and any other use of the tape go to the tape as usual; {@link LoopAdjoints} then
 * finds the tape named in the body's code ({@link Code#mentions}) and keeps the whole loop on
 * per-record tape calls.
 *
 * <p>Whether the block is used is known only once the body is generated, so the body is generated
 * once with a {@link Slot} for each record the block took, and {@link #resolve} then fills each with
 * either the block's code or the tape call. One instance follows the reverse of a loop body
 * and another its forward, and the two must match ({@link #sameShape}).
 */
final class RecordBlock {
  /** A record the block took: a push statement or a pop expression, its tape call, and where it goes. */
  private record Entry(boolean push, JType type, String value, Snippet onTape, Slot slot) {}

  private final Snippet tape;
  private final List<Entry> entries = new ArrayList<>();
  private int nesting;
  private int doubles;
  private int ints;
  private boolean used;
  private String doubleTop;
  private String doubleRecords;
  private String intTop;
  private String intRecords;

  /** A block on the given tape. */
  RecordBlock(Snippet tape) {
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
   * The statement that records value, a slot resolved once the body is complete, or null where the
   * block does not take it; onTape is the statement that records it on the tape.
   */
  Snippet push(JType type, String value, Snippet onTape) {
    if (!takes(type)) {
      return null;
    }
    count(type);
    return slot(true, type, value, onTape);
  }

  /** The expression that reads back the most recent record, a slot, or null as in {@link #push}. */
  Snippet pop(JType type, Snippet onTape) {
    if (!takes(type)) {
      return null;
    }
    count(type);
    return slot(false, type, null, onTape);
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

  private Snippet slot(boolean push, JType type, String value, Snippet onTape) {
    Slot slot = new Slot();
    entries.add(new Entry(push, type, value, onTape, slot));
    return Snippet.of(slot);
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
   * Resolves the block's slots: to the block's cursor code when use is true (the cursor and
   * storage locals then get names from names, by role), else to the tape calls.
   */
  void resolve(boolean use, UnaryOperator<String> names) {
    used = use && !isEmpty();
    if (used) {
      if (doubles > 0) {
        doubleTop = names.apply("doubleTop");
        doubleRecords = names.apply("doubleRecords");
      }
      if (ints > 0) {
        intTop = names.apply("intTop");
        intRecords = names.apply("intRecords");
      }
    }
    entries.forEach(e -> e.slot().resolve(code(e)));
  }

  private Snippet code(Entry e) {
    if (!used) {
      return e.onTape();
    }
    boolean onDoubles = onDoubleStack(e.type());
    String records = onDoubles ? doubleRecords : intRecords;
    String top = onDoubles ? doubleTop : intTop;
    if (e.push()) {
      return Snippet.of(records + "[" + top + "++] = " + e.value() + ";");
    }
    String read = records + "[--" + top + "]";
    return Snippet.of(switch (e.type().base()) {
      case BOOLEAN -> read + " != 0";
      case FLOAT, SHORT, CHAR, BYTE -> "(" + e.type().sourceText() + ") " + read;
      default -> read;
    });
  }

  /** How a local is introduced: declared, or assigned where an earlier declaration is in scope. */
  interface Introduction {
    void introduce(String type, String name, Snippet value, Code out);
  }

  /** Before the loop's first iteration: claims the block for trips iterations. */
  void claim(String trips, Code out) {
    open("push", trips, (type, name, value, code) -> code.declare(type, name, value), out);
  }

  /** Before the loop's reverse: takes the block back for trips iterations, introducing its locals as told. */
  void takeBack(String trips, Introduction introduction, Code out) {
    open("pop", trips, introduction, out);
  }

  private void open(String verb, String trips, Introduction introduction, Code out) {
    if (doubles > 0) {
      introduction.introduce("int", doubleTop, Snippet.of(tape, "." + verb + "DoubleBlock(" + trips + ", " + doubles + ")"), out);
      introduction.introduce("double[]", doubleRecords, Snippet.of(tape, ".doubleStorage()"), out);
    }
    if (ints > 0) {
      introduction.introduce("int", intTop, Snippet.of(tape, "." + verb + "IntBlock(" + trips + ", " + ints + ")"), out);
      introduction.introduce("int[]", intRecords, Snippet.of(tape, ".intStorage()"), out);
    }
  }
}
