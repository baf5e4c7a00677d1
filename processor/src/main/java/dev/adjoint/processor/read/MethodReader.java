package dev.adjoint.processor.read;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.adjoint.processor.diagnostics.Construct;
import dev.adjoint.processor.diagnostics.Problem;
import dev.adjoint.processor.ir.AssignOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.SourceLine;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Reads a method body into the IR, with javac's attributed types: the statements here, the
 * expressions in {@link ExpressionReader}. Reading is total: anything outside the subset becomes
 * an {@code Unsupported} node carrying its catalog entry, which the validator reports at the exact
 * tree.
 */
public final class MethodReader {
  private final Trees trees;

  private final CallResolver calls;

  private final Map<Element, Variable> variables = new HashMap<>();

  private CompilationUnitTree unit;

  private SourceLines lines;


  private int loopDepth;

  /** Switch statements read so far, to name their selectors' locals. */
  private int switches;

  /** Reads the method's expressions; made once the receiver is known. */
  private ExpressionReader expressions;

  public MethodReader(Trees trees, CallResolver calls) {
    this.trees = trees;
    this.calls = calls;
  }

  /**
   * The result of reading.
   *
   * @param unresolved the first expression javac could not attribute, or null
   */
  public record Result(MethodIR method, CompilationUnitTree unit, String unresolved) {}

  public Result read(ExecutableElement method) {
    TreePath methodPath = trees.getPath(method);
    unit = methodPath.getCompilationUnit();
    lines = new SourceLines(unit, trees.getSourcePositions());
    MethodTree tree = (MethodTree) methodPath.getLeaf();
    TypeElement owner = (TypeElement) method.getEnclosingElement();

    List<Variable> params = new ArrayList<>();
    Variable self = null;
    if (!method.getModifiers().contains(Modifier.STATIC)) {
      self = new Variable("self", new JType(JType.Base.REFERENCE, 0, owner.asType()), Variable.Kind.RECEIVER, 0);
      params.add(self);
    }
    expressions = new ExpressionReader(trees, calls, variables, self);
    List<String> wrtNames = Annotations.wrt(method);
    List<Variable> wrt = new ArrayList<>();
    List<? extends VariableElement> declared = method.getParameters();
    for (int k = 0; k < declared.size(); k++) {
      VariableElement p = declared.get(k);
      Variable v = new Variable(p.getSimpleName().toString(), TypeMapper.map(p.asType()), Variable.Kind.PARAMETER, 0);
      variables.put(p, v);
      params.add(v);
      if (v.type().isFloating() && v.type().dims() <= 2 && Annotations.inWrt(wrtNames, v.sourceName(), k)) {
        wrt.add(v);
      }
    }
    if (ReceiverFields.isWrtThis(method)) {
      for (VariableElement f : ReceiverFields.of(owner)) {
        Variable v = Variable.field(f.getSimpleName().toString(), TypeMapper.map(f.asType()));
        while (taken(params, v.name())) {
          v = v.named(v.name() + "_"); // fields x and X, or a parameter named thisX
        }
        variables.put(f, v); // the expression reader reads this.f as v
        params.add(v);
        wrt.add(v);
      }
    }
    TreePath bodyPath = new TreePath(methodPath, tree.getBody());
    // getTypeMirror only reads types javac has already computed. getElement on a tree that has no
    // symbol (the body block) makes javac attribute the whole class first, so ask it once here.
    trees.getElement(bodyPath);
    Stmt.Block body = block(bodyPath, null);
    MethodIR ir = new MethodIR(method, owner, params, wrt, TypeMapper.map(method.getReturnType()), body,
        lines.file());
    return new Result(ir, unit, expressions.unresolved());
  }


  private static boolean taken(List<Variable> params, String name) {
    return params.stream().anyMatch(p -> p.name().equals(name));
  }

  private Stmt.Block block(TreePath path, SourceLine source) {
    BlockTree block = (BlockTree) path.getLeaf();
    List<Stmt> out = new ArrayList<>();
    for (StatementTree s : block.getStatements()) {
      out.add(statement(new TreePath(path, s)));
    }
    return new Stmt.Block(out, source);
  }

