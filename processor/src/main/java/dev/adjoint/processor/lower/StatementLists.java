package dev.adjoint.processor.lower;

import dev.adjoint.processor.ir.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the statements of a list, each into any number of statements, looking inside blocks,
 * ifs and loops (whose bodies are one loop deeper): the walk the lowering passes that replace one
 * kind of statement share.
 */
final class StatementLists {
  /** What one statement that is not a block, an if or a loop becomes, at a loop depth. */
  interface Rewrite {
    List<Stmt> apply(Stmt s, int depth);
  }

  private StatementLists() {}

  static List<Stmt> rewrite(List<Stmt> in, int depth, Rewrite leaf) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : in) {
      out.addAll(rewrite(s, depth, leaf));
    }
    return out;
  }

  private static List<Stmt> rewrite(Stmt s, int depth, Rewrite leaf) {
    if (s instanceof Stmt.Block b) {
      return List.of(new Stmt.Block(rewrite(b.statements(), depth, leaf), b.source()));
    } else if (s instanceof Stmt.If i) {
      return List.of(new Stmt.If(i.condition(), one(i.then(), depth, leaf),
          i.otherwise() == null ? null : one(i.otherwise(), depth, leaf), i.source()));
    } else if (s instanceof Stmt.While w) {
      return List.of(new Stmt.While(w.condition(), one(w.body(), depth + 1, leaf), w.doWhile(), w.source(), w.snapshots()));
    } else if (s instanceof Stmt.CountedLoop c) {
      return List.of(new Stmt.CountedLoop(c.index(), c.start(), c.condition(), c.step(), one(c.body(), depth + 1, leaf),
          c.source(), c.snapshots()));
    }
    return leaf.apply(s, depth);
  }

  /** s rewritten as one statement: a block where it became several. */
  private static Stmt one(Stmt s, int depth, Rewrite leaf) {
    List<Stmt> rewritten = rewrite(s, depth, leaf);
    return rewritten.size() == 1 ? rewritten.get(0) : new Stmt.Block(rewritten, null);
  }
}
