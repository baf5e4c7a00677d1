package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.Activity;
import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Names;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The context in which the chain rule of {@link ExpressionAdjoints} and {@link MathAdjoints}
 * writes a tangent instead of an adjoint: the same walk over an expression, from its value to its
 * leaves, multiplies the partials on the way; at a leaf ({@link #reachLeaf}) the product times the
 * leaf's tangent is one term of the expression's tangent. So each derivative is written once, for
 * both modes. A term under a branch of the expression (a conditional, a min/max) is added into a
 * local; the others are summed in one expression.
 */
final class TangentContext implements AdjointContext {
  private final Printer printer;
  private final Activity activity;
  private final Names names;
  /** Whether a term whose partial may be infinite is written as a strong zero ({@code strongZeros}). */
  private final boolean strongZeros;
  /** The tangent of each variable that has one. */
  private final Map<Variable, String> dots;
  /** The tangents of the calls of the statement being written, computed before it. */
  private final Map<Expr, String> callDots = new IdentityHashMap<>();
  private final java.util.ArrayDeque<Integer> branchMarks = new java.util.ArrayDeque<>();
  private List<String> terms = new ArrayList<>();
  private String sum;
  /** A vector tangent's arrays for branch sums, made once at the top rather than where a loop would remake them. */
  private final Code sums = new Code();
  /** The directions of a vector tangent; null for a tangent of one direction. */
  private final TangentLanes lanes;
  /** A name or a number: a partial that needs no local of its own. */
  private static final java.util.regex.Pattern SIMPLE = java.util.regex.Pattern.compile("-?[\\w.]+");

  TangentContext(Printer printer, Activity activity, Names names, Map<Variable, String> dots, boolean strongZeros,
      TangentLanes lanes) {
    this.lanes = lanes;
    this.printer = printer;
    this.strongZeros = strongZeros;
    this.activity = activity;
    this.names = names;
    this.dots = dots;
  }

  /**
   * The tangent of e as an expression, writing into out the temporaries and branches it needs
   * first: every leaf's tangent times the partial of e with respect to that leaf, summed.
   */
  String tangentOf(Expr e, Code out) {
    List<String> outer = terms;
    String outerSum = sum;
    terms = new ArrayList<>();
    sum = null;
    try {
      ExpressionAdjoints.propagate(e, Seed.of(Seed.ONE), out, this);
      List<String> all = new ArrayList<>(terms);
      if (sum != null) {
        all.add(laned(sum));
      }
      return all.isEmpty() ? "0" : String.join(" + ", all);
    } finally {
      terms = outer;
      sum = outerSum;
    }
  }

  /** The declarations of a vector tangent's branch sums, for the top of the body. */
  Code sumDeclarations() {
    return sums;
  }

  /** Notes the tangent a call's pushforward computed, for the expression that uses the call's value. */
  void callTangent(Expr.Invoke call, String dot) {
    callDots.put(call, dot);
  }

  void forgetCalls() {
    callDots.clear();
  }

  /** The tangent of a variable (in the current direction), or null where it has none (its tangent is zero). */
  String dot(Variable v) {
    return laned(dots.get(v));
  }

  /** The tangent of a variable in every direction: {@link #dot} for one direction. */
  String allDirections(Variable v) {
    return dots.get(v);
  }

  /** The tangents a call's pushforward computed, in every direction, or null. */
  String callDots(Expr.Invoke call) {
    return callDots.get(call);
  }

  /** A tangent in the current direction: itself for one direction, {@code dots[d]} for several. */
  private String laned(String dots) {
    return dots == null || lanes == null ? dots : lanes.at(dots);
  }

  /**
   * The tangent array of an array expression ({@code u} gives uDot, {@code m[i]} gives mDot[i]),
   * whole: in a vector tangent, with every direction in it. Null for zero.
   */
  String dotOfArray(Expr array) {
    if (array instanceof Expr.VarRef v) {
      return dots.get(v.variable());
    }
    if (array instanceof Expr.ArrayRead a) {
      String rows = dotOfArray(a.array());
      return rows == null ? null : rows + "[" + printer.print(a.index()) + "]";
    }
    if (array instanceof Expr.Invoke call) {
      return callDots.get(call);
    }
    return null;
  }

  /** The tangent of an array's entry (in the current direction), or null for zero. */
  String dotOfElement(Expr.ArrayRead element) {
    String rows = dotOfArray(element.array());
    if (rows == null) {
      return null;
    }
    String index = printer.print(element.index()); // an index is cheap and has no effects
    return lanes == null ? rows + "[" + index + "]" : lanes.element(rows, index);
  }

  @Override
  public void reachLeaf(Expr leaf, Seed seed, Code out) {
    String dot = leaf instanceof Expr.VarRef v ? dot(v.variable()) : dotOfElement((Expr.ArrayRead) leaf);
    if (dot != null) {
      addTerm(seed, dot, out);
    }
  }

  private void addTerm(Seed seed, String dot, Code out) {
    if (lanes != null && !seed.isOne() && !seed.isMinusOne() && !SIMPLE.matcher(seed.text()).matches()) {
      // the same partial for every direction: worked out once, before the loop over them
      String partial = names.fresh("p");
      out.declare("var", partial, seed.text());
      seed = new Seed(partial, true, seed.guarded());
    }
    String term = seed.isOne() ? dot : seed.isMinusOne() ? "-" + dot : seed.operand() + " * " + dot;
    if (seed.guarded()) {
      term = "(" + dot + " == 0 ? 0 : " + term + ")"; // a zero tangent through an infinite partial stays zero
    }
    if (branchMarks.isEmpty()) {
      terms.add(term);
    } else if (lanes == null) {
      out.assign(sum, "+=", term);
    } else if (lanes.isOpen()) {
      out.assign(lanes.at(sum), "+=", term);
    } else {
      lanes.open(out);
      out.assign(lanes.at(sum), "+=", term);
      lanes.close(out);
    }
  }

  @Override
  public void reverseCall(Expr.Invoke call, String seed, Code out) {
    if (seed == null) {
      return; // a call with no active value: its pushforward already ran
    }
    String dot = laned(callDots.get(call));
    if (dot == null) {
      throw new TransformException(call.tree(), "this call in a tangent");
    }
    addTerm(new Seed(seed, false), dot, out);
  }

  @Override
  public String value(Expr e, Code out) {
    String sub = printer.substitution(e);
    if (sub != null) {
      return sub;
    }
    if (Printer.isSimple(e)) {
      return printer.print(e);
    }
    String t = names.fresh("t");
    out.declare(e.type().sourceText(), t, printer.printTyped(e));
    printer.substitute(e, t);
    return t;
  }

  @Override
  public String operand(Expr e, Code out) {
    String sub = printer.substitution(e);
    if (sub == null && Printer.isSimple(e)) {
      return printer.printPrimary(e);
    }
    return value(e, out);
  }

  @Override
  public String print(Expr e) {
    return printer.print(e);
  }

  @Override
  public boolean isActive(Expr e) {
    return activity.isActive(e);
  }

  @Override
  public String freshName(String prefix) {
    return names.fresh(prefix);
  }

  @Override
  public void propagateTo(Expr e, Seed seed, Code out) {
    ExpressionAdjoints.propagate(e, seed, out, this);
  }

  @Override
  public Seed reuse(Seed seed, Code out) {
    if (seed.atomic()) {
      return seed;
    }
    String d = names.fresh("d");
    out.declare("double", d, seed.text());
    return new Seed(d, true, seed.guarded());
  }

  @Override
  public Seed strongTimes(Seed seed, Code out, Supplier<String> factor) {
    Seed product = seed.times(factor.get());
    return strongZeros ? product.guard() : product;
  }

  @Override
  public Seed strongOver(Seed seed, Code out, Supplier<String> divisor) {
    Seed quotient = seed.over(divisor.get());
    return strongZeros ? quotient.guard() : quotient;
  }

  @Override
  public void openBranch(String header, Code out) {
    if (sum == null) {
      sum = names.fresh("d");
      if (lanes == null) {
        out.declare("double", sum, "0");
      } else {
        sums.declare("double[]", sum, lanes.allocate(JType.DOUBLE));
        out.line("java.util.Arrays.fill(" + sum + ", 0);");
      }
    }
    branchMarks.push(printer.mark());
    out.open(header);
  }

  @Override
  public void elseBranch(Code out) {
    printer.rollback(branchMarks.peek());
    out.reopen("else");
  }

  @Override
  public void closeBranch(Code out) {
    printer.rollback(branchMarks.pop());
    out.close();
  }

  @Override
  public boolean isTopLevel(Expr.Invoke call) {
    return true;
  }

  @Override
  public int knownWinner(Expr.MathCall m) {
    return -1;
  }

  @Override
  public String recordedChoice(Expr.MathCall m) {
    return null;
  }

  @Override
  public void notePushed(String name) {}

  @Override
  public boolean isRecordedClass(Variable aliasClass) {
    return false;
  }

  @Override
  public String bar(Variable v) {
    throw new IllegalStateException("a tangent has no adjoints");
  }

  @Override
  public String barOf(Expr array) {
    throw new IllegalStateException("a tangent has no adjoints");
  }

  @Override
  public Snippet accumulatorOf(Expr.ArrayRead element) {
    return null;
  }

  @Override
  public Snippet tape() {
    throw new IllegalStateException("a tangent has no tape");
  }

  @Override
  public Snippet tapeName() {
    throw new IllegalStateException("a tangent has no tape");
  }
}
