package dev.adjoint.benchmarks.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;

/** Protocol glue for {@link Hello}: the input is a bare number. */
final class HelloEval {
  private HelloEval() {}

  static Eval eval() {
    return Eval.of(
        "hello",
        "square", EvalFunction.of(HelloEval::parse, Hello::square),
        "double", EvalFunction.of(HelloEval::parse, x -> HelloAdjoint.squareGradient(x).x()));
  }

  private static double parse(JsonNode input) {
    return Inputs.number(input, "input");
  }
}
