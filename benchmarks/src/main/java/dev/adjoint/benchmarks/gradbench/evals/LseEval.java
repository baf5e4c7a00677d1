package dev.adjoint.benchmarks.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;

/** Protocol glue for {@link Lse}: input {@code {x: [n]}}. */
final class LseEval {
  private LseEval() {}

  static Eval eval() {
    return Eval.of(
        "lse",
        "primal", EvalFunction.of(LseEval::parse, Lse::logsumexp),
        "gradient", EvalFunction.of(LseEval::parse, x -> LseAdjoint.logsumexpGradient(x).x()));
  }

  private static double[] parse(JsonNode input) {
    double[] x = Inputs.object(input, "input").vector("x", -1);
    if (x.length == 0) {
      throw new InputException("input.x: expected a non-empty list");
    }
    return x;
  }
}
