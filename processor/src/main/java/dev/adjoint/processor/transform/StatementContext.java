package dev.adjoint.processor.transform;

import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.ir.Stmt;

/**
 * What the forward and reverse halves of statements need from the sweep being built besides the
 * expression-level {@link AdjointContext}: generating the halves of nested statements.
 */
interface StatementContext extends AdjointContext {
  /** The forward half of s, appended to out. */
  void forward(Stmt s, Code out);

  /** The forward half of s. */
  Code forward(Stmt s);

  /** The reverse half of s, appended to out. */
  void reverse(Stmt s, Code out);

  /** The reverse half of s. */
  Code reverse(Stmt s);

  /** Whether the reverse half of s, written before the forward sweep asks, has any code. */
  boolean hasReverse(Stmt s);
}
