package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.JType;

/**
 * Puts values on the tape and takes them back: one record at a time, or through the record block
 * of the counted loop whose body is being generated ({@link RecordBlock}).
 */
final class Recorder {
  private final SweepState st;
  /** The record block of the counted loop whose body is being generated, or null (see {@link RecordBlock}). */
  private RecordBlock block;
  /** The tape's name as a whole word (see {@link #mentionsTape}). */
  private java.util.regex.Pattern tapeWord;

  Recorder(SweepState st) {
    this.st = st;
  }

  /**
   * Whether code uses the tape other than through a record block's locals: a call on it, or a
   * callee's sweep handed it, which records on the tape where the block is.
   */
  boolean mentionsTape(Code code) {
    if (tapeWord == null) {
      tapeWord = java.util.regex.Pattern.compile(
          "(?<![\\w$])" + java.util.regex.Pattern.quote(st.tapeName) + "(?![\\w$])");
    }
    return tapeWord.matcher(code.toString()).find();
  }

  String restore(Expr target) {
    return st.printer.print(target) + " = " + popOf(target.type()) + ";";
  }

  /** Reads back the most recent record of type: from the loop's record block where it holds it, else the tape. */
  String popOf(JType type) {
    String onTape = popFromTape(type);
    String fromBlock = block == null ? null : block.pop(type, onTape);
    return fromBlock != null ? fromBlock : onTape;
  }

  String popFromTape(JType type) {
    if (type.isArray() || type.base() == JType.Base.REFERENCE) {
      return st.tapeName + ".popObject()";
    }
    return switch (type.base()) {
      case DOUBLE -> st.tapeName + ".popDouble()";
      case FLOAT -> st.tapeName + ".popFloat()";
      case LONG -> st.tapeName + ".popLong()";
      case BOOLEAN -> st.tapeName + ".popBoolean()";
      case INT -> st.tapeName + ".popInt()";
      default -> "(" + type.sourceText() + ") " + st.tapeName + ".popInt()";
    };
  }

  /** Records value of type: in the loop's record block where it takes it, else on the tape. */
  void record(JType type, String value, Code out) {
    String onTape = st.tapeName + "." + pushMethod(type) + "(" + value + ");";
    String inBlock = block == null ? null : block.push(type, value, onTape);
    out.line(inBlock != null ? inBlock : onTape);
    st.usesTape = true;
  }

  /** Runs work for a statement nested in a loop body: its records cannot go to the loop's record block. */
  void nested(Runnable work) {
    if (block == null) {
      work.run();
    } else {
      block.nested(work);
    }
  }

  /** Runs work with the given record block (or none) taking the records of the body it generates. */
  <T> T withBlock(RecordBlock b, java.util.function.Supplier<T> work) {
    RecordBlock outer = block;
    block = b;
    try {
      return work.get();
    } finally {
      block = outer;
    }
  }

  static String pushMethod(JType type) {
    if (type.isArray() || type.base() == JType.Base.REFERENCE) {
      return "pushObject";
    }
    return switch (type.base()) {
      case DOUBLE -> "pushDouble";
      case FLOAT -> "pushFloat";
      case LONG -> "pushLong";
      case BOOLEAN -> "pushBoolean";
      default -> "pushInt";
    };
  }
}
