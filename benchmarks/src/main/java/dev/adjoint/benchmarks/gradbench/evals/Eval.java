package dev.adjoint.benchmarks.gradbench.evals;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A GradBench eval (a "module" in the protocol): its functions by name, in the order the eval
 * sends them (primal first), or the reason this tool cannot define it.
 */
public record Eval(String name, Map<String, EvalFunction<?, ?>> functions, String unsupportedReason) {

  /** An eval with a primal function and its derivative, which is every eval this tool defines. */
  public static Eval of(
      String name,
      String primal,
      EvalFunction<?, ?> primalFunction,
      String derivative,
      EvalFunction<?, ?> derivativeFunction) {
    Map<String, EvalFunction<?, ?>> functions = new LinkedHashMap<>();
    functions.put(primal, primalFunction);
    functions.put(derivative, derivativeFunction);
    return new Eval(name, Collections.unmodifiableMap(functions), null);
  }

  /** An eval with the given functions, in the order the eval sends them. */
  public static Eval of(String name, Map<String, EvalFunction<?, ?>> functions) {
    return new Eval(name, Collections.unmodifiableMap(new LinkedHashMap<>(functions)), null);
  }

  public static Eval unsupported(String name, String reason) {
    return new Eval(name, Map.of(), reason);
  }

  public boolean supported() {
    return unsupportedReason == null;
  }
}
