package dev.adjoint.processor.transform;

import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Names;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Keeps an adjoint element that a reverse loop only accumulates into in a local variable. In
 * {@code for (...) { xBar[j] += a[i] * y; ... }} with {@code j} fixed for the loop, the sum runs
 * through memory: the JIT must store and reload {@code xBar[j]} every iteration, since another
 * adjoint array written in the loop might be the same array. Loaded once before the loop, summed
 * in a local and stored once after it, the element gets the same terms in the same order, so the
 * result is bit for bit the same.
 *
 * <p>Which elements qualify is decided on the loop's IR ({@link #candidates}): the array is a
 * local one-dimensional floating array that shares storage with nothing else, the loop reads it
 * only as {@code x[j]} with one index variable {@code j} that the loop never writes (nor is its
 * own index), and the loop never writes or passes on the array. The reverse of such a loop then
 * touches {@code xBar} only to add into {@code xBar[j]}. One instance follows the reverse of one
 * loop and hands out each element's local the first time the reverse adds into it.
 */
final class AccumulatorHoisting {
  /** One hoisted element: {@code array[index]}, summed in {@code local} of the given type. */
  record Accumulator(String array, String index, String local, String type) {}

  /** An element {@code array[index]} of a loop. */
  private record Element(Variable array, Variable index) {}

  private final Set<Element> candidates;
  private final Map<Element, Accumulator> used = new LinkedHashMap<>();

  private AccumulatorHoisting(Set<Element> candidates) {
    this.candidates = candidates;
  }

  /**
   * The hoisting of loop's reverse, for arrays whose adjoints are named by bars and that pass
   * hoistable (local, unaliased, one-dimensional floating arrays).
   */
  static AccumulatorHoisting of(Stmt.CountedLoop loop, Map<Variable, String> bars, Predicate<Variable> hoistable) {
    return new AccumulatorHoisting(candidates(loop, v -> bars.containsKey(v) && hoistable.test(v)));
  }

  /** The elements of arrays passing hoistable that loop's reverse may keep in locals. */
  private static Set<Element> candidates(Stmt.CountedLoop loop, Predicate<Variable> hoistable) {
    Map<Variable, Variable> indexOf = new HashMap<>();
    Set<Variable> excluded = new HashSet<>();
    Map<Variable, Integer> wholeUses = new HashMap<>();
    IrWalker.allExpressions(loop.body(), e -> {
      if (e instanceof Expr.VarRef v && v.variable().type().isArray()) {
        wholeUses.merge(v.variable(), 1, Integer::sum);
      } else if (e instanceof Expr.ArrayRead a && a.array() instanceof Expr.VarRef v && hoistable.test(v.variable())) {
        wholeUses.merge(v.variable(), -1, Integer::sum); // its array operand is not a use of the whole array
        Variable index = a.index() instanceof Expr.VarRef i ? i.variable() : null;
        if (index == null || indexOf.getOrDefault(v.variable(), index) != index) {
          excluded.add(v.variable());
        }
        indexOf.putIfAbsent(v.variable(), index);
      } else if (e instanceof Expr.Length l && l.array() instanceof Expr.VarRef v) {
        wholeUses.merge(v.variable(), -1, Integer::sum); // x.length reads no element
      }
    });
    Set<Variable> written = IrWalker.writtenVariables(loop.body());
    IrWalker.statements(loop.body(), s -> {
      if (s instanceof Stmt.Assign a) {
        written.add(IrWalker.baseVariable(a.target()));
      } else if (s instanceof Stmt.CountedLoop inner) {
        written.add(inner.index());
      }
    });
    written.add(loop.index());
    Set<Element> out = new HashSet<>();
    indexOf.forEach((array, index) -> {
      if (!excluded.contains(array) && wholeUses.getOrDefault(array, 0) == 0 && !written.contains(array)
          && !written.contains(index)) {
        out.add(new Element(array, index));
      }
    });
    return out;
  }

  /**
   * The local that sums {@code a}'s adjoint in this loop's reverse, made on first use; null where
   * the element is not hoisted here.
   */
  Snippet localFor(Expr.ArrayRead a, Map<Variable, String> bars, Names names) {
    if (!(a.array() instanceof Expr.VarRef v) || !(a.index() instanceof Expr.VarRef i)) {
      return null;
    }
    Element e = new Element(v.variable(), i.variable());
    if (!candidates.contains(e)) {
      return null;
    }
    Accumulator acc = used.computeIfAbsent(e, k -> new Accumulator(bars.get(k.array()), k.index().name(),
        names.fresh("acc"), k.array().type().element().sourceText()));
    return Snippet.name(acc.local());
  }

  /** The accumulators the loop's reverse body uses, in the order it first used them. */
  List<Accumulator> usedIn(Code body) {
    List<Accumulator> out = new ArrayList<>();
    for (Accumulator a : used.values()) {
      if (body.mentions(a.local())) {
        out.add(a);
      }
    }
    return out;
  }
}
