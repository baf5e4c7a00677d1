package dev.adjoint.processor.rules;

import dev.adjoint.processor.diagnostics.Diagnostics;
import dev.adjoint.processor.diagnostics.Message;
import dev.adjoint.processor.read.PullbackSignature;
import dev.adjoint.processor.read.RuleIndex;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Checks a {@code @CustomRule} against the method it differentiates: the target must exist (an
 * overloaded one is picked by the rule's own parameters, or by {@code params}), and the rule's
 * signature must be exactly the pullback ABI for that method. A wrong rule is an error on the
 * rule, with the signature it should have.
 */
public final class RuleChecker {
  private final RuleIndex rules;
  private final Diagnostics diagnostics;
  private final PullbackSignature signature;
  private final Types types;

  public RuleChecker(RuleIndex rules, Diagnostics diagnostics, Types types) {
    this.rules = rules;
    this.diagnostics = diagnostics;
    this.signature = new PullbackSignature(types);
    this.types = types;
  }

  public void check(ExecutableElement pullback) {
    RuleIndex.Rule rule = rules.describe(pullback);
    if (rule == null) {
      return;
    }
    String target = rule.targetClass().getSimpleName() + "." + rule.of();
    if (rule.candidates().isEmpty()) {
      diagnostics.report(Message.BAD_RULE, pullback, "@CustomRule(of = \"" + rule.of() + "\") names no method of "
          + rule.targetClass().getQualifiedName() + "; check the name, or set target = TheClass.class");
      return;
    }
    if (rule.primal() == null) {
      reportUnresolved(pullback, rule, target);
      return;
    }
    ExecutableElement primal = rule.primal();
    if (!pullback.getModifiers().contains(Modifier.STATIC)) {
      diagnostics.report(Message.BAD_RULE, pullback, "a @CustomRule must be static; expected " + signature.pullbackSource(primal));
      return;
    }
    if (rule.pushforward()) {
      checkPushforward(pullback, primal, target);
    } else if (rule.stateful()) {
      checkStateful(pullback, primal, target);
    } else if (!signature.fits(pullback, false, primal)) {
      diagnostics.report(Message.BAD_RULE, pullback, "the pullback of " + target + " must have the signature "
          + signature.pullbackSource(primal) + " (primal arguments, then the seed dy, then one adjoint array per"
          + " floating-point array parameter; it returns the adjoint of the scalar floating-point parameter, a"
          + " double[] of them when there are several, or void when there are none)");
    }
  }

  /**
   * The pushforward form takes the primal's arguments and then one tangent per floating-point
   * parameter, and returns the result's tangent; it comes with a pullback rule for the same method,
   * so that the reverse mode never differentiates a body its author chose to replace.
   */
  private void checkPushforward(ExecutableElement rule, ExecutableElement primal, String target) {
    if (!signature.fitsPushforward(rule, primal)) {
      diagnostics.report(Message.BAD_RULE, rule, "the pushforward of " + target + " must have the signature "
          + signature.pushforwardSource(primal) + " (primal arguments, then one tangent per floating-point"
          + " parameter, of its type; it returns the tangent of a floating-point result, else void)");
    } else if (rules.ruleFor(primal).isEmpty()) {
      diagnostics.report(Message.BAD_RULE, rule, target + " has a pushforward rule but no pullback rule; add "
          + "@CustomRule(of = \"" + primal.getSimpleName() + "\") " + signature.pullbackSource(primal)
          + ", so that the reverse mode has its derivative too");
    }
  }

  /** An overloaded target that neither params nor the rule's parameters pick one overload of. */
  private void reportUnresolved(ExecutableElement pullback, RuleIndex.Rule rule, String target) {
    List<String> overloads = new ArrayList<>();
    for (ExecutableElement m : rule.candidates()) {
      overloads.add(rule.of() + "(" + String.join(", ", signature.statefulParameters(m).stream()
          .skip(m.getModifiers().contains(Modifier.STATIC) ? 0 : 1).map(PullbackSignature::simple).toList())
          + ") takes " + (rule.stateful() ? "a stateful rule of its own parameters"
              : rule.pushforward() ? signature.pushforwardSource(m) : signature.pullbackSource(m)));
    }
    String why = rule.params().isEmpty() ? "this rule's parameters fit none of its overloads, or several"
        : "params = {" + String.join(", ", rule.params().stream().map(t -> PullbackSignature.simple(t) + ".class").toList())
            + "} names none of its overloads";
    diagnostics.report(Message.BAD_RULE, pullback, target + " is overloaded and " + why + ": " + String.join("; ", overloads)
        + ". Give the rule the signature of one, or name it with @CustomRule(of = \"" + rule.of()
        + "\", params = {...}), its parameter types in order");
  }

  /** The stateful form takes exactly the primal's parameters (receiver first) and returns an Rrule. */
  private void checkStateful(ExecutableElement rule, ExecutableElement primal, String target) {
    if (signature.fits(rule, true, primal)) {
      return;
    }
    List<TypeMirror> want = signature.statefulParameters(primal);
    List<? extends VariableElement> got = rule.getParameters();
    List<String> params = new ArrayList<>();
    for (int i = 0; i < want.size(); i++) {
      params.add(PullbackSignature.simple(want.get(i)) + " " + (i < got.size() ? got.get(i).getSimpleName() : "p" + i));
    }
    TypeMirror value = primal.getReturnType();
    String boxed = PullbackSignature.simple(value.getKind().isPrimitive()
        ? types.boxedClass((javax.lang.model.type.PrimitiveType) value).asType() : value);
    diagnostics.report(Message.BAD_RULE, rule, "the stateful rule of " + target + " must have the signature static Rrule<"
        + boxed + "> " + rule.getSimpleName() + "(" + String.join(", ", params)
        + "): the primal's parameters, returning the value and its pullback");
  }
}
