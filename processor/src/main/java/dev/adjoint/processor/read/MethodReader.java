package dev.adjoint.processor.read;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.adjoint.processor.ir.AssignOp;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.CallTarget;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MathFunction;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.diagnostics.Construct;
import dev.adjoint.processor.diagnostics.Problem;
import dev.adjoint.processor.ir.SourceLine;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.UnaryOp;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Reads a method body into the IR, with javac's attributed types. Reading is total: anything
 * outside the subset becomes an {@code Unsupported} node carrying the problem, which the
 * validator reports at the exact tree.
 */
public final class MethodReader {
  private final Trees trees;
  private final CallResolver calls;

  private final Map<Element, Variable> variables = new HashMap<>();
  private CompilationUnitTree unit;
  private SourceLines lines;
  private Variable self;
  private int loopDepth;
  /** Switch statements read so far, to name their selectors' locals. */
  private int switches;
  private String unresolved;

  public MethodReader(Trees trees, CallResolver calls) {
    this.trees = trees;
    this.calls = calls;
  }

  /** The result of reading: the IR and whether javac left some symbol unresolved. */
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
    if (!method.getModifiers().contains(Modifier.STATIC)) {
      self = new Variable("self", new JType(JType.Base.REFERENCE, 0, owner.asType()), Variable.Kind.RECEIVER, 0);
      params.add(self);
    }
    List<String> wrtNames = Annotations.wrt(method);
    List<Variable> wrt = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      Variable v = new Variable(p.getSimpleName().toString(), TypeMapper.map(p.asType()), Variable.Kind.PARAMETER, 0);
      variables.put(p, v);
      params.add(v);
      if (v.type().isFloating() && v.type().dims() <= 2 && (wrtNames.isEmpty() || wrtNames.contains(v.sourceName()))) {
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
    return new Result(ir, unit, unresolved);
  }

