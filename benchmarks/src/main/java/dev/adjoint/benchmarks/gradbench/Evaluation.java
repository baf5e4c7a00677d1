package dev.adjoint.benchmarks.gradbench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adjoint.benchmarks.gradbench.evals.EvalFunction;

/**
 * Runs one function the way the reference tools' {@code main.hpp} does: the input is converted
 * once, untimed; the function is warmed up if it needs it ({@link Warmup}); then the computation
 * runs until it has run at least {@code minRuns} times and for at least {@code minSeconds} in
 * total, each run timed on its own; then the last result is converted to the output's shape,
 * untimed.
 *
 * @param output the last run's result, in its JSON shape
 * @param warmupNanoseconds the warm-up's duration, or -1 if there was none
 * @param nanoseconds the duration of each run
 */
record Evaluation(Object output, long warmupNanoseconds, long[] nanoseconds) {

  static <I, R> Evaluation run(
      EvalFunction<I, R> fn, JsonNode input, int minRuns, double minSeconds, Warmup warmup) {
    I prepared = fn.parse().apply(input);
    long warmupNanoseconds = warmup.warmUp(fn, prepared);
    long[] times = new long[Math.max(minRuns, 16)];
    int runs = 0;
    long total = 0;
    long minNanos = (long) Math.min(minSeconds * 1e9, Long.MAX_VALUE);
    R result = null;
    while (runs < minRuns || total < minNanos) {
      long start = System.nanoTime();
      result = fn.compute().apply(prepared);
      long elapsed = System.nanoTime() - start;
      if (runs == times.length) {
        times = java.util.Arrays.copyOf(times, 2 * runs);
      }
      times[runs++] = elapsed;
      total += elapsed;
    }
    return new Evaluation(
        fn.render().apply(result), warmupNanoseconds, java.util.Arrays.copyOf(times, runs));
  }
}
