package dev.adjoint.benchmarks.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
  void runsTheSmallInputAtLeastMinCallsTimesOnce() {
    Warmup warmup = new Warmup();
    EvalFunction<Integer, Integer> fn = plain.warmedUpOn(n -> n / 1000);

    long nanoseconds = warmup.warmUp(fn, 5000);

    assertTrue(nanoseconds > 0);
    assertTrue(calls.size() >= Warmup.MIN_CALLS, "calls: " + calls.size());
    assertTrue(calls.stream().allMatch(n -> n == 5), "only the small input is run");
    calls.clear();
    assertEquals(-1, warmup.warmUp(fn, 5000), "a function is warmed up once per process");
    assertEquals(List.of(), calls);
  }

  @Test
  void aFunctionWithoutWarmupInputIsNotRun() {
    assertEquals(-1, new Warmup().warmUp(plain, 5000));
    assertEquals(List.of(), calls);
  }
}
