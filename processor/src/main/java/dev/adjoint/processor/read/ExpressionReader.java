package dev.adjoint.processor.read;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.adjoint.processor.diagnostics.Construct;
import dev.adjoint.processor.diagnostics.Problem;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.CallTarget;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.MathFunction;
import dev.adjoint.processor.ir.UnaryOp;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.ir.Visibility;
import java.util.ArrayList;
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
 * Reads the expressions of one method into the IR: operators, names, fields, calls (resolved by
 * {@link CallResolver}), array creation and constants. Notes the first expression javac could
 * not attribute, which defers the method to a later round.
 */
final class ExpressionReader {
  private final Trees trees;
  private final CallResolver calls;
  /** The method's parameters and the locals declared so far, which the statement reader adds to. */
  private final Map<Element, Variable> variables;
  /** The receiver of an instance method, or null. */
  private final Variable self;
  private final ReceiverMembers receiverMembers;
  private String unresolved;

  ExpressionReader(Trees trees, CallResolver calls, Map<Element, Variable> variables, Variable self) {
    this.trees = trees;
    this.calls = calls;
    this.variables = variables;
    this.self = self;
    this.receiverMembers = new ReceiverMembers(trees, variables);
  }

  /** The first expression javac could not attribute, or null. */
  String unresolved() {
    return unresolved;
  }


  /**
   * Reads an expression.
   *
   * @param arrayInitType the array type for a bare initializer {@code {a, b}}, known from context
   */
  Expr expression(TreePath path, JType arrayInitType) {
    Tree tree = path.getLeaf();
    switch (tree.getKind()) {
      case PARENTHESIZED:
        return expression(new TreePath(path, ((ParenthesizedTree) tree).getExpression()), arrayInitType);
      case INT_LITERAL, LONG_LITERAL, FLOAT_LITERAL, DOUBLE_LITERAL, BOOLEAN_LITERAL, CHAR_LITERAL:
        return Literals.literal(((LiteralTree) tree).getValue(), tree);
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
      case PREFIX_INCREMENT, POSTFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_DECREMENT: {
        // an integer counter may step inside an expression (a[i++], while (k-- > 0)); anything else
        // changes a value the derivative may depend on in the middle of an expression
        Expr operand = expression(new TreePath(path, ((UnaryTree) tree).getExpression()), null);
        if (operand instanceof Expr.VarRef v && v.type().dims() == 0 && switch (v.type().base()) {
          case INT, LONG, SHORT, BYTE, CHAR -> true;
          default -> false;
        }) {
          boolean up = tree.getKind() == Tree.Kind.PREFIX_INCREMENT || tree.getKind() == Tree.Kind.POSTFIX_INCREMENT;
          boolean prefix = tree.getKind() == Tree.Kind.PREFIX_INCREMENT || tree.getKind() == Tree.Kind.PREFIX_DECREMENT;
          return new Expr.Step(v.variable(), up, prefix, tree);
        }
        return new Expr.Unsupported(Problem.of(Construct.SIDE_EFFECT, describe(tree)), typeOf(path), tree);
      }
      case ASSIGNMENT,
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
    if (self != null && (id.getName().contentEquals("this") || id.getName().contentEquals("super"))) {
      return receiverMembers.receiver(path, self); // javac's 'this' and 'super' are fields
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
      return Literals.literal(constant, tree);
    }
    Visibility visibility = Visibility.of(field);
    String ownerName = owner.getQualifiedName().toString();
    String name = field.getSimpleName().toString();
    if (field.getModifiers().contains(Modifier.STATIC)) {
      return new Expr.FieldRead(null, ownerName, name, type, tree, visibility);
    }
    if (receiver == null) {
      if (self == null) {
        return unsupported(tree, Construct.INSTANCE_FIELD_WITHOUT_RECEIVER, field.getSimpleName());
      }
      receiver = new Expr.VarRef(self, null);
    }
    Variable parameter = variables.get(field);
    if (parameter != null && receiver instanceof Expr.VarRef r && r.variable() == self) {
      return new Expr.VarRef(parameter, tree); // differentiated with respect to this
    }
    return new Expr.FieldRead(receiver, ownerName, name, type, tree, visibility);
  }

  /**
   * {@code VarHandle.get}: variable-arity in its declaration, but a plain read of a field. Generated
   * tangents read private fields so, and a later round differentiates them (a passive value).
   */
  private static boolean isHandleRead(ExecutableElement callee) {
    return callee.getSimpleName().contentEquals("get")
        && ((TypeElement) callee.getEnclosingElement()).getQualifiedName().contentEquals("java.lang.invoke.VarHandle");
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
    if (callee.isVarArgs() && !isHandleRead(callee)) {
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
    VariableElement component = receiverMembers.recordComponentField(callee);
    if (component != null && receiver != null) {
      return field(component, receiver, call); // r.w() is r.w
    }
    CallTarget target = calls.resolve(callee);
    if (calls.awaitsRules(callee, target)) {
      markUnresolved(call);
    }
    if (isHandleRead(callee)) { // one parameter per argument, as javac typed the call
      List<CallTarget.Param> params = new ArrayList<>();
      for (int k = 0; k < args.size(); k++) {
        params.add(new CallTarget.Param("arg" + k, args.get(k).type(), false));
      }
      target = new CallTarget(CallTarget.Kind.PASSIVE, target.owner(), target.name(), false, target.receiverType(),
          params, type, null, null, new java.util.BitSet(), null);
    }
    boolean onThis = receiver instanceof Expr.VarRef r && r.variable() == self;
    if (ReceiverFields.isWrtThis(callee) && target.kind() == CallTarget.Kind.DIFFERENTIABLE) {
      args.addAll(receiverMembers.hiddenArguments(owner, receiver, onThis));
    } else if (onThis && receiverMembers.isWrtThis() && !isStatic
        && (target.returnType().isFloating() || target.returnType().isVoid())) {
      return unsupported(call, Construct.CALL_READS_FIELDS_AS_CONSTANTS, callee.getSimpleName());
    }
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

  void checkResolved(TypeMirror mirror, Tree tree) {
    if (TypeMapper.isError(mirror)) {
      markUnresolved(tree);
    }
  }

  private void markUnresolved(Tree tree) {
    if (unresolved == null) {
      unresolved = tree.toString();
    }
  }

  static TreePath skipParens(TreePath path) {
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
