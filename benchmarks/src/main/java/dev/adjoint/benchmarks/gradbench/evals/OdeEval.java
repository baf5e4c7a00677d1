package dev.adjoint.benchmarks.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Protocol glue for {@link Ode}: input {@code {x: [n], s}}; {@code gradient} is the gradient of the
 * last entry of the solution with respect to x, a pullback with the seed {@code e_(n-1)}.
 */
final class OdeEval {
  private OdeEval() {}

  record Input(double[] x, int s, double[] lastEntrySeed) {}

  static Eval eval() {
    return Eval.of(
        "ode",
        "primal", EvalFunction.of(OdeEval::parse, in -> Ode.rungeKutta(in.x, in.s)),
        "gradient", EvalFunction.of(OdeEval::parse,
            in -> OdeAdjoint.rungeKuttaPullback(in.x, in.s, in.lastEntrySeed).x()));
  }

  private static Input parse(JsonNode json) {
    Inputs.Fields input = Inputs.object(json, "input");
    double[] x = input.vector("x", -1);
    if (x.length == 0) {
      throw new InputException("input.x: expected a non-empty list");
    }
    double[] seed = new double[x.length];
    seed[x.length - 1] = 1;
    return new Input(x, input.positiveInteger("s"), seed);
  }
}
