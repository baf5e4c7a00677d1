package dev.adjoint.processor.transform;

import dev.adjoint.processor.emit.FieldHandle;
import dev.adjoint.processor.emit.RuntimeClasses;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Variable;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints IR expressions as Java source, parenthesised by precedence. It can substitute the name
 * of a temporary for a subexpression already computed, and it records which variables the
 * printed code reads (how the transform learns what its reverse sweep needs).
 */
final class Printer {
  private static final int PRIMARY = 16;
  private static final int UNARY = 14;
  private static final int CAST = 13;
  private static final int CONDITIONAL = 2;

  private final String adjointPackage;
  private final Map<Expr, String> substitutions = new IdentityHashMap<>();
  /** A substitution made, with the name it replaced (null if none), for {@link #rollback}. */
  private record Substituted(Expr expr, String replaced) {}

  private final java.util.List<Substituted> journal = new java.util.ArrayList<>();
  private Set<Variable> reads;
  private final Set<String> runtimeNamesTaken = new java.util.TreeSet<>();
  private final Set<FieldHandle> fieldHandles = new java.util.TreeSet<>();

  Printer(String adjointPackage) {
    this.adjointPackage = adjointPackage;
  }

  /** Starts recording reads into the given set (null stops recording). */
  void recordReadsInto(Set<Variable> reads) {
    this.reads = reads;
  }

  /** Where reads are being recorded now (null when they are not). */
  Set<Variable> readsTarget() {
    return reads;
  }

  void substitute(Expr e, String name) {
    journal.add(new Substituted(e, substitutions.put(e, name)));
  }

  /** A point to return the substitutions to, before code that may be in a narrower Java scope. */
  int mark() {
    return journal.size();
  }

  /**
   * Forgets the substitutions made since {@code mark}: their temporaries were declared inside a
   * block (a branch of a min/max or a ternary) that has ended, so code after it cannot name them.
   */
  void rollback(int mark) {
    while (journal.size() > mark) {
      Substituted entry = journal.remove(journal.size() - 1);
      if (entry.replaced() == null) {
        substitutions.remove(entry.expr());
      } else {
        substitutions.put(entry.expr(), entry.replaced());
      }
    }
  }

  /** e printed as an operand of a binary operator of the given precedence, on its left. */
  String printLeftOperand(Expr e, int precedence) {
    return print(e, precedence);
  }

  /** e printed where only a primary fits (an operand of a method's result, say): parenthesised unless it is one. */
  String printPrimary(Expr e) {
    return print(e, PRIMARY);
  }

  /** e printed as an operand of a binary operator of the given precedence, on its right. */
  String printRightOperand(Expr e, int precedence) {
    return print(e, precedence + 1);
  }

  String substitution(Expr e) {
    return substitutions.get(e);
  }

  void clearSubstitutions() {
    substitutions.clear();
    journal.clear();
  }

  String print(Expr e) {
    return print(e, 0);
  }

  /**
   * A name for a class: simple within the adjoint's package, qualified elsewhere. A simple name
   * that is also a runtime class's is noted (see {@link #runtimeNamesTaken}): the writer then
   * qualifies the runtime class instead, which works in the default package too.
   */
  String className(String qualified) {
    String local = adjointPackage.isEmpty() ? qualified
        : qualified.startsWith(adjointPackage + ".") ? qualified.substring(adjointPackage.length() + 1) : null;
    if (local == null) {
      return qualified;
    }
    String outermost = local.contains(".") ? local.substring(0, local.indexOf('.')) : local;
    if (outermost.equals("Params") && !adjointPackage.isEmpty()) {
      return qualified; // the adjoint class may nest a Params record, which the simple name would mean
    }
    if (RuntimeClasses.ALL.stream().anyMatch(c -> c.simpleName().equals(outermost))) {
      runtimeNamesTaken.add(outermost);
    }
    return local;
  }

  /** The runtime classes' simple names that printed code uses for a user's class. */
  Set<String> runtimeNamesTaken() {
    return runtimeNamesTaken;
  }

  /** The private fields printed code reads, through the adjoint class's handles. */
  Set<FieldHandle> fieldHandles() {
    return fieldHandles;
  }

  /** {@code (double) LOG_REG_BIAS.get(self)}: a field the adjoint class may not name, through its handle. */
  private String throughHandle(Expr.FieldRead f) {
    FieldHandle handle = FieldHandle.of(adjointPackage, f.owner(), f.name(), f.type(), f.receiver() == null);
    fieldHandles.add(handle);
    String receiver = f.receiver() == null ? "" : print(f.receiver(), 0);
    JType type = f.type();
    String typeName = type.base() == JType.Base.REFERENCE && type.dims() == 0 && type.mirror() != null
        && !type.sourceText().contains("<") ? className(type.sourceText()) : type.sourceText();
    return "(" + typeName + ") " + handle.constantName() + ".get(" + receiver + ")";
  }

