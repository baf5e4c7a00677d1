package dev.adjoint.benchmarks.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;

/** Protocol glue for {@link Det}: input {@code {A: [ell * ell], ell}}. */
final class DetEval {
  /** Columns are tracked as bits of an int. */
  static final int MAX_ELL = 30;

  private DetEval() {}

  record Input(double[] a, int ell) {}

  static Eval eval() {
    return Eval.of(
        "det",
        "primal", EvalFunction.of(DetEval::parse, in -> Det.det(in.a, in.ell)),
        "gradient", EvalFunction.of(DetEval::parse, in -> DetAdjoint.detGradient(in.a, in.ell).a()));
  }

  private static Input parse(JsonNode json) {
    Inputs.Fields input = Inputs.object(json, "input");
    int ell = input.positiveInteger("ell");
    if (ell > MAX_ELL) {
      throw new InputException("input.ell: at most " + MAX_ELL + " is supported, got " + ell);
    }
    return new Input(input.vector("A", ell * ell), ell);
  }
}
