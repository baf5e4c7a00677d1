package dev.adjoint.processor.read;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import dev.adjoint.processor.diagnostics.Construct;
import dev.adjoint.processor.diagnostics.Problem;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.SourceLine;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads a {@code switch} statement over an integer or enum selector as the {@code if}/{@code
 * else if} chain it means: the selector is computed once, each case's labels become equality
 * tests, {@code default} the final {@code else}. A case ends with {@code break} (dropped),
 * {@code return} or {@code continue}, or is the last one; fall-through into the next case, and a
 * {@code break} anywhere but at a case's end, are errors, since an if chain cannot express them.
 */
final class SwitchStatements {
  private final Function<TreePath, Expr> expression;
  private final Function<TreePath, Stmt> statement;
  private final Function<TreePath, Stmt> expressionStatement;
  private final BiFunction<String, JType, Variable> local;

  /**
   * @param expression reads an expression
   * @param statement reads a statement
   * @param expressionStatement reads an expression used as a statement (an arrow case's {@code a = b})
   * @param local makes a local of the given name hint and type, for a selector computed once
   */
  SwitchStatements(Function<TreePath, Expr> expression, Function<TreePath, Stmt> statement,
      Function<TreePath, Stmt> expressionStatement, BiFunction<String, JType, Variable> local) {
    this.expression = expression;
    this.statement = statement;
    this.expressionStatement = expressionStatement;
    this.local = local;
  }

  Stmt read(TreePath path, SourceLine source) {
    SwitchTree s = (SwitchTree) path.getLeaf();
    Expr selector = expression.apply(new TreePath(path, s.getExpression()));
    JType type = selector.type();
    boolean integral = type.dims() == 0 && (type.base() == JType.Base.INT || type.base() == JType.Base.SHORT
        || type.base() == JType.Base.CHAR || type.base() == JType.Base.BYTE);
    boolean enumeration = type.base() == JType.Base.REFERENCE && type.mirror() != null
        && type.mirror() instanceof javax.lang.model.type.DeclaredType d
        && d.asElement().getKind() == javax.lang.model.element.ElementKind.ENUM;
    if (!integral && !enumeration) {
      return unsupported(s, source, Construct.SWITCH_SELECTOR, type.sourceText());
    }
    List<Stmt> out = new ArrayList<>();
    Expr value = selector;
    if (!(selector instanceof Expr.VarRef)) {
      Variable v = local.apply("selector", type);
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
            : expression.apply(new TreePath(casePath, label));
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
        return unsupported(c, source, Construct.CASE_FALL_THROUGH);
      }
      List<? extends Tree> kept = breaks ? statements.subList(0, statements.size() - 1) : statements;
      Tree innerBreak = breakOfSwitch(kept);
      if (innerBreak != null) {
        return unsupported(innerBreak, source, Construct.BREAK_INSIDE_CASE);
      }
      List<Stmt> body = new ArrayList<>();
      for (Tree st : kept) {
        TreePath at = new TreePath(casePath, st);
        body.add((st instanceof StatementTree ? statement : expressionStatement).apply(at));
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
      public Void scan(Tree tree, Void unused) {
        if (tree == null || found[0] != null || OWN_BREAKS.contains(tree.getKind())) {
          return null; // a nested loop or switch owns the breaks inside it
        }
        if (tree instanceof BreakTree b && b.getLabel() == null) {
          found[0] = b;
          return null;
        }
        return super.scan(tree, unused);
      }
    };
    statements.forEach(s -> scanner.scan(s, null));
    return found[0];
  }

  private static final java.util.Set<Tree.Kind> OWN_BREAKS = java.util.EnumSet.of(Tree.Kind.FOR_LOOP,
      Tree.Kind.ENHANCED_FOR_LOOP, Tree.Kind.WHILE_LOOP, Tree.Kind.DO_WHILE_LOOP, Tree.Kind.SWITCH);

  private static Stmt unsupported(Tree tree, SourceLine source, Construct construct, Object... names) {
    return new Stmt.Unsupported(Problem.of(construct, names), tree, source);
  }
}
