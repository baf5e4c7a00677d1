package dev.adjoint.benchmarks.gradbench.evals;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every eval this tool knows, by name. */
public final class Evals {
  private Evals() {}

  public static Map<String, Eval> all() {
    Map<String, Eval> evals = new LinkedHashMap<>();
    for (Eval eval : new Eval[] {
        HelloEval.eval(), GmmEval.eval(), BaEval.eval(), LstmEval.eval(), HtEval.eval(),
        LseEval.eval(), LlsqEval.eval(), DetEval.eval(), KmeansEval.eval(), OdeEval.eval(),
        Eval.unsupported("particle", nestedDerivatives("particle")),
        Eval.unsupported("saddle", nestedDerivatives("saddle"))}) {
      evals.put(eval.name(), eval);
    }
    return evals;
  }

  private static String nestedDerivatives(String name) {
    return name + " differentiates code that itself computes a gradient; Adjoint has no nested"
        + " (forward-over-reverse or reverse-over-reverse) derivatives yet";
  }
}
