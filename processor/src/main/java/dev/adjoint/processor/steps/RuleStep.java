package dev.adjoint.processor.steps;

import dev.adjoint.processor.diagnostics.Diagnostics;
import dev.adjoint.processor.read.Annotations;
import dev.adjoint.processor.read.RuleIndex;
import dev.adjoint.processor.rules.RuleChecker;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.ElementFilter;

/** Registers the round's {@code @CustomRule} methods, then checks each against its target. */
public final class RuleStep {
  private final ProcessingEnvironment env;
  private final RuleIndex rules;
  private final Diagnostics diagnostics;
  private final Guard guard;

  public RuleStep(ProcessingEnvironment env, RuleIndex rules, Diagnostics diagnostics, Guard guard) {
    this.env = env;
    this.rules = rules;
    this.diagnostics = diagnostics;
    this.guard = guard;
  }

  public void process(RoundEnvironment round) {
    List<ExecutableElement> ruleMethods = ElementFilter.methodsIn(
        round.getElementsAnnotatedWith(env.getElementUtils().getTypeElement(Annotations.CUSTOM_RULE))).stream().toList();
    // all first: a rule may be checked against a target whose other rules come later in the round
    ruleMethods.forEach(rules::add);
    RuleChecker checker = new RuleChecker(rules, diagnostics, env.getTypeUtils());
    for (ExecutableElement rule : ruleMethods) {
      guard.run(rule, () -> checker.check(rule));
    }
  }
}
