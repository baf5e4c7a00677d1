package dev.adjoint.processor.transform;

import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.Stmt;

/**
 * How a loop is written around its body: the line that opens it and, for a {@code do} loop, the
 * line that closes it ({@code footer}; null for a loop closed by a brace alone).
 */
record LoopText(Snippet header, Snippet footer) {
  /** {@code while (condition)}, or {@code do ... while (condition);}. */
  static LoopText of(Stmt.While w, Snippet condition) {
    Snippet test = Snippet.of("while (", condition, ")");
    return w.doWhile() ? new LoopText(Snippet.of("do"), test) : new LoopText(test, null);
  }

  /** A loop whose header is all of it ({@code for (...)}). */
  static LoopText of(String header) {
    return new LoopText(Snippet.of(header), null);
  }

  /** Opens the loop, writes the body, closes the loop. */
  void write(Code out, Runnable body) {
    out.open(header);
    body.run();
    if (footer == null) {
      out.close();
    } else {
      out.closeWith(footer);
    }
  }
}