  private Stmt statement(TreePath path) {
    Tree tree = path.getLeaf();
    SourceLine source = lines.of(tree);
    switch (tree.getKind()) {
      case BLOCK:
        return block(path, null);
      case EMPTY_STATEMENT:
        return new Stmt.Block(List.of(), null);
      case VARIABLE: {
        VariableTree v = (VariableTree) tree;
        CheckpointedIndex.Reading checkpointed = CheckpointedIndex.read(path, trees);
        VariableElement element = (VariableElement) trees.getElement(path);
        JType type = TypeMapper.map(element.asType());
        expressions.checkResolved(element.asType(), tree);
        Variable variable = new Variable(v.getName().toString(), type, Variable.Kind.LOCAL, loopDepth);
        variables.put(element, variable);
        Expr init = v.getInitializer() == null ? null : expressions.expression(new TreePath(path, v.getInitializer()), type);
        Stmt declaration = new Stmt.LocalDecl(variable, init, source);
        if (checkpointed != null && checkpointed.problem() != null) { // reported; the variable still exists
          return new Stmt.Block(List.of(new Stmt.Unsupported(checkpointed.problem(), checkpointed.tree(), source),
              declaration), null);
        }
        return declaration;
      }
      case EXPRESSION_STATEMENT:
        return expressionStatement(new TreePath(path, ((ExpressionStatementTree) tree).getExpression()), source);
      case IF: {
        IfTree s = (IfTree) tree;
        Expr cond = expressions.expression(new TreePath(path, s.getCondition()), null);
        Stmt then = statement(new TreePath(path, s.getThenStatement()));
        Stmt otherwise = s.getElseStatement() == null ? null : statement(new TreePath(path, s.getElseStatement()));
        return new Stmt.If(cond, then, otherwise, source);
      }
      case FOR_LOOP: {
        ForLoopTree s = (ForLoopTree) tree;
        List<Stmt> init = new ArrayList<>();
        for (StatementTree i : s.getInitializer()) {
          init.add(statement(new TreePath(path, i)));
        }
        loopDepth++;
        Expr cond = s.getCondition() == null ? null : expressions.expression(new TreePath(path, s.getCondition()), null);
        List<Stmt> update = new ArrayList<>();
        for (ExpressionStatementTree u : s.getUpdate()) {
          TreePath up = new TreePath(path, u);
          update.add(expressionStatement(new TreePath(up, u.getExpression()), null));
        }
        Stmt body = statement(new TreePath(path, s.getStatement()));
        loopDepth--;
        CheckpointedIndex.Reading checkpointed = s.getInitializer().isEmpty() ? null
            : CheckpointedIndex.read(new TreePath(path, s.getInitializer().get(0)), trees);
        return new Stmt.For(init, cond, update, body, source, checkpointed == null ? 0 : checkpointed.snapshots());
      }
      case ENHANCED_FOR_LOOP: {
        EnhancedForLoopTree s = (EnhancedForLoopTree) tree;
        Expr array = expressions.expression(new TreePath(path, s.getExpression()), null);
        loopDepth++;
        TreePath varPath = new TreePath(path, s.getVariable());
        VariableElement element = (VariableElement) trees.getElement(varPath);
        Variable variable = new Variable(s.getVariable().getName().toString(), TypeMapper.map(element.asType()),
            Variable.Kind.LOCAL, loopDepth);
        variables.put(element, variable);
        Stmt body = statement(new TreePath(path, s.getStatement()));
        loopDepth--;
        if (!array.type().isArray()) {
          return unsupportedStatement(tree, source, Construct.ENHANCED_FOR_OVER_COLLECTION);
        }
        return new Stmt.ForEach(variable, array, body, source);
      }
      case WHILE_LOOP: {
        WhileLoopTree s = (WhileLoopTree) tree;
        loopDepth++;
        Expr cond = expressions.expression(new TreePath(path, s.getCondition()), null);
        Stmt body = statement(new TreePath(path, s.getStatement()));
        loopDepth--;
        return new Stmt.While(cond, body, false, source, CheckpointedIndex.snapshotsOfWhile(path, trees));
      }
      case DO_WHILE_LOOP: {
        DoWhileLoopTree s = (DoWhileLoopTree) tree;
        loopDepth++;
        Stmt body = statement(new TreePath(path, s.getStatement()));
        Expr cond = expressions.expression(new TreePath(path, s.getCondition()), null);
        loopDepth--;
        return new Stmt.While(cond, body, true, source, CheckpointedIndex.snapshotsOfWhile(path, trees));
      }
      case BREAK:
        if (((com.sun.source.tree.BreakTree) tree).getLabel() != null) {
          return unsupportedStatement(tree, source, Construct.LABELLED_BREAK);
        }
        return new Stmt.Break(source);
      case CONTINUE:
        if (((com.sun.source.tree.ContinueTree) tree).getLabel() != null) {
          return unsupportedStatement(tree, source, Construct.LABELLED_CONTINUE);
        }
        return new Stmt.Continue(source);
      case RETURN: {
        ReturnTree r = (ReturnTree) tree;
        return new Stmt.Return(r.getExpression() == null ? null : expressions.expression(new TreePath(path, r.getExpression()), null),
            source);
      }
      case TRY:
        return unsupportedStatement(tree, source, Construct.TRY);
      case SWITCH:
        return new SwitchStatements(p -> expressions.expression(p, null), this::statement, p -> expressionStatement(p, null),
            (name, type) -> new Variable(name + "$" + switches++, type, Variable.Kind.SYNTHETIC, loopDepth))
            .read(path, source);
      case SYNCHRONIZED:
        return unsupportedStatement(tree, source, Construct.SYNCHRONIZED);
      case THROW:
        return unsupportedStatement(tree, source, Construct.THROW);
      case ASSERT:
        return unsupportedStatement(tree, source, Construct.ASSERT);
      case LABELED_STATEMENT:
        return unsupportedStatement(tree, source, Construct.LABELLED_STATEMENT);
      case CLASS:
      case RECORD:
      case INTERFACE:
      case ENUM:
        return unsupportedStatement(tree, source, Construct.LOCAL_CLASS);
      default:
        return unsupportedStatement(tree, source, Construct.OTHER_STATEMENT, tree.getKind());
    }
  }

