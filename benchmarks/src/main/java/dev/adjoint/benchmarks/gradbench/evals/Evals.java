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
        NestedEval.particle(), NestedEval.saddle()}) {
      evals.put(eval.name(), eval);
    }
    return evals;
  }
}
