package dev.adjoint.benchmarks.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

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
        "primal", EvalFunction.of(OdeEval::parse, (Input in) -> Ode.rungeKutta(in.x, in.s))
            .warmedUpOn(OdeEval::small),
        "gradient", EvalFunction.of(OdeEval::parse,
            (Input in) -> OdeAdjoint.rungeKuttaPullback(in.x, in.s, in.lastEntrySeed).x())
            .warmedUpOn(OdeEval::small));
  }

  /** The first 256 entries of x and at most 2 steps, for warming up. */
  static Input small(Input in) {
    double[] x = Arrays.copyOf(in.x, Math.min(in.x.length, 256));
    return new Input(x, Math.min(in.s, 2), lastEntrySeed(x.length));
  }

  private static double[] lastEntrySeed(int n) {
    double[] seed = new double[n];
    seed[n - 1] = 1;
    return seed;
  }

  private static Input parse(JsonNode json) {
    Inputs.Fields input = Inputs.object(json, "input");
    double[] x = input.vector("x", -1);
    if (x.length == 0) {
      throw new InputException("input.x: expected a non-empty list");
    }
    return new Input(x, input.positiveInteger("s"), lastEntrySeed(x.length));
  }
}
