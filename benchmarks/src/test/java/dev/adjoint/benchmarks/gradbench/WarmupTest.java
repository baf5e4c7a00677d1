package dev.adjoint.benchmarks.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.benchmarks.gradbench.evals.EvalFunction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupTest {
  private final List<Integer> calls = new ArrayList<>();
  private final EvalFunction<Integer, Integer> plain = EvalFunction.of(json -> 0, n -> {
    calls.add(n);
    return n;
  });

  @Test
  void runsTheInputThenTheSmallInputAtLeastMinCallsTimesTwice() {
    Warmup warmup = new Warmup();
    EvalFunction<Integer, Integer> fn = plain.warmedUpOn(n -> n / 1000);

    long nanoseconds = warmup.warmUp(fn, 5000);

    assertTrue(nanoseconds > 0);
    assertEquals(5000, calls.get(0), "the evaluation's own input first, to take its traps");
    int second = calls.lastIndexOf(5000);
    assertEquals(2, calls.stream().filter(n -> n == 5000).count(), "the own input once per pass: " + second);
    for (List<Integer> small : List.of(calls.subList(1, second), calls.subList(second + 1, calls.size()))) {
      assertTrue(small.size() >= Warmup.MIN_CALLS, "calls: " + small.size());
      assertTrue(small.stream().allMatch(n -> n == 5), "then only the small input");
    }
  }

  @Test
  void aFunctionsOwnTimeLimitEndsItsWarmup() {
    EvalFunction<Integer, Integer> fn = plain.warmedUpOn(n -> n / 1000, 0);

    new Warmup().warmUp(fn, 5000);

    assertEquals(List.of(5000, 5), calls, "past the limit after the first small call");
  }

  @Test
  void everyEvaluationIsWarmedUpForItsOwnInput() {
    Warmup warmup = new Warmup();
    EvalFunction<Integer, Integer> fn = plain.warmedUpOn(n -> n / 1000);
    warmup.warmUp(fn, 5000);
    calls.clear();

    assertTrue(warmup.warmUp(fn, 20000) > 0);
    assertEquals(20000, calls.get(0));
    assertTrue(calls.subList(1, calls.size()).stream().allMatch(n -> n == 20 || n == 20000));
  }

  @Test
  void aCompilerQueueListingIsIdleOnlyWithoutTasks() {
    String idle = "Current compiles: \n\nC1 compile queue:\nEmpty\n\nC2 compile queue:\nEmpty\n\n";
    String queued = "Current compiles: \n\nC1 compile queue:\n"
        + " 466       3       java.lang.ref.SoftReference::<init> (13 bytes)\n\n"
        + "C2 compile queue:\nEmpty\n";
    String compiling = "Current compiles: \n"
        + "C2 CompilerThread0   1248       4       dev.example.GmmAdjoint::objectiveSweep (1940 bytes)\n\n"
        + "C1 compile queue:\nEmpty\n\nC2 compile queue:\nEmpty\n";

    assertTrue(Warmup.CompilerQueue.isIdle(idle));
    assertFalse(Warmup.CompilerQueue.isIdle(queued));
    assertFalse(Warmup.CompilerQueue.isIdle(compiling));
  }

  @Test
  void aFunctionWithoutWarmupInputIsNotRun() {
    assertEquals(-1, new Warmup().warmUp(plain, 5000));
    assertEquals(List.of(), calls);
  }
}
