package dev.adjoint.processor.ir;

import java.util.List;

/**
 * A statement of a differentiable method body. {@link #source} ties it to the line it came from;
 * statements the transform synthesises have none.
 */
public sealed interface Stmt {
  SourceLine source();

  /** A block (its own scope in the source). */
  record Block(List<Stmt> statements, SourceLine source) implements Stmt {}

  /** A local declaration, with or without an initializer. */
  record LocalDecl(Variable variable, Expr init, SourceLine source) implements Stmt {}

  /** {@code target op= value} where target is a {@link Expr.VarRef} or an {@link Expr.ArrayRead}. */
  record Assign(Expr target, AssignOp op, Expr value, SourceLine source) implements Stmt {}

  /** A call evaluated for its effect on arrays. */
  record Eval(Expr.Invoke call, SourceLine source) implements Stmt {}

  /** {@code if (condition) then else otherwise}; otherwise may be null. */
  record If(Expr condition, Stmt then, Stmt otherwise, SourceLine source) implements Stmt {}

  /**
   * A classic for loop as written; snapshots is the budget of its index's {@code @Checkpointed}
   * annotation, or 0.
   */
  record For(List<Stmt> init, Expr condition, List<Stmt> update, Stmt body, SourceLine source, int snapshots)
      implements Stmt {
    public For(List<Stmt> init, Expr condition, List<Stmt> update, Stmt body, SourceLine source) {
      this(init, condition, update, body, source, 0);
    }
  }

  /** {@code for (T v : array) body}. */
  record ForEach(Variable variable, Expr array, Stmt body, SourceLine source) implements Stmt {}

  /**
   * {@code while (condition) body}, or {@code do body while (condition)} when doWhile. snapshots is
   * the budget of the {@code @Checkpointed} local declared just before it (or of a checkpointed
   * for loop lowered to it), whose reverse runs the online Revolve schedule; 0 for any other loop.
   */
  record While(Expr condition, Stmt body, boolean doWhile, SourceLine source, int snapshots) implements Stmt {
    public While(Expr condition, Stmt body, boolean doWhile, SourceLine source) {
      this(condition, body, doWhile, source, 0);
    }

    public boolean isCheckpointed() {
      return snapshots > 0;
    }
  }

  /**
   * A counted loop, produced by lowering: {@code for (int index = start; condition; index += step)}
   * where the body never writes index, so the reverse sweep can recompute index from the trip
   * number instead of recording it. snapshots is the budget of a {@code @Checkpointed} loop, whose
   * reverse runs Revolve's schedule; 0 for any other loop.
   */
  record CountedLoop(Variable index, Expr start, Expr condition, Expr step, Stmt body, SourceLine source, int snapshots)
      implements Stmt {
    public CountedLoop(Variable index, Expr start, Expr condition, Expr step, Stmt body, SourceLine source) {
      this(index, start, condition, step, body, source, 0);
    }

    public boolean isCheckpointed() {
      return snapshots > 0;
    }
  }

  /** Whether s is a loop whose reverse runs a Revolve schedule ({@code @Checkpointed}). */
  static boolean isCheckpointedLoop(Stmt s) {
    return s instanceof CountedLoop c && c.isCheckpointed() || s instanceof While w && w.isCheckpointed();
  }

  /** {@code break}. Lowering replaces it with a flag. */
  record Break(SourceLine source) implements Stmt {}

  /** {@code continue}. Lowering replaces it with a flag. */
  record Continue(SourceLine source) implements Stmt {}

  /** {@code return value} (value null for void). Lowering leaves one, at the end of the body. */
  record Return(Expr value, SourceLine source) implements Stmt {}

  /** A statement outside the supported subset; the validator reports it. */
  record Unsupported(dev.adjoint.processor.diagnostics.Problem problem, com.sun.source.tree.Tree tree, SourceLine source) implements Stmt {}
}
