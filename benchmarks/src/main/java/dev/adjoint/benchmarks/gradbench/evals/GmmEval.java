package dev.adjoint.benchmarks.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;

/**
 * Protocol glue for {@link Gmm}: input {@code {d, k, n, m, gamma, x: [n][d], alpha: [k],
 * mu: [k][d], q: [k][d], l: [k][d(d-1)/2]}}; the jacobian is {@code {alpha, mu, q, l}}.
 */
public final class GmmEval {
  private GmmEval() {}

  /** The parsed input. */
  public record Input(
      double[] alpha, double[][] mu, double[][] q, double[][] l, double[][] x, double gamma, int m) {}

  static Eval eval() {
    return Eval.of(
        "gmm",
        "objective", EvalFunction.of(GmmEval::parse, GmmEval::objective).warmedUpOn(GmmEval::fewPoints),
        "jacobian", EvalFunction.of(GmmEval::parse, GmmEval::jacobian, GmmEval::render)
            .warmedUpOn(GmmEval::fewPoints));
  }

  /** The same mixture with at most 8 of the points, for warming up. */
  static Input fewPoints(Input in) {
    return new Input(in.alpha, in.mu, in.q, in.l, Arrays.copyOf(in.x, Math.min(in.x.length, 8)), in.gamma, in.m);
  }

  public static double objective(Input in) {
    return Gmm.objective(in.alpha, in.mu, in.q, in.l, in.x, in.gamma, in.m);
  }

  public static GmmAdjoint.ObjectiveGradient jacobian(Input in) {
    return GmmAdjoint.objectiveGradient(in.alpha, in.mu, in.q, in.l, in.x, in.gamma, in.m);
  }

  private static Map<String, Object> render(GmmAdjoint.ObjectiveGradient g) {
    return Map.of("alpha", g.alpha(), "mu", g.mu(), "q", g.q(), "l", g.l());
  }

  public static Input parse(JsonNode json) {
    Inputs.Fields input = Inputs.object(json, "input");
    int d = input.positiveInteger("d");
    int k = input.positiveInteger("k");
    int n = input.positiveInteger("n");
    int m = input.integer("m");
    if (m < 0) {
      throw new InputException("input.m: expected a non-negative integer, got " + m);
    }
    return new Input(
        input.vector("alpha", k),
        input.matrix("mu", k, d),
        input.matrix("q", k, d),
        input.matrix("l", k, d * (d - 1) / 2),
        input.matrix("x", n, d),
        input.number("gamma"),
        m);
  }
}
