package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.Optimizations;
import dev.adjoint.processor.diagnostics.Construct;
import dev.adjoint.processor.diagnostics.Problem;
import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Variable;

/**
 * The expression-level half of the context the adjoints of expressions, Math functions and calls
 * work in ({@link AdjointContext}): adjoint names, primal values as the reverse sweep reads them,
 * fresh names, branches and the tape, all over the {@link SweepState} of the sweep being built.
 */
abstract class ExpressionHooks implements AdjointContext {
  final SweepState st;
  private final java.util.ArrayDeque<Integer> branchMarks = new java.util.ArrayDeque<>();

  ExpressionHooks(SweepState st) {
    this.st = st;
  }

  @Override
  public String bar(Variable v) {
    String b = st.bars.get(v);
    if (b == null) {
      throw new IllegalStateException("no adjoint for " + v);
    }
    return b;
  }

  @Override
  public String barOf(Expr array) {
    if (array instanceof Expr.VarRef v) {
      return bar(v.variable());
    }
    if (array instanceof Expr.ArrayRead a) {
      String index = st.printer.substitution(a.index());
      return barOf(a.array()) + "[" + (index != null ? index : st.printer.print(a.index())) + "]";
    }
    throw new TransformException(array.tree(), Problem.of(Construct.UNNAMED_ARRAY));
  }

  @Override
  public Snippet accumulatorOf(Expr.ArrayRead element) {
    for (AccumulatorHoisting h : st.accumulating) { // outermost first: its local spans the most trips
      Snippet local = h.localFor(element, st.bars, st.names);
      if (local != null) {
        return local;
      }
    }
    return null;
  }

  @Override
  public String value(Expr e, Code out) {
    String sub = st.printer.substitution(e);
    if (sub != null) {
      return sub;
    }
    if (Printer.isSimple(e)) {
      return st.printer.print(e);
    }
    Snippet text = st.printer.printTyped(e);
    String t = st.names.fresh("t");
    out.declare(e.type().sourceText(), t, text);
    st.printer.substitute(e, t);
    return t;
  }

  @Override
  public String operand(Expr e, Code out) {
    String sub = st.printer.substitution(e);
    if (sub == null && Printer.isSimple(e)) {
      return st.printer.printPrimary(e); // a negative constant or a cast comes parenthesised
    }
    return value(e, out); // a name
  }


  @Override
  public void reachLeaf(Expr leaf, Seed seed, Code out) {
    if (leaf instanceof Expr.VarRef v) {
      out.assign(bar(v.variable()), "+=", seed.text());
      return;
    }
    Expr.ArrayRead a = (Expr.ArrayRead) leaf;
    // the index is read even where a local sums the element: the loop's load and store read it
    String index = value(a.index(), out);
    Snippet accumulator = accumulatorOf(a);
    if (accumulator != null) {
      out.assign(accumulator, "+=", seed.text());
    } else {
      out.assign(barOf(a.array()) + "[" + index + "]", "+=", seed.text());
    }
  }

  @Override
  public void propagateTo(Expr e, Seed seed, Code out) {
    ExpressionAdjoints.propagate(e, seed, out, this);
  }

  @Override
  public void openBranch(String header, Code out) {
    branchMarks.push(st.printer.mark());
    out.open(header);
  }

  @Override
  public void elseBranch(Code out) {
    st.printer.rollback(branchMarks.peek());
    out.reopen("else");
  }

  @Override
  public void closeBranch(Code out) {
    st.printer.rollback(branchMarks.pop());
    out.close();
  }

  @Override
  public Seed strongTimes(Seed seed, Code out, java.util.function.Supplier<String> factor) {
    return st.on(Optimizations.Kind.STRONG_ZEROS) ? reuse(seed, out).strongTimes(factor.get()) : seed.times(factor.get());
  }

  @Override
  public Seed strongOver(Seed seed, Code out, java.util.function.Supplier<String> divisor) {
    return st.on(Optimizations.Kind.STRONG_ZEROS) ? reuse(seed, out).strongOver(divisor.get()) : seed.over(divisor.get());
  }

  @Override
  public Seed reuse(Seed seed, Code out) {
    if (seed.atomic()) {
      return seed;
    }
    String d = st.names.fresh("d");
    out.declare("double", d, seed.text());
    return Seed.of(d);
  }

  @Override
  public boolean isActive(Expr e) {
    return st.activity.isActive(e);
  }

  @Override
  public String freshName(String prefix) {
    return st.names.fresh(prefix);
  }

  @Override
  public String print(Expr e) {
    return st.printer.print(e);
  }


  @Override
  public void notePushed(String name) {
    st.pushed.add(name);
    st.noteRecorded(name);
  }

  @Override
  public Snippet tape() {
    st.usesTape = true;
    return st.tape;
  }

  @Override
  public Snippet tapeName() {
    return st.tape;
  }

  @Override
  public boolean isRecordedClass(Variable aliasClass) {
    return st.scope.classes().contains(aliasClass);
  }
}
