package dev.adjoint.processor.analyze;

import dev.adjoint.processor.ir.CallTarget;
import java.util.List;

/**
 * What to tell a user whose differentiable method calls a method of a generated adjoint class that
 * cannot be differentiated: which of the generated methods can be (nested derivatives), and the
 * depth limit.
 */
final class GeneratedCallees {
  private static final List<String> SUFFIXES = List.of("Gradient", "Pullback", "PullbackInto", "Tangent", "Pushforward",
      "PushforwardInto", "Hvp", "Hessian", "Jacobian");

  private GeneratedCallees() {}

  /** Whether the callee looks like a method of a class Adjoint generated. */
  static boolean isGenerated(CallTarget target) {
    return target.owner().endsWith("Adjoint") && SUFFIXES.stream().anyMatch(target.name()::endsWith);
  }

  static String fix(CallTarget target) {
    String name = target.name();
    if (target.owner().endsWith("AdjointAdjoint")) {
      return name + " is a second-order method: Adjoint differentiates derivatives once (nesting depth 2), so"
          + " differentiable code may call first-order generated methods only";
    }
    return "Of a generated class, differentiable code may call fPushforwardInto (a tangent) and fPullbackInto of a"
        + " method with a scalar result, a tangent and only double parameters to differentiate (a gradient; its"
        + " rules come with the method's second-order class); call one of those instead of " + name;
  }
}