  // ---- statements ----

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
        VariableElement element = (VariableElement) trees.getElement(path);
        JType type = TypeMapper.map(element.asType());
        checkResolved(element.asType(), tree);
        Variable variable = new Variable(v.getName().toString(), type, Variable.Kind.LOCAL, loopDepth);
        variables.put(element, variable);
        Expr init = v.getInitializer() == null ? null : expression(new TreePath(path, v.getInitializer()), type);
        return new Stmt.LocalDecl(variable, init, source);
      }
      case EXPRESSION_STATEMENT:
        return expressionStatement(new TreePath(path, ((ExpressionStatementTree) tree).getExpression()), source);
      case IF: {
        IfTree s = (IfTree) tree;
        Expr cond = expression(new TreePath(path, s.getCondition()), null);
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
        Expr cond = s.getCondition() == null ? null : expression(new TreePath(path, s.getCondition()), null);
        List<Stmt> update = new ArrayList<>();
        for (ExpressionStatementTree u : s.getUpdate()) {
          TreePath up = new TreePath(path, u);
          update.add(expressionStatement(new TreePath(up, u.getExpression()), null));
        }
        Stmt body = statement(new TreePath(path, s.getStatement()));
        loopDepth--;
        return new Stmt.For(init, cond, update, body, source);
      }
      case ENHANCED_FOR_LOOP: {
        EnhancedForLoopTree s = (EnhancedForLoopTree) tree;
        Expr array = expression(new TreePath(path, s.getExpression()), null);
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
        Expr cond = expression(new TreePath(path, s.getCondition()), null);
        Stmt body = statement(new TreePath(path, s.getStatement()));
        loopDepth--;
        return new Stmt.While(cond, body, false, source);
      }
      case DO_WHILE_LOOP: {
        DoWhileLoopTree s = (DoWhileLoopTree) tree;
        loopDepth++;
        Stmt body = statement(new TreePath(path, s.getStatement()));
        Expr cond = expression(new TreePath(path, s.getCondition()), null);
        loopDepth--;
        return new Stmt.While(cond, body, true, source);
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
        return new Stmt.Return(r.getExpression() == null ? null : expression(new TreePath(path, r.getExpression()), null),
            source);
      }
      case TRY:
        return unsupportedStatement(tree, source, Construct.TRY);
      case SWITCH:
        return new SwitchStatements(p -> expression(p, null), this::statement, p -> expressionStatement(p, null),
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
        Expr value = expression(new TreePath(path, a.getExpression()), target.type());
        return new Stmt.Assign(target, AssignOp.SET, value, source);
      }
      case PLUS_ASSIGNMENT, MINUS_ASSIGNMENT, MULTIPLY_ASSIGNMENT, DIVIDE_ASSIGNMENT, REMAINDER_ASSIGNMENT,
          AND_ASSIGNMENT, OR_ASSIGNMENT, XOR_ASSIGNMENT, LEFT_SHIFT_ASSIGNMENT, RIGHT_SHIFT_ASSIGNMENT,
          UNSIGNED_RIGHT_SHIFT_ASSIGNMENT: {
        CompoundAssignmentTree a = (CompoundAssignmentTree) tree;
        Expr target = target(new TreePath(path, a.getVariable()));
        Expr value = expression(new TreePath(path, a.getExpression()), null);
        return new Stmt.Assign(target, compoundOp(tree.getKind()), value, source);
      }
      case PREFIX_INCREMENT, POSTFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_DECREMENT: {
        UnaryTree u = (UnaryTree) tree;
        Expr target = target(new TreePath(path, u.getExpression()));
        boolean up = tree.getKind() == Tree.Kind.PREFIX_INCREMENT || tree.getKind() == Tree.Kind.POSTFIX_INCREMENT;
        return new Stmt.Assign(target, up ? AssignOp.ADD : AssignOp.SUB, new Expr.Literal("1", JType.INT, null), source);
      }
      case METHOD_INVOCATION: {
        Expr call = expression(path, null);
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
    Tree tree = skipParens(path).getLeaf();
    TreePath p = skipParens(path);
    if (tree.getKind() == Tree.Kind.IDENTIFIER || tree.getKind() == Tree.Kind.MEMBER_SELECT) {
      Element element = trees.getElement(p);
      if (element != null && element.getKind() == ElementKind.FIELD) {
        return new Expr.Unsupported(Problem.of(Construct.FIELD_WRITE, element.getSimpleName()),
            TypeMapper.map(element.asType()), tree);
      }
    }
    return expression(p, null);
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

  // ---- expressions ----

  /**
   * Reads an expression.
   *
   * @param arrayInitType the array type for a bare initializer {@code {a, b}}, known from context
   */
  private Expr expression(TreePath path, JType arrayInitType) {
    Tree tree = path.getLeaf();
    switch (tree.getKind()) {
      case PARENTHESIZED:
        return expression(new TreePath(path, ((ParenthesizedTree) tree).getExpression()), arrayInitType);
      case INT_LITERAL, LONG_LITERAL, FLOAT_LITERAL, DOUBLE_LITERAL, BOOLEAN_LITERAL, CHAR_LITERAL:
        return literal(((LiteralTree) tree).getValue(), tree);
      case IDENTIFIER:
        return identifier(path);
      case MEMBER_SELECT:
        return memberSelect(path);
      case ARRAY_ACCESS: {
        ArrayAccessTree a = (ArrayAccessTree) tree;
        Expr array = expression(new TreePath(path, a.getExpression()), null);
        Expr index = expression(new TreePath(path, a.getIndex()), null);
        return new Expr.ArrayRead(array, index, typeOf(path), tree);
      }
      case UNARY_MINUS, UNARY_PLUS, LOGICAL_COMPLEMENT, BITWISE_COMPLEMENT: {
        UnaryTree u = (UnaryTree) tree;
        UnaryOp op = switch (tree.getKind()) {
          case UNARY_MINUS -> UnaryOp.NEGATE;
          case UNARY_PLUS -> UnaryOp.PLUS;
          case LOGICAL_COMPLEMENT -> UnaryOp.NOT;
          default -> UnaryOp.COMPLEMENT;
        };
        return new Expr.Unary(op, expression(new TreePath(path, u.getExpression()), null), typeOf(path), tree);
      }
      case PREFIX_INCREMENT, POSTFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_DECREMENT, ASSIGNMENT,
          PLUS_ASSIGNMENT, MINUS_ASSIGNMENT, MULTIPLY_ASSIGNMENT, DIVIDE_ASSIGNMENT, REMAINDER_ASSIGNMENT,
          AND_ASSIGNMENT, OR_ASSIGNMENT, XOR_ASSIGNMENT, LEFT_SHIFT_ASSIGNMENT, RIGHT_SHIFT_ASSIGNMENT,
          UNSIGNED_RIGHT_SHIFT_ASSIGNMENT:
        return new Expr.Unsupported(Problem.of(Construct.SIDE_EFFECT, describe(tree)), typeOf(path), tree);
      case CONDITIONAL_EXPRESSION: {
        ConditionalExpressionTree c = (ConditionalExpressionTree) tree;
        JType type = typeOf(path);
        return new Expr.Conditional(expression(new TreePath(path, c.getCondition()), null),
            expression(new TreePath(path, c.getTrueExpression()), type),
            expression(new TreePath(path, c.getFalseExpression()), type), type, tree);
      }
      case TYPE_CAST: {
        TypeCastTree c = (TypeCastTree) tree;
        JType type = typeOf(path);
        Expr operand = expression(new TreePath(path, c.getExpression()), null);
        if (type.base() == JType.Base.REFERENCE) {
          return unsupported(tree, Construct.REFERENCE_CAST);
        }
        return new Expr.Cast(type, operand, tree);
      }
      case METHOD_INVOCATION:
        return invocation(path);
      case NEW_ARRAY:
        return newArray(path, arrayInitType);
      case STRING_LITERAL:
        return unsupported(tree, Construct.STRING);
      case NULL_LITERAL:
        // a missing array or reference: compared with ==, passed for an argument a callee ignores
        return new Expr.Literal("null", typeOf(path), tree);
      case LAMBDA_EXPRESSION:
        return unsupported(tree, Construct.LAMBDA);
      case MEMBER_REFERENCE:
        return unsupported(tree, Construct.METHOD_REFERENCE);
      case NEW_CLASS:
        return unsupported(tree, Construct.OBJECT_ALLOCATION, ((com.sun.source.tree.NewClassTree) tree).getIdentifier());
      case INSTANCE_OF:
        return unsupported(tree, Construct.INSTANCEOF);
      case SWITCH_EXPRESSION:
        return unsupported(tree, Construct.SWITCH_EXPRESSION);
      default:
        if (tree instanceof BinaryTree b) {
          return binary(path, b);
        }
        return unsupported(tree, Construct.OTHER_EXPRESSION, tree.getKind());
    }
  }

  private Expr binary(TreePath path, BinaryTree b) {
    BinaryOp op = switch (b.getKind()) {
      case MULTIPLY -> BinaryOp.MUL;
      case DIVIDE -> BinaryOp.DIV;
      case REMAINDER -> BinaryOp.REM;
      case PLUS -> BinaryOp.ADD;
      case MINUS -> BinaryOp.SUB;
      case LEFT_SHIFT -> BinaryOp.SHL;
      case RIGHT_SHIFT -> BinaryOp.SHR;
      case UNSIGNED_RIGHT_SHIFT -> BinaryOp.USHR;
      case LESS_THAN -> BinaryOp.LT;
      case GREATER_THAN -> BinaryOp.GT;
      case LESS_THAN_EQUAL -> BinaryOp.LE;
      case GREATER_THAN_EQUAL -> BinaryOp.GE;
      case EQUAL_TO -> BinaryOp.EQ;
      case NOT_EQUAL_TO -> BinaryOp.NE;
      case AND -> BinaryOp.AND;
      case XOR -> BinaryOp.XOR;
      case OR -> BinaryOp.OR;
      case CONDITIONAL_AND -> BinaryOp.CAND;
      case CONDITIONAL_OR -> BinaryOp.COR;
      default -> null;
    };
    JType type = typeOf(path);
    if (op == null) {
      return unsupported(b, Construct.OPERATOR, b.getKind());
    }
    if (type.base() == JType.Base.REFERENCE) {
      return unsupported(b, Construct.STRING_CONCATENATION);
    }
    return new Expr.Binary(op, expression(new TreePath(path, b.getLeftOperand()), null),
        expression(new TreePath(path, b.getRightOperand()), null), type, b);
  }

  private Expr identifier(TreePath path) {
    IdentifierTree id = (IdentifierTree) path.getLeaf();
    Element element = trees.getElement(path);
    if (element == null) {
      markUnresolved(path.getLeaf());
      return unsupported(id, Construct.UNKNOWN_NAME, id.getName());
    }
    switch (element.getKind()) {
      case LOCAL_VARIABLE, PARAMETER, EXCEPTION_PARAMETER, RESOURCE_VARIABLE, BINDING_VARIABLE: {
        Variable v = variables.get(element);
        if (v == null) {
          return unsupported(id, Construct.OUTER_VARIABLE, id.getName());
        }
        return new Expr.VarRef(v, id);
      }
      case FIELD:
        return field((VariableElement) element, null, id);
      default:
        if (id.getName().contentEquals("this") && self != null) {
          return new Expr.VarRef(self, id);
        }
        return unsupported(id, Construct.OTHER_NAME, id.getName(), element.getKind().toString().toLowerCase());
    }
  }

  private Expr memberSelect(TreePath path) {
    MemberSelectTree m = (MemberSelectTree) path.getLeaf();
    TreePath receiverPath = new TreePath(path, m.getExpression());
    if (m.getIdentifier().contentEquals("length")) {
      TypeMirror receiverType = trees.getTypeMirror(receiverPath);
      if (receiverType != null && receiverType.getKind() == javax.lang.model.type.TypeKind.ARRAY) {
        return new Expr.Length(expression(receiverPath, null), m);
      }
    }
    Element element = trees.getElement(path);
    if (element == null) {
      markUnresolved(path.getLeaf());
      return unsupported(m, Construct.UNKNOWN_NAME, m);
    }
    if (element.getKind() == ElementKind.FIELD) {
      Element receiverElement = trees.getElement(receiverPath);
      boolean isTypeName = receiverElement != null
          && (receiverElement.getKind().isClass() || receiverElement.getKind().isInterface());
      Expr receiver = isTypeName || element.getModifiers().contains(Modifier.STATIC)
          ? null : expression(receiverPath, null);
      return field((VariableElement) element, receiver, m);
    }
    return unsupported(m, Construct.MEMBER, m.getIdentifier());
  }

  /** A field: constants are inlined, static fields named by class, instance fields read off a receiver. */
  private Expr field(VariableElement field, Expr receiver, Tree tree) {
    JType type = TypeMapper.map(field.asType());
    TypeElement owner = (TypeElement) field.getEnclosingElement();
    Object constant = field.getConstantValue();
    if (constant != null && !(constant instanceof String)) {
      return literal(constant, tree);
    }
    if (field.getModifiers().contains(Modifier.PRIVATE)) {
      return new Expr.Unsupported(Problem.of(Construct.PRIVATE_FIELD, owner.getSimpleName(), field.getSimpleName()), type, tree);
    }
    if (field.getModifiers().contains(Modifier.STATIC)) {
      return new Expr.FieldRead(null, owner.getQualifiedName().toString(), field.getSimpleName().toString(), type, tree);
    }
    if (receiver == null) {
      if (self == null) {
        return unsupported(tree, Construct.INSTANCE_FIELD_WITHOUT_RECEIVER, field.getSimpleName());
      }
      receiver = new Expr.VarRef(self, null);
    }
    return new Expr.FieldRead(receiver, null, field.getSimpleName().toString(), type, tree);
  }

  private Expr invocation(TreePath path) {
    MethodInvocationTree call = (MethodInvocationTree) path.getLeaf();
    Element element = trees.getElement(path);
    JType type = typeOf(path);
    if (!(element instanceof ExecutableElement callee)) {
      markUnresolved(path.getLeaf());
      return unsupported(call, Construct.UNRESOLVED_CALL, call.getMethodSelect());
    }
    List<Expr> args = new ArrayList<>();
    for (ExpressionTree a : call.getArguments()) {
      args.add(expression(new TreePath(path, a), null));
    }
    if (callee.isVarArgs()) {
      return unsupported(call, Construct.VARARGS_CALL, callee.getSimpleName());
    }
    TypeElement owner = (TypeElement) callee.getEnclosingElement();
    String ownerName = owner.getQualifiedName().toString();
    if (ownerName.equals("java.lang.Math") || ownerName.equals("java.lang.StrictMath")) {
      Optional<MathFunction> fn = MathFunction.byJavaName(callee.getSimpleName().toString(), args.size());
      if (fn.isPresent()) {
        return new Expr.MathCall(fn.get(), owner.getSimpleName().toString(), args, type, call);
      }
    }
    if (callee.getSimpleName().contentEquals("clone") && args.isEmpty()
        && call.getMethodSelect() instanceof MemberSelectTree select) {
      TreePath sourcePath = new TreePath(new TreePath(path, select), select.getExpression());
      TypeMirror sourceType = trees.getTypeMirror(sourcePath);
      if (sourceType != null && sourceType.getKind() == javax.lang.model.type.TypeKind.ARRAY) {
        Expr source = expression(sourcePath, null);
        if (source.type().dims() > 1) {
          return unsupported(call, Construct.CLONE_2D);
        }
        return new Expr.ArrayCopy(source, call);
      }
    }
    Expr receiver = null;
    boolean isStatic = callee.getModifiers().contains(Modifier.STATIC);
    if (!isStatic) {
      ExpressionTree select = call.getMethodSelect();
      if (select instanceof MemberSelectTree m) {
        receiver = expression(new TreePath(new TreePath(path, select), m.getExpression()), null);
      } else if (self != null) {
        receiver = new Expr.VarRef(self, null);
      } else {
        return unsupported(call, Construct.INSTANCE_CALL_WITHOUT_RECEIVER, callee.getSimpleName());
      }
    }
    if (callee.getModifiers().contains(Modifier.PRIVATE)) {
      return new Expr.Unsupported(Problem.of(Construct.PRIVATE_METHOD, owner.getSimpleName(), callee.getSimpleName()), type, call);
    }
    CallTarget target = calls.resolve(callee);
    return new Expr.Invoke(target, receiver, args, type, call);
  }

  private Expr newArray(TreePath path, JType contextType) {
    NewArrayTree n = (NewArrayTree) path.getLeaf();
    JType type = typeOf(path);
    if (type == null || type.base() == JType.Base.REFERENCE && type.mirror() == null) {
      type = contextType;
    }
    if (n.getInitializers() != null) {
      List<Expr> elements = new ArrayList<>();
      for (ExpressionTree e : n.getInitializers()) {
        elements.add(expression(new TreePath(path, e), type == null ? null : type.element()));
      }
      return new Expr.ArrayInit(type, elements, n);
    }
    List<Expr> dims = new ArrayList<>();
    for (ExpressionTree d : n.getDimensions()) {
      dims.add(expression(new TreePath(path, d), null));
    }
    return new Expr.NewArray(type, dims, n);
  }

  private Expr literal(Object value, Tree tree) {
    if (value instanceof Double d) {
      return new Expr.Literal(doubleText(d), JType.DOUBLE, tree);
    }
    if (value instanceof Float f) {
      return new Expr.Literal(floatText(f), JType.FLOAT, tree);
    }
    if (value instanceof Long l) {
      return new Expr.Literal(l + "L", JType.LONG, tree);
    }
    if (value instanceof Boolean b) {
      return new Expr.Literal(b.toString(), JType.BOOLEAN, tree);
    }
    // char, short and byte constants keep their type, so the printer can cast them back
    if (value instanceof Character c) {
      return new Expr.Literal(Integer.toString(c), new JType(JType.Base.CHAR, 0, null), tree);
    }
    if (value instanceof Short || value instanceof Byte) {
      JType.Base base = value instanceof Short ? JType.Base.SHORT : JType.Base.BYTE;
      return new Expr.Literal(Integer.toString(((Number) value).intValue()), new JType(base, 0, null), tree);
    }
    if (value instanceof Number n) {
      return new Expr.Literal(Integer.toString(n.intValue()), JType.INT, tree);
    }
    return unsupported(tree, Construct.CONSTANT, value);
  }

  private static String doubleText(double d) {
    if (Double.isNaN(d)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    return Double.toString(d);
  }

  private static String floatText(float f) {
    if (Float.isNaN(f)) {
      return "Float.NaN";
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY";
    }
    return Float.toString(f) + "f";
  }

  private static Expr unsupported(Tree tree, Construct construct, Object... names) {
    return new Expr.Unsupported(Problem.of(construct, names), JType.VOID, tree);
  }

  private JType typeOf(TreePath path) {
    TypeMirror mirror = trees.getTypeMirror(path);
    if (mirror == null) {
      markUnresolved(path.getLeaf());
      return JType.VOID;
    }
    checkResolved(mirror, path.getLeaf());
    return TypeMapper.map(mirror);
  }

  private void checkResolved(TypeMirror mirror, Tree tree) {
    if (TypeMapper.isError(mirror)) {
      markUnresolved(tree);
    }
  }

  private void markUnresolved(Tree tree) {
    if (unresolved == null) {
      unresolved = tree.toString();
    }
  }

  private static TreePath skipParens(TreePath path) {
    TreePath p = path;
    while (p.getLeaf() instanceof ParenthesizedTree paren) {
      p = new TreePath(p, paren.getExpression());
    }
    return p;
  }

  private static String describe(Tree tree) {
    String text = tree.toString();
    return "'" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "'";
  }
}
