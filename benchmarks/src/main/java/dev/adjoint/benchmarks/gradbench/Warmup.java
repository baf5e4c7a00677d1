package dev.adjoint.benchmarks.gradbench;

import dev.adjoint.benchmarks.gradbench.evals.EvalFunction;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Warms the JIT up before each evaluation of a function whose computation is one call of a long
 * generated method, as GradBench's Julia tools run a "warmup" call before timing.
 *
 * <p>One call is not enough for HotSpot. It compiles a method with its optimizing compiler (C2)
 * only after some 600 calls, and a function such as gmm's jacobian makes one call of its sweep per
 * run, a few hundred at most within an evaluation. Worse, C2 compiles only the paths the profile
 * has seen: the first run on a larger input (the tape grows) or on a new shape (a branch taken for
 * the first time) leaves the compiled code through an "uncommon trap", and the method starts over
 * in the interpreter, to be recompiled only after another 600 calls. (Measured with
 * {@code -XX:+LogCompilation}: after its first size, gmm's sweep ran only as loop-by-loop
 * on-stack-replacement code.) So each evaluation first runs the function once on its own input,
 * untimed, which takes those traps while nothing is timed; then it runs the function on a small
 * input of the same shape ({@link EvalFunction#warmupInput}) until it has been called
 * {@value #MIN_CALLS} times and the compiler has nothing left to do; and then both once more
 * ({@link #PASSES}), all for at most the function's
 * {@link EvalFunction#warmupSeconds()} (5 s unless it says otherwise). The time taken is reported as a {@code "warmup"} timing, which the
 * scorer, like the reference tools' {@code "prepare"}, does not count.
 */
final class Warmup {
  static final int MIN_CALLS = 2_000;
  /**
   * Real input, then small input until compiled, twice. The first run on the real input is mostly
   * interpreted before the method has a profile, so a branch only it takes can be missing from the
   * profile C2 compiles: gmm's sweep at 2_5_1000 took an "unstable_if" trap in its timed runs (on
   * the branch for a point whose first component is its largest, which the 8 warm-up points never
   * had) and ran at 0.43-0.56 ms instead of 0.23 ms. The second real run takes such a trap while
   * nothing is timed, and the small input gets the method compiled again with both branches.
   */
  static final int PASSES = 2;
  /** How often to ask the compiler whether it is idle. */
  private static final long POLL_NANOS = 10_000_000L;

  private final CompilerQueue compilerQueue = CompilerQueue.platform();

  /**
   * Warms {@code fn} up for {@code input} if it has a warm-up input; returns the nanoseconds spent,
   * or -1 if it did nothing.
   */
  <I, R> long warmUp(EvalFunction<I, R> fn, I input) {
    if (fn.warmupInput() == null) {
      return -1;
    }
    long start = System.nanoTime();
    long deadline = start + fn.warmupSeconds() * 1_000_000_000L;
    I small = fn.warmupInput().apply(input);
    for (int pass = 0; pass < PASSES; pass++) {
      fn.compute().apply(input);
      if (!settle(fn, small, deadline)) {
        break;
      }
    }
    return System.nanoTime() - start;
  }

  /**
   * Runs fn on the small input until it has made {@value #MIN_CALLS} calls and the compiler is
   * idle; false if the deadline came first.
   */
  private <I, R> boolean settle(EvalFunction<I, R> fn, I small, long deadline) {
    long nextPoll = 0;
    for (int calls = 1; ; calls++) {
      fn.compute().apply(small);
      long now = System.nanoTime();
      if (now > deadline) {
        return false;
      }
      if (calls >= MIN_CALLS && now >= nextPoll) {
        if (compilerQueue.idle()) {
          return true;
        }
        nextPoll = now + POLL_NANOS;
      }
    }
  }

  /**
   * The JIT's work list, read through HotSpot's {@code Compiler.queue} diagnostic command: unlike
   * the compilation-time counter, which moves only when a compilation ends, it shows a compilation
   * in progress (C2 spends half a second on a long sweep).
   */
  static final class CompilerQueue {
    private final MBeanServer server;
    private final ObjectName diagnostics;

    private CompilerQueue(MBeanServer server, ObjectName diagnostics) {
      this.server = server;
      this.diagnostics = diagnostics;
    }

    static CompilerQueue platform() {
      try {
        return new CompilerQueue(
            ManagementFactory.getPlatformMBeanServer(),
            new ObjectName("com.sun.management:type=DiagnosticCommand"));
      } catch (JMException | RuntimeException e) {
        return new CompilerQueue(null, null);
      }
    }

    /**
     * Whether nothing is being compiled or waiting to be; true where the JVM cannot say, so that
     * the warm-up then ends after its minimum number of calls.
     */
    boolean idle() {
      if (server == null) {
        return true;
      }
      try {
        return isIdle((String) server.invoke(
            diagnostics, "compilerQueue", new Object[] {null}, new String[] {String[].class.getName()}));
      } catch (JMException | RuntimeException e) {
        return true;
      }
    }

    /**
     * Whether a {@code Compiler.queue} listing shows no task: it is headers ("Current compiles:",
     * "C1 compile queue:") each followed by task lines or by "Empty".
     */
    static boolean isIdle(String listing) {
      return listing.lines()
          .map(String::strip)
          .allMatch(line -> line.isEmpty() || line.equals("Empty")
              || line.equals("Current compiles:") || line.endsWith("compile queue:"));
    }
  }
}
