package dev.adjoint.runtime.optim;

import java.io.PrintStream;

/**
 * Stopping rules and tracing for the optimizers. Start from {@link #defaults()} and adjust with
 * the {@code with...} methods:
 *
 * <pre>{@code
 * Options o = Options.defaults().withGradientTolerance(1e-12).withMaxIterations(200).withTrace(System.out, 1);
 * }</pre>
 *
 * @param gradientTolerance stop when the gradient's infinity norm is at most this (Optim.jl's {@code g_tol})
 * @param maxIterations stop after this many iterations
 * @param traceEvery print a trace line every this many iterations; 0 prints none
 * @param trace where trace lines go; null prints none
 * @param listener called after the starting point and after every iteration; null for none
 */
public record Options(double gradientTolerance, int maxIterations, int traceEvery, PrintStream trace,
    IterationListener listener) {

  /** Validates the settings. */
  public Options {
    if (!(gradientTolerance >= 0)) {
      throw new IllegalArgumentException("gradient tolerance must be non-negative, got " + gradientTolerance);
    }
    if (maxIterations < 0) {
      throw new IllegalArgumentException("iteration limit must be non-negative, got " + maxIterations);
    }
    if (traceEvery < 0) {
      throw new IllegalArgumentException("trace interval must be non-negative, got " + traceEvery);
    }
  }

  /** Options without a listener. */
  public Options(double gradientTolerance, int maxIterations, int traceEvery, PrintStream trace) {
    this(gradientTolerance, maxIterations, traceEvery, trace, null);
  }

  /** Optim.jl's defaults: gradient tolerance 1e-8, 1000 iterations, no trace. */
  public static Options defaults() {
    return new Options(1e-8, 1000, 0, null, null);
  }

  /** These options with another gradient tolerance. */
  public Options withGradientTolerance(double tolerance) {
    return new Options(tolerance, maxIterations, traceEvery, trace, listener);
  }

  /** These options with another iteration limit. */
  public Options withMaxIterations(int iterations) {
    return new Options(gradientTolerance, iterations, traceEvery, trace, listener);
  }

  /** These options, printing {@code iter  objective  |grad|  time} to {@code out} every {@code every} iterations. */
  public Options withTrace(PrintStream out, int every) {
    return new Options(gradientTolerance, maxIterations, every, out, listener);
  }

  /** These options, calling {@code l} with the starting point and after every iteration (a progress bar, a log). */
  public Options withListener(IterationListener l) {
    return new Options(gradientTolerance, maxIterations, traceEvery, trace, l);
  }

  boolean tracing() {
    return trace != null && traceEvery > 0;
  }
}
