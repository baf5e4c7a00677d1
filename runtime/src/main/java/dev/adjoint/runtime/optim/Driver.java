package dev.adjoint.runtime.optim;

import dev.adjoint.runtime.linalg.Vectors;
import java.util.Locale;
import java.util.function.Function;

/**
 * The loop every optimizer shares: evaluate, test the gradient, step, trace, count. Keeping it in
 * one place keeps the stopping rules and the report identical across methods.
 */
final class Driver {
  private Driver() {}

  static Result run(String method, Objective objective, double[] x0, Options options,
      Function<Evaluations, Stepper> stepperFactory) {
    long start = System.nanoTime();
    Evaluations ev = new Evaluations(objective);
    Point p = ev.evaluate(x0.clone());
    if (!Double.isFinite(p.f)) {
      throw new IllegalArgumentException("the objective is " + p.f + " at the starting point");
    }
    double f0 = p.f;
    Stepper stepper = stepperFactory.apply(ev);
    Trace trace = new Trace(options, start);
    trace.header();
    trace.line(0, p);
    notify(options, 0, p);
    int iterations = 0;
    Status status;
    while (true) {
      if (Vectors.normInf(p.g) <= options.gradientTolerance()) {
        status = Status.CONVERGED;
        break;
      }
      if (iterations >= options.maxIterations()) {
        status = Status.MAX_ITERATIONS;
        break;
      }
      Point next = stepper.next(p);
      if (next == null) {
        status = Status.LINE_SEARCH_FAILED;
        break;
      }
      p = next;
      iterations++;
      trace.line(iterations, p);
      notify(options, iterations, p);
    }
    trace.last(iterations, p);
    double seconds = (System.nanoTime() - start) * 1e-9;
    return new Result(method, status, p.x.clone(), p.f, f0, Vectors.normInf(p.g), options.gradientTolerance(),
        iterations, ev.fCalls(), ev.gCalls(), seconds);
  }

  private static void notify(Options options, int iteration, Point p) {
    if (options.listener() != null) {
      options.listener().iteration(iteration, p.f, Vectors.normInf(p.g), p.x.clone());
    }
  }

  /** Optim.jl-style trace lines: iteration, objective, gradient infinity norm, seconds since the start. */
  static final class Trace {
    private final Options options;
    private final long start;
    private int lastPrinted = -1;

    Trace(Options options, long start) {
      this.options = options;
      this.start = start;
    }

    void header() {
      if (options.tracing()) {
        options.trace().printf(Locale.ROOT, "%6s %16s %16s %10s%n", "Iter", "Function value", "Gradient norm", "Time (s)");
      }
    }

    void line(int iteration, Point p) {
      if (options.tracing() && iteration % options.traceEvery() == 0) {
        print(iteration, p);
      }
    }

    /** The final iterate is always shown, so a trace ends where the run did. */
    void last(int iteration, Point p) {
      if (options.tracing() && lastPrinted != iteration) {
        print(iteration, p);
      }
    }

    private void print(int iteration, Point p) {
      double seconds = (System.nanoTime() - start) * 1e-9;
      options.trace().printf(Locale.ROOT, "%6d %16.6e %16.6e %10.4f%n", iteration, p.f, Vectors.normInf(p.g), seconds);
      lastPrinted = iteration;
    }
  }
}
