package dev.adjoint.processor.transform;

import com.palantir.javapoet.ClassName;
import dev.adjoint.processor.emit.ClassNames;
import dev.adjoint.processor.emit.FieldHandle;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
  private final Set<String> localNames = new java.util.TreeSet<>();
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
   * e as a snippet whose classes from other packages are typed parts, which the writer imports
   * ({@code Fft.forward(z)}); {@link #print} writes them qualified instead.
   */
  Snippet printTyped(Expr e) {
    return snippet(e, 0);
  }

  /**
   * A name for a class: simple within the adjoint's package, qualified elsewhere. The simple name
   * is noted (see {@link #localNames}): where an imported class has it too, the writer qualifies
   * the imported one, which works in the default package too.
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
    localNames.add(outermost);
    return local;
  }

  /** The simple names printed code uses, as text, for classes of the adjoint's package. */
  Set<String> localNames() {
    return localNames;
  }

  /** The private fields printed code reads, through the adjoint class's handles. */
  Set<FieldHandle> fieldHandles() {
    return fieldHandles;
  }

  /** {@code (double) LOG_REG_BIAS.get(self)}: a field the adjoint class may not name, through its handle. */
  private Snippet throughHandle(Expr.FieldRead f) {
    FieldHandle handle = FieldHandle.of(adjointPackage, f.owner(), f.name(), f.type(), f.receiver() == null);
    fieldHandles.add(handle);
    Object receiver = f.receiver() == null ? "" : snippet(f.receiver(), 0);
    return Snippet.of("(", typeRef(f.type()), ") " + handle.constantName() + ".get(", receiver, ")");
  }

  /** A type as code names it: a class (not generic) as {@link #classRef} does, any other type as written. */
  Object typeRef(JType type) {
    return type.base() == JType.Base.REFERENCE && type.dims() == 0 && type.mirror() != null
        && !type.sourceText().contains("<") ? classRef(type.sourceText()) : type.sourceText();
  }

  /**
   * A class in printed code: its simple name in the adjoint's package (noted for the writer, see
   * {@link #localNames}), a typed part for a class of another package, or the qualified name
   * where JavaPoet's convention cannot tell the package.
   */
  Object classRef(String qualified) {
    ClassName c = ClassNames.of(adjointPackage, qualified);
    if (c == null || c.packageName().equals(adjointPackage)) {
      return className(qualified);
    }
    return c;
  }

  private String print(Expr e, int minPrecedence) {
    return render(snippet(e, minPrecedence));
  }

  /** The snippet's text with classes qualified, as the printer's String results have always read. */
  private static String render(Snippet s) {
    StringBuilder sb = new StringBuilder();
    for (Snippet.Part p : s.parts()) {
      sb.append(p instanceof Snippet.Type t ? t.className().canonicalName() : ((Snippet.Text) p).text());
    }
    return sb.toString();
  }

  private Snippet snippet(Expr e, int minPrecedence) {
    String sub = substitutions.get(e);
    if (sub != null) {
      return Snippet.of(sub);
    }
    Snippet body = body(e);
    return precedence(e) < minPrecedence ? Snippet.of("(", body, ")") : body;
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

  private Snippet body(Expr e) {
    if (e instanceof Expr.Literal l) {
      return Snippet.of(literal(l));
    } else if (e instanceof Expr.VarRef v) {
      if (reads != null) {
        reads.add(v.variable());
      }
      return Snippet.of(v.variable().name());
    } else if (e instanceof Expr.FieldRead f && !f.visibility().readableFrom(adjointPackage)) {
      return throughHandle(f);
    } else if (e instanceof Expr.FieldRead f) {
      return Snippet.of(f.receiver() == null ? classRef(f.owner()) : snippet(f.receiver(), PRIMARY), "." + f.name());
    } else if (e instanceof Expr.ArrayRead a) {
      return Snippet.of(snippet(a.array(), PRIMARY), "[", snippet(a.index(), 0), "]");
    } else if (e instanceof Expr.Length l) {
      return Snippet.of(snippet(l.array(), PRIMARY), ".length");
    } else if (e instanceof Expr.Unary u) {
      return Snippet.of(u.op().symbol(), snippet(u.operand(), UNARY + 1));
    } else if (e instanceof Expr.Binary b) {
      return Snippet.of(snippet(b.left(), b.op().precedence()), " " + b.op().symbol() + " ",
          snippet(b.right(), b.op().precedence() + 1));
    } else if (e instanceof Expr.Conditional c) {
      return Snippet.of(snippet(c.condition(), CONDITIONAL + 1), " ? ", snippet(c.ifTrue(), CONDITIONAL + 1), " : ",
          snippet(c.ifFalse(), CONDITIONAL));
    } else if (e instanceof Expr.Cast c) {
      return Snippet.of("(" + c.type().sourceText() + ") ", snippet(c.operand(), UNARY));
    } else if (e instanceof Expr.MathCall m) {
      return Snippet.of(m.owner() + "." + m.function().javaName() + "(", args(m.args()), ")");
    } else if (e instanceof Expr.Invoke i) {
      Object target = i.receiver() == null ? classRef(i.target().owner()) : snippet(i.receiver(), PRIMARY);
      return Snippet.of(target, "." + i.target().name() + "(", args(i.args().subList(0, i.target().sourceArity())), ")");
    } else if (e instanceof Expr.NewArray n) {
      List<Object> parts = new ArrayList<>(List.of("new " + baseName(n.type())));
      for (Expr d : n.dimensions()) {
        parts.addAll(List.of("[", snippet(d, 0), "]"));
      }
      parts.add("[]".repeat(n.type().dims() - n.dimensions().size()));
      return Snippet.of(parts.toArray());
    } else if (e instanceof Expr.ArrayCopy c) {
      return Snippet.of(snippet(c.source(), PRIMARY), ".clone()");
    } else if (e instanceof Expr.ArrayInit a) {
      return Snippet.of("new " + a.type().sourceText() + " {", args(a.elements()), "}");
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

  private Snippet args(List<Expr> args) {
    return Snippet.join(", ", args.stream().map(a -> snippet(a, 0)).toList());
  }

  private static String baseName(JType type) {
    return type.base() == JType.Base.REFERENCE ? String.valueOf(type.mirror()).replace("[]", "") : type.base().keyword();
  }

  /** Whether printing e is cheap and side-effect free enough to repeat ({@link IrWalker#isSimple}). */
  static boolean isSimple(Expr e) {
    return IrWalker.isSimple(e);
  }

}
