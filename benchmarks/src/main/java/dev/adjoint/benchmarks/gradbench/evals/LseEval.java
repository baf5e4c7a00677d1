package dev.adjoint.benchmarks.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/** Protocol glue for {@link Lse}: input {@code {x: [n]}}. */
final class LseEval {
  private LseEval() {}

  static Eval eval() {
    return Eval.of(
        "lse",
        "primal", EvalFunction.of(LseEval::parse, Lse::logsumexp).warmedUpOn(LseEval::fewEntries),
        "gradient", EvalFunction.of(LseEval::parse, (double[] x) -> LseAdjoint.logsumexpGradient(x).x())
            .warmedUpOn(LseEval::fewEntries));
  }

  /** The first 16 entries, for warming up. */
  static double[] fewEntries(double[] x) {
    return Arrays.copyOf(x, Math.min(x.length, 16));
  }

  private static double[] parse(JsonNode input) {
    double[] x = Inputs.object(input, "input").vector("x", -1);
    if (x.length == 0) {
      throw new InputException("input.x: expected a non-empty list");
    }
    return x;
  }
}
