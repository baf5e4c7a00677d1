package dev.adjoint.benchmarks.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;

/** Protocol glue for {@link Llsq}: input {@code {x: [m], n}}. */
final class LlsqEval {
  private LlsqEval() {}

  record Input(double[] x, int n) {}

  static Eval eval() {
    return Eval.of(
        "llsq",
        "primal", EvalFunction.of(LlsqEval::parse, in -> Llsq.primal(in.x, in.n)),
        "gradient", EvalFunction.of(LlsqEval::parse, in -> LlsqAdjoint.primalGradient(in.x, in.n).x()));
  }

  private static Input parse(JsonNode json) {
    Inputs.Fields input = Inputs.object(json, "input");
    int n = input.positiveInteger("n");
    if (n < 2) {
      throw new InputException("input.n: expected at least 2 sample points, got " + n);
    }
    return new Input(input.vector("x", -1), n);
  }
}
