package dev.adjoint.benchmarks.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * One function of a GradBench eval, split the way the reference tools split it: {@code parse}
 * turns the message's input into primitive arrays (not timed), {@code compute} is the work that
 * is timed and repeated, and {@code render} turns the last result into the output's JSON shape
 * (a value Jackson can serialise: numbers, arrays, maps).
 *
 * @param <I> the parsed input
 * @param <R> the result of one computation
 */
public record EvalFunction<I, R>(
    Function<JsonNode, I> parse, Function<I, R> compute, Function<R, ?> render) {

  public static <I, R> EvalFunction<I, R> of(
      Function<JsonNode, I> parse, Function<I, R> compute, Function<R, ?> render) {
    return new EvalFunction<>(parse, compute, render);
  }

  /** A function whose result is already in its output's shape. */
  public static <I, R> EvalFunction<I, R> of(Function<JsonNode, I> parse, Function<I, R> compute) {
    return new EvalFunction<>(parse, compute, Function.identity());
  }
}
