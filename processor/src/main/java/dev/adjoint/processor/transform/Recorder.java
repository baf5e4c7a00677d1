package dev.adjoint.processor.transform;

import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Snippet;
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

  Recorder(SweepState st) {
    this.st = st;
  }

  /**
   * Whether code uses the tape other than through a record block's locals: a call on it, or a
   * callee's sweep handed it, which records on the tape where the block is.
   */
  boolean mentionsTape(Code code) {
    return code.mentions(st.tapeLocal);
  }

  /** Puts target's recorded value back: {@code target = <pop>;}. */
  void restore(Expr target, Code out) {
    out.assign(st.printer.print(target), "=", popOf(target.type()));
  }

  /** Reads back the most recent record of type: from the loop's record block where it holds it, else the tape. */
  Snippet popOf(JType type) {
    Snippet onTape = popFromTape(type);
    Snippet fromBlock = block == null ? null : block.pop(type, onTape);
    return fromBlock != null ? fromBlock : onTape;
  }

  Snippet popFromTape(JType type) {
    if (type.isArray() || type.base() == JType.Base.REFERENCE) {
      return Snippet.of(st.tape, ".popObject()");
    }
    return switch (type.base()) {
      case DOUBLE -> Snippet.of(st.tape, ".popDouble()");
      case FLOAT -> Snippet.of(st.tape, ".popFloat()");
      case LONG -> Snippet.of(st.tape, ".popLong()");
      case BOOLEAN -> Snippet.of(st.tape, ".popBoolean()");
      case INT -> Snippet.of(st.tape, ".popInt()");
      default -> Snippet.of("(" + type.sourceText() + ") ", st.tape, ".popInt()");
    };
  }

  /**
   * Records value of type: in the loop's record block where it takes it, else on the tape. A
   * boolean value is a condition (a block holds it as an int).
   */
  void record(JType type, String value, Code out) {
    record(type, value, type.base() == JType.Base.BOOLEAN ? "(" + value + ") ? 1 : 0" : value, out);
  }

  /** Records which way a branch went. */
  void recordFlag(boolean flag, Code out) {
    record(JType.BOOLEAN, String.valueOf(flag), flag ? "1" : "0", out);
  }

  /** Records value; a record block stores blockValue, its form as an element of the block's array. */
  private void record(JType type, String value, String blockValue, Code out) {
    Snippet onTape = Snippet.of(st.tape, "." + pushMethod(type) + "(" + value + ");");
    Snippet inBlock = block == null ? null : block.push(type, blockValue, onTape);
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
