package dev.adjoint.processor.transform;

import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Variable;
import java.util.function.Supplier;

/**
 * What the adjoints of expressions, Math functions and calls need from the sweep being built, and
 * nothing more (the role of Enzyme's {@code GradientUtils}): the names of adjoints, the primal
 * values the reverse sweep may read, fresh names, branches whose temporaries go out of scope, and
 * the tape. {@link ExpressionAdjoints}, {@link MathAdjoints} and {@link CallAdjoints} depend on
 * this interface, not on the builder.
 */
interface AdjointContext {
  /** The name of v's adjoint. */
  String bar(Variable v);

  /** The adjoint array of an array-valued expression: {@code u} gives uBar, {@code a[i]} gives aBar[i]. */
  String barOf(Expr array);

  /**
   * The local a loop being reversed sums the adjoint of this element in (see
   * {@link AccumulatorHoisting}), or null where the adjoint goes to the array.
   */
  Snippet accumulatorOf(Expr.ArrayRead element);

  /** The primal value of e in the reverse sweep: its text if cheap, else a temporary computed once. */
  String value(Expr e, Code out);

  /** {@link #value} as an operand: names and literals as they are, negative literals parenthesised. */
  String operand(Expr e, Code out);

  /** e as Java source, with the substitutions in force. */
  String print(Expr e);

  boolean isActive(Expr e);

  String freshName(String prefix);

  /**
   * The chain rule has reached a variable or an array element with this seed (its partial): the
   * reverse sweep adds the seed to the leaf's adjoint, the tangent sweep adds seed times the leaf's
   * tangent to the tangent being built.
   */
  void reachLeaf(Expr leaf, Seed seed, Code out);

  /** Adds the seed's contributions to the adjoints of the active variables e reads. */
  void propagateTo(Expr e, Seed seed, Code out);

  /** A seed that may be used more than once, computed into a temporary unless it is a name. */
  Seed reuse(Seed seed, Code out);

  /** seed * factor, as a strong zero where that optimisation is on; factor is written after the seed's temporary. */
  Seed strongTimes(Seed seed, Code out, Supplier<String> factor);

  /** seed / divisor, as a strong zero where that optimisation is on. */
  Seed strongOver(Seed seed, Code out, Supplier<String> divisor);

  /**
   * Opens a branch of adjoint code; temporaries it declares are forgotten at {@link #elseBranch}
   * and {@link #closeBranch}, as Java forgets them.
   */
  void openBranch(String header, Code out);

  void elseBranch(Code out);

  void closeBranch(Code out);

  /** Reverses a call, with the seed of its result (null for none or for an array result's adjoint). */
  void reverseCall(Expr.Invoke call, String seed, Code out);

  /** Whether the call is the whole value of the statement being reversed. */
  boolean isTopLevel(Expr.Invoke call);

  /**
   * Which argument of a min/max is known to have won where it is reversed: the challenger of the
   * running min/max loop whose winning trip is being reversed; -1 for any other min/max.
   */
  int knownWinner(Expr.MathCall m);

  /** The popped choice of a min/max whose choice was recorded, or null to compare its arguments. */
  String recordedChoice(Expr.MathCall m);

  /** Notes, for the verbose report, that the forward sweep puts this on the tape. */
  void notePushed(String name);

  /** The tape, for code that records on it. */
  Snippet tape();

  /** The tape, for code that reads back what was recorded. */
  Snippet tapeName();

  /** Whether writes to this alias class are recorded where the code being written is. */
  boolean isRecordedClass(Variable aliasClass);
}
