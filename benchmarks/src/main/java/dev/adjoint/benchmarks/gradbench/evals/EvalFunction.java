package dev.adjoint.benchmarks.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One function of a GradBench eval, split the way the reference tools split it: {@code parse}
 * turns the message's input into primitive arrays (not timed), {@code compute} is the work that
 * is timed and repeated, and {@code render} turns the last result into the output's JSON shape
 * (a value Jackson can serialise: numbers, arrays, maps).
 *
 * <p>{@code warmupInput}, where not null, cuts a parsed input down to a small one of the same
 * shape. It is for functions whose whole computation is one call of a long generated method:
 * HotSpot compiles a method fully only after hundreds of calls, more than one evaluation's runs
 * make, so before each evaluation such a function runs its input once and then the small input
 * many times (see {@code Warmup}), for at most {@code warmupSeconds}.
 *
 * @param <I> the parsed input
 * @param <R> the result of one computation
 */
public record EvalFunction<I, R>(
    Function<JsonNode, I> parse,
    Function<I, R> compute,
    Function<R, ?> render,
    UnaryOperator<I> warmupInput,
    long warmupSeconds) {

  /** How long a warm-up may take unless a function says otherwise. */
  public static final long DEFAULT_WARMUP_SECONDS = 5;

  public static <I, R> EvalFunction<I, R> of(
      Function<JsonNode, I> parse, Function<I, R> compute, Function<R, ?> render) {
    return new EvalFunction<>(parse, compute, render, null, 0);
  }

  /** A function whose result is already in its output's shape. */
  public static <I, R> EvalFunction<I, R> of(Function<JsonNode, I> parse, Function<I, R> compute) {
    return of(parse, compute, Function.identity());
  }

  /** This function, warmed up on inputs cut down by {@code smaller} before each evaluation. */
  public EvalFunction<I, R> warmedUpOn(UnaryOperator<I> smaller) {
    return warmedUpOn(smaller, DEFAULT_WARMUP_SECONDS);
  }

  /** As {@link #warmedUpOn(UnaryOperator)}, for at most the given seconds. */
  public EvalFunction<I, R> warmedUpOn(UnaryOperator<I> smaller, long seconds) {
    return new EvalFunction<>(parse, compute, render, smaller, seconds);
  }
}
