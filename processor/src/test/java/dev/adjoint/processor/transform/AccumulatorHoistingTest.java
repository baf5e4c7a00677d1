package dev.adjoint.processor.transform;

import static dev.adjoint.processor.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.Names;
import dev.adjoint.processor.emit.Snippet;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which adjoint elements a counted loop's reverse sums in locals, decided on hand-built IR. */
class AccumulatorHoistingTest {
  private final Variable x = param("x", DOUBLES);
  private final Variable n = param("n", JType.INT);
  private final Variable w = local("w", DOUBLES, 0);
  private final Variable s = local("s", JType.DOUBLE, 0);
  private final Variable i = local("i", JType.INT, 0);
  private final Variable j = local("j", JType.INT, 0);
  private final Map<Variable, String> bars = Map.of(w, "wBar", x, "xBar", s, "sBar");

  /** The local for w[j] in the reverse of a loop over i with the given body, or null. */
  private String localOfWj(Stmt... body) {
    AccumulatorHoisting h = hoisting(body);
    Snippet local = h.localFor((Expr.ArrayRead) at(w, ref(j)), bars, new Names());
    return local == null ? null : local.plain();
  }

  private AccumulatorHoisting hoisting(Stmt... body) {
    return AccumulatorHoisting.of(loop(i, ref(n), body), bars, v -> !v.isParameter());
  }

  private Stmt sumWjTimesXi() {
    return add(ref(s), op(BinaryOp.MUL, at(w, ref(j)), at(x, ref(i))));
  }

  @Test
  void anElementReadAtAnIndexTheLoopNeverWritesIsSummedInALocal() {
    assertEquals("acc0", localOfWj(sumWjTimesXi()));
  }

  @Test
  void theLoopsOwnIndexDisqualifies() {
    AccumulatorHoisting h = hoisting(add(ref(s), at(w, ref(i))));
    assertNull(h.localFor((Expr.ArrayRead) at(w, ref(i)), bars, new Names()));
  }

  @Test
  void writingTheArrayOrTheIndexOrReadingAnotherIndexDisqualifies() {
    assertNull(localOfWj(sumWjTimesXi(), set(at(w, integer(0)), num(1))), "the loop writes w");
    assertNull(localOfWj(sumWjTimesXi(), add(ref(j), integer(1))), "the loop writes j");
    assertNull(localOfWj(sumWjTimesXi(), add(ref(s), at(w, integer(0)))), "w is also read at 0");
    Variable k = local("k", JType.INT, 1);
    assertNull(localOfWj(sumWjTimesXi(), loop(k, ref(n), add(ref(s), at(w, ref(k))))), "w[k] with k varying");
  }

  @Test
  void theWholeArrayUsedAnyOtherWayDisqualifiesButItsLengthDoesNot() {
    Variable u = local("u", DOUBLES, 1);
    assertNull(localOfWj(sumWjTimesXi(), declare(u, ref(w))), "u = w shares w's storage");
    assertEquals("acc0", localOfWj(sumWjTimesXi(), add(ref(s), op(BinaryOp.MUL, num(2), length(w)))));
  }

  @Test
  void aParameterArrayIsNeverHoisted() {
    AccumulatorHoisting h = hoisting(add(ref(s), at(x, ref(j))));
    assertNull(h.localFor((Expr.ArrayRead) at(x, ref(j)), bars, new Names()));
  }

  @Test
  void onlyLocalsTheReverseBodyUsesAreDeclared() {
    AccumulatorHoisting h = hoisting(sumWjTimesXi());
    Names names = new Names();
    Snippet local = h.localFor((Expr.ArrayRead) at(w, ref(j)), bars, names);
    assertEquals(List.of(), h.usedIn(new Code().line("sBar = 0;")), "made while probing, then not used");
    List<AccumulatorHoisting.Accumulator> used = h.usedIn(new Code().line(Snippet.of(local, " += sBar * x[i];")));
    assertEquals(List.of(new AccumulatorHoisting.Accumulator("wBar", "j", "acc0", "double")), used);
  }
}
