package dev.adjoint.benchmarks.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Protocol glue for the two evals of nested derivatives, whose four functions ff, fr, rf and rr
 * name the modes of the outer and the inner derivative and all return the same result:
 * {@link Particle} (input {@code {w}}, output the final w) and {@link Saddle} (input
 * {@code {start: [2]}}, output the point x then the point y).
 */
final class NestedEval {
  /** The functions, in the order GradBench sends them. */
  static final List<String> MODES = List.of("rr", "ff", "fr", "rf");

  private NestedEval() {}

  static Eval particle() {
    Map<String, EvalFunction<?, ?>> functions = new LinkedHashMap<>();
    for (String modes : MODES) {
      functions.put(modes, EvalFunction.of(json -> Inputs.object(json, "input").number("w"),
          (Double w0) -> Particle.solve(modes, w0)));
    }
    return Eval.of("particle", functions);
  }

  static Eval saddle() {
    Map<String, EvalFunction<?, ?>> functions = new LinkedHashMap<>();
    for (String modes : MODES) {
      functions.put(modes, EvalFunction.of(NestedEval::start, (double[] start) -> Saddle.solve(modes, start)));
    }
    return Eval.of("saddle", functions);
  }

  private static double[] start(JsonNode json) {
    return Inputs.object(json, "input").vector("start", 2);
  }
}
