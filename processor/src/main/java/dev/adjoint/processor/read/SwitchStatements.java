package dev.adjoint.processor.read;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Problem;
import dev.adjoint.processor.ir.SourceLine;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code switch} statement over an integer or enum selector as the {@code if}/{@code
 * else if} chain it means: the selector is computed once, each case's labels become equality
 * tests, {@code default} the final {@code else}. A case ends with {@code break} (dropped),
 * {@code return} or {@code continue}, or is the last one; fall-through into the next case, and a
 * {@code break} anywhere but at a case's end, are errors, since an if chain cannot express them.
 */
final class SwitchStatements {
  /** What the reader lends: how it reads expressions and statements, and makes locals. */
  interface Reader {
    Expr expression(TreePath path);

    Stmt statement(TreePath path);

    /** An expression used as a statement (an arrow case's {@code a = b;}). */
    Stmt expressionStatement(TreePath path);

    Variable local(String name, JType type);
  }

  private final Reader reader;

  SwitchStatements(Reader reader) {
    this.reader = reader;
  }

  Stmt read(TreePath path, SourceLine source) {
    SwitchTree s = (SwitchTree) path.getLeaf();
    Expr selector = reader.expression(new TreePath(path, s.getExpression()));
    JType type = selector.type();
    boolean integral = type.dims() == 0 && (type.base() == JType.Base.INT || type.base() == JType.Base.SHORT
        || type.base() == JType.Base.CHAR || type.base() == JType.Base.BYTE);
    boolean enumeration = type.base() == JType.Base.REFERENCE && type.mirror() != null
        && type.mirror() instanceof javax.lang.model.type.DeclaredType d
        && d.asElement().getKind() == javax.lang.model.element.ElementKind.ENUM;
    if (!integral && !enumeration) {
      return unsupported(s, source, "a switch over a " + type.sourceText() + " selector",
          "Switch over an int or an enum, or use if/else if with equals");
    }
    List<Stmt> out = new ArrayList<>();
    Expr value = selector;
    if (!(selector instanceof Expr.VarRef)) {
      Variable v = reader.local("selector", type);
      out.add(new Stmt.LocalDecl(v, selector, null));
      value = new Expr.VarRef(v, null);
    }
    List<Expr> conditions = new ArrayList<>();
    List<Stmt> bodies = new ArrayList<>();
    Stmt otherwise = null;
    List<Expr> pending = new ArrayList<>(); // labels of empty cases, falling into the next
    boolean pendingDefault = false;
    List<? extends CaseTree> cases = s.getCases();
    for (int k = 0; k < cases.size(); k++) {
      CaseTree c = cases.get(k);
      TreePath casePath = new TreePath(path, c);
      for (ExpressionTree label : c.getExpressions()) {
        Expr l = enumeration ? new Expr.FieldRead(null, String.valueOf(type.mirror()), label.toString(), type, label)
            : reader.expression(new TreePath(casePath, label));
        pending.add(new Expr.Binary(BinaryOp.EQ, value, l, JType.BOOLEAN, label));
      }
      pendingDefault |= c.getExpressions().isEmpty();
      List<? extends Tree> statements = c.getCaseKind() == CaseTree.CaseKind.RULE ? rule(c) : c.getStatements();
      if (statements == null || statements.isEmpty()) {
        if (k == cases.size() - 1 && !pending.isEmpty()) {
          statements = List.of(); // a last empty case does nothing
        } else {
          continue;
        }
      }
      boolean last = k == cases.size() - 1;
      Tree end = statements.isEmpty() ? null : statements.get(statements.size() - 1);
      boolean breaks = end instanceof BreakTree b && b.getLabel() == null;
      boolean leaves = breaks || end != null && (end.getKind() == Tree.Kind.RETURN
          || end.getKind() == Tree.Kind.CONTINUE || end.getKind() == Tree.Kind.THROW);
      if (c.getCaseKind() != CaseTree.CaseKind.RULE && !leaves && !last) {
        return unsupported(c, source, "a case that falls through into the next",
            "End each case with break (or return), or repeat the shared statements");
      }
      List<? extends Tree> kept = breaks ? statements.subList(0, statements.size() - 1) : statements;
      Tree innerBreak = breakOfSwitch(kept);
      if (innerBreak != null) {
        return unsupported(innerBreak, source, "a break out of a switch from inside a case",
            "Use if/else inside the case instead of leaving it early");
      }
      List<Stmt> body = new ArrayList<>();
      for (Tree st : kept) {
        TreePath at = new TreePath(casePath, st);
        body.add(st instanceof StatementTree ? reader.statement(at) : reader.expressionStatement(at));
      }
      Stmt block = new Stmt.Block(body, null);
      if (pendingDefault) {
        otherwise = block; // default's labels, if any share it, need no test of their own
      } else {
        Expr any = pending.get(0);
        for (Expr e : pending.subList(1, pending.size())) {
          any = new Expr.Binary(BinaryOp.COR, any, e, JType.BOOLEAN, null);
        }
        conditions.add(any);
        bodies.add(block);
      }
      pending = new ArrayList<>();
      pendingDefault = false;
    }
    Stmt chain = otherwise;
    for (int k = conditions.size() - 1; k >= 0; k--) {
      chain = new Stmt.If(conditions.get(k), bodies.get(k), chain, k == 0 ? source : null);
    }
    if (chain != null) {
      out.add(chain);
    }
    return new Stmt.Block(out, null);
  }

  /** An arrow case's body: a block's statements, or the one statement or expression. */
  private static List<? extends Tree> rule(CaseTree c) {
    Tree body = c.getBody();
    if (body instanceof com.sun.source.tree.BlockTree b) {
      return b.getStatements();
    }
    return body == null ? List.of() : List.of(body);
  }

  /** A break that would leave the switch, not a loop or switch nested in the case; or null. */
  private static Tree breakOfSwitch(List<? extends Tree> statements) {
    Tree[] found = {null};
    TreeScanner<Void, Void> scanner = new TreeScanner<>() {
      @Override
      public Void visitBreak(BreakTree node, Void unused) {
        if (found[0] == null && node.getLabel() == null) {
          found[0] = node;
        }
        return null;
      }

      @Override
      public Void visitForLoop(com.sun.source.tree.ForLoopTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitEnhancedForLoop(com.sun.source.tree.EnhancedForLoopTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitWhileLoop(com.sun.source.tree.WhileLoopTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitDoWhileLoop(com.sun.source.tree.DoWhileLoopTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitSwitch(SwitchTree node, Void unused) {
        return null;
      }
    };
    statements.forEach(s -> scanner.scan(s, null));
    return found[0];
  }

  private static Stmt unsupported(Tree tree, SourceLine source, String construct, String hint) {
    return new Stmt.Unsupported(new Problem("UnsupportedStatement", construct, hint), tree, source);
  }
}
