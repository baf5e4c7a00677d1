package dev.adjoint.benchmarks.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;

/** Protocol glue for {@link Llsq}: input {@code {x: [m], n}}. */
final class LlsqEval {
  private LlsqEval() {}

  record Input(double[] x, int n) {}

  static Eval eval() {
    return Eval.of(
        "llsq",
        "primal", EvalFunction.of(LlsqEval::parse, (Input in) -> Llsq.primal(in.x, in.n))
            .warmedUpOn(LlsqEval::fewSamples),
        "gradient", EvalFunction.of(LlsqEval::parse, (Input in) -> LlsqAdjoint.primalGradient(in.x, in.n).x())
            .warmedUpOn(LlsqEval::fewSamples));
  }

  /** The same polynomial sampled at 8 points, for warming up. */
  static Input fewSamples(Input in) {
    return new Input(in.x, Math.min(in.n, 8));
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
