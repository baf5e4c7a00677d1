package dev.adjoint.benchmarks.gradbench;

import dev.adjoint.benchmarks.gradbench.evals.EvalFunction;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Warms the JIT up before a function's first evaluation, as GradBench's Julia tools run a
 * "warmup" call before timing. One call is not enough for HotSpot: it compiles a method with its
 * optimizing compiler only after some 600 calls, and a function such as gmm's jacobian makes one
 * call of its generated sweep per run, a few hundred at most within an evaluation. Without this,
 * such a sweep is only ever compiled by on-stack replacement, and each run starts in profiling
 * code. So the function runs on a small input of the same shape ({@link EvalFunction#warmupInput})
 * until it has been called {@value #MIN_CALLS} times and the compiler has gone quiet, for at most
 * {@value #MAX_SECONDS} s. The time taken is reported as a {@code "warmup"} timing, which the
 * scorer, like the reference tools' {@code "prepare"}, does not count.
 */
final class Warmup {
  static final int MIN_CALLS = 2_000;
  static final long MAX_SECONDS = 3;
  /** How long compilation must stay idle before the compiler counts as quiet. */
  private static final long QUIET_NANOS = 50_000_000L;

  private final Set<EvalFunction<?, ?>> warmed = Collections.newSetFromMap(new IdentityHashMap<>());
  private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();

  /**
   * Runs {@code fn} on the small version of {@code input} if it has a warm-up input and has not
   * been warmed up yet in this process; returns the nanoseconds spent, or -1 if it did nothing.
   */
  <I, R> long warmUp(EvalFunction<I, R> fn, I input) {
    if (fn.warmupInput() == null || !warmed.add(fn)) {
      return -1;
    }
    long start = System.nanoTime();
    I small = fn.warmupInput().apply(input);
    long deadline = start + MAX_SECONDS * 1_000_000_000L;
    long lastCompileMillis = compileMillis();
    long quietSince = System.nanoTime();
    for (int calls = 1; ; calls++) {
      fn.compute().apply(small);
      long now = System.nanoTime();
      long compileMillis = compileMillis();
      if (compileMillis != lastCompileMillis) {
        lastCompileMillis = compileMillis;
        quietSince = now;
      }
      if (now > deadline || (calls >= MIN_CALLS && now - quietSince >= QUIET_NANOS)) {
        return now - start;
      }
    }
  }

  /** Total JIT time so far, or 0 where the JVM does not say (then only the call count counts). */
  private long compileMillis() {
    return compiler != null && compiler.isCompilationTimeMonitoringSupported()
        ? compiler.getTotalCompilationTime()
        : 0;
  }
}
