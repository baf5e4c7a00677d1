package dev.adjoint.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a hand-written pullback that generated adjoints use instead of differentiating the body
 * of the method it is the rule {@link #of}, like an {@code rrule} of Julia's ChainRules.
 *
 * <p>Pullback form: a static method that takes the primal arguments followed by the output seed
 * {@code dy}, then one adjoint array for each differentiable array parameter (which it adds
 * into), and returns the adjoint of the scalar differentiable parameter (a {@code double[]} of
 * them, in parameter order, when there are several; {@code void} when there are none).
 *
 * <pre>{@code
 * static double mycos(double x) { return Math.cos(x) + 1; }
 * @CustomRule(of = "mycos") static double mycosPullback(double x, double dy) { return -Math.sin(x) * dy; }
 * }</pre>
 *
 * <p>Pushforward form ({@code form = Form.PUSHFORWARD}, ChainRules' {@code frule}), used by the
 * generated tangents (forward mode): a static method that takes the primal arguments followed by
 * one tangent for each floating-point parameter, of that parameter's type, and returns the tangent
 * of the result ({@code void} for a {@code void} method). A tangent array of an array the method
 * writes into is updated in place. The generated code calls it just before the primal call, on the
 * same arguments. A method with a pushforward rule must have a pullback rule too.
 *
 * <pre>{@code
 * @CustomRule(of = "mycos", form = CustomRule.Form.PUSHFORWARD)
 * static double mycosPushforward(double x, double xDot) { return -Math.sin(x) * xDot; }
 * }</pre>
 *
 * <p>For an overloaded method (a library's {@code erf(double)} and {@code erf(double[])}), each
 * rule differentiates the overload whose pullback signature it has; {@link #params} names the
 * overload where that is not enough.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CustomRule {
  /** The name of the method this rule differentiates. */
  String of();

  /** The class that declares that method; {@code void.class} (the default) means this class. */
  Class<?> target() default void.class;

  /**
   * The parameter types of the method this rule differentiates, in order. Needed only where
   * {@link #of} names an overloaded method and the rule's own signature does not pick one
   * overload; by default the overload whose rule signature this rule has is the one it
   * differentiates.
   */
  Class<?>[] params() default {};

  /** Which derivative the rule gives: its pullback (the default) or its pushforward. */
  Form form() default Form.PULLBACK;

  /** The two forms of a rule. */
  enum Form {
    /** Reverse mode: output seed in, adjoints of the arguments out ({@code rrule}). */
    PULLBACK,
    /** Forward mode: tangents of the arguments in, tangent of the result out ({@code frule}). */
    PUSHFORWARD
  }
}