  private String print(Expr e, int minPrecedence) {
    String sub = substitutions.get(e);
    if (sub != null) {
      return sub;
    }
    int precedence = precedence(e);
    String text = text(e);
    return precedence < minPrecedence ? "(" + text + ")" : text;
  }

  private int precedence(Expr e) {
    if (e instanceof Expr.Binary b) {
      return b.op().precedence();
    } else if (e instanceof Expr.Unary) {
      return UNARY;
    } else if (e instanceof Expr.Cast || e instanceof Expr.FieldRead f && !f.visibility().readableFrom(adjointPackage)) {
      return CAST;
    } else if (e instanceof Expr.Conditional) {
      return CONDITIONAL;
    } else if (e instanceof Expr.Literal l && (l.text().startsWith("-") || !literal(l).equals(l.text()))) {
      return UNARY; // a negative or cast literal
    }
    return PRIMARY;
  }

  private String text(Expr e) {
    if (e instanceof Expr.Literal l) {
      return literal(l);
    } else if (e instanceof Expr.VarRef v) {
      if (reads != null) {
        reads.add(v.variable());
      }
      return v.variable().name();
    } else if (e instanceof Expr.FieldRead f && !f.visibility().readableFrom(adjointPackage)) {
      return throughHandle(f);
    } else if (e instanceof Expr.FieldRead f) {
      return (f.receiver() == null ? className(f.owner()) : print(f.receiver(), PRIMARY)) + "." + f.name();
    } else if (e instanceof Expr.ArrayRead a) {
      return print(a.array(), PRIMARY) + "[" + print(a.index(), 0) + "]";
    } else if (e instanceof Expr.Length l) {
      return print(l.array(), PRIMARY) + ".length";
    } else if (e instanceof Expr.Unary u) {
      String operand = print(u.operand(), UNARY + 1);
      return u.op().symbol() + operand;
    } else if (e instanceof Expr.Binary b) {
      return print(b.left(), b.op().precedence()) + " " + b.op().symbol() + " " + print(b.right(), b.op().precedence() + 1);
    } else if (e instanceof Expr.Conditional c) {
      return print(c.condition(), CONDITIONAL + 1) + " ? " + print(c.ifTrue(), CONDITIONAL + 1) + " : "
          + print(c.ifFalse(), CONDITIONAL);
    } else if (e instanceof Expr.Cast c) {
      return "(" + c.type().sourceText() + ") " + print(c.operand(), UNARY);
    } else if (e instanceof Expr.MathCall m) {
      return m.owner() + "." + m.function().javaName() + "(" + args(m.args()) + ")";
    } else if (e instanceof Expr.Invoke i) {
      String target = i.receiver() == null ? className(i.target().owner()) : print(i.receiver(), PRIMARY);
      return target + "." + i.target().name() + "(" + args(i.args().subList(0, i.target().sourceArity())) + ")";
    } else if (e instanceof Expr.NewArray n) {
      StringBuilder sb = new StringBuilder("new ").append(baseName(n.type()));
      for (Expr d : n.dimensions()) {
        sb.append('[').append(print(d, 0)).append(']');
      }
      sb.append("[]".repeat(n.type().dims() - n.dimensions().size()));
      return sb.toString();
    } else if (e instanceof Expr.ArrayCopy c) {
      return print(c.source(), PRIMARY) + ".clone()";
    } else if (e instanceof Expr.ArrayInit a) {
      return "new " + a.type().sourceText() + " {" + args(a.elements()) + "}";
    }
    throw new IllegalStateException("cannot print " + e);
  }

  /**
   * A literal as Java reads it back: a char, short or byte constant (folded by javac to its
   * numeric value) carries a cast, since an int literal does not convert to a narrower parameter.
   */
  private static String literal(Expr.Literal l) {
    JType.Base base = l.type().base();
    boolean narrow = l.type().dims() == 0
        && (base == JType.Base.CHAR || base == JType.Base.SHORT || base == JType.Base.BYTE);
    return narrow && l.text().matches("-?\\d+") ? "(" + base.keyword() + ") " + l.text() : l.text();
  }

  private String args(java.util.List<Expr> args) {
    return args.stream().map(a -> print(a, 0)).collect(Collectors.joining(", "));
  }

  private static String baseName(JType type) {
    return type.base() == JType.Base.REFERENCE ? String.valueOf(type.mirror()).replace("[]", "") : type.base().keyword();
  }

  /** Whether printing e is cheap and side-effect free enough to repeat: names, literals, constants. */
  static boolean isSimple(Expr e) {
    return e instanceof Expr.Literal || e instanceof Expr.VarRef || e instanceof Expr.FieldRead f && f.receiver() == null
        || e instanceof Expr.FieldRead g && g.receiver() instanceof Expr.VarRef
        || e instanceof Expr.Length l && l.array() instanceof Expr.VarRef
        || e instanceof Expr.ArrayRead a && isSimple(a.array()) && (a.index() instanceof Expr.VarRef
            || a.index() instanceof Expr.Literal);
  }
}