  private Stmt expressionStatement(TreePath path, SourceLine source) {
    Tree tree = path.getLeaf();
    switch (tree.getKind()) {
      case ASSIGNMENT: {
        AssignmentTree a = (AssignmentTree) tree;
        Expr target = target(new TreePath(path, a.getVariable()));
        Expr value = expressions.expression(new TreePath(path, a.getExpression()), target.type());
        return new Stmt.Assign(target, AssignOp.SET, value, source);
      }
      case PLUS_ASSIGNMENT, MINUS_ASSIGNMENT, MULTIPLY_ASSIGNMENT, DIVIDE_ASSIGNMENT, REMAINDER_ASSIGNMENT,
          AND_ASSIGNMENT, OR_ASSIGNMENT, XOR_ASSIGNMENT, LEFT_SHIFT_ASSIGNMENT, RIGHT_SHIFT_ASSIGNMENT,
          UNSIGNED_RIGHT_SHIFT_ASSIGNMENT: {
        CompoundAssignmentTree a = (CompoundAssignmentTree) tree;
        Expr target = target(new TreePath(path, a.getVariable()));
        Expr value = expressions.expression(new TreePath(path, a.getExpression()), null);
        return new Stmt.Assign(target, compoundOp(tree.getKind()), value, source);
      }
      case PREFIX_INCREMENT, POSTFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_DECREMENT: {
        UnaryTree u = (UnaryTree) tree;
        Expr target = target(new TreePath(path, u.getExpression()));
        boolean up = tree.getKind() == Tree.Kind.PREFIX_INCREMENT || tree.getKind() == Tree.Kind.POSTFIX_INCREMENT;
        return new Stmt.Assign(target, up ? AssignOp.ADD : AssignOp.SUB, new Expr.Literal("1", JType.INT, null), source);
      }
      case METHOD_INVOCATION: {
        Expr call = expressions.expression(path, null);
        if (call instanceof Expr.Invoke invoke) {
          return new Stmt.Eval(invoke, source);
        }
        if (call instanceof Expr.Unsupported u) {
          return new Stmt.Unsupported(u.problem(), u.tree(), source);
        }
        return unsupportedStatement(tree, source, Construct.DISCARDED_RESULT);
      }
      default:
        return unsupportedStatement(tree, source, Construct.OTHER_EXPRESSION_STATEMENT, tree.getKind());
    }
  }

  /** The left side of an assignment: a local, a parameter or an array element. */
  private Expr target(TreePath path) {
    Tree tree = expressions.skipParens(path).getLeaf();
    TreePath p = expressions.skipParens(path);
    if (tree.getKind() == Tree.Kind.IDENTIFIER || tree.getKind() == Tree.Kind.MEMBER_SELECT) {
      Element element = trees.getElement(p);
      if (element != null && element.getKind() == ElementKind.FIELD) {
        return new Expr.Unsupported(Problem.of(Construct.FIELD_WRITE, element.getSimpleName()),
            TypeMapper.map(element.asType()), tree);
      }
    }
    return expressions.expression(p, null);
  }

  private static AssignOp compoundOp(Tree.Kind kind) {
    return switch (kind) {
      case PLUS_ASSIGNMENT -> AssignOp.ADD;
      case MINUS_ASSIGNMENT -> AssignOp.SUB;
      case MULTIPLY_ASSIGNMENT -> AssignOp.MUL;
      case DIVIDE_ASSIGNMENT -> AssignOp.DIV;
      case REMAINDER_ASSIGNMENT -> AssignOp.REM;
      case AND_ASSIGNMENT -> AssignOp.AND;
      case OR_ASSIGNMENT -> AssignOp.OR;
      case XOR_ASSIGNMENT -> AssignOp.XOR;
      case LEFT_SHIFT_ASSIGNMENT -> AssignOp.SHL;
      case RIGHT_SHIFT_ASSIGNMENT -> AssignOp.SHR;
      default -> AssignOp.USHR;
    };
  }

  private static Stmt unsupportedStatement(Tree tree, SourceLine source, Construct construct, Object... names) {
    return new Stmt.Unsupported(Problem.of(construct, names), tree, source);
  }
}
