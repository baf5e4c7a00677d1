package dev.adjoint.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose reverse-mode adjoint Adjoint generates at compile time.
 *
 * <p>For {@code class C { @Differentiable static double f(double a, double[] b, int n) }} the
 * processor writes {@code CAdjoint} with {@code fGradient}, {@code fPullback} and the low-level
 * {@code fPullbackInto} (reverse mode), and {@code fTangent} and {@code fPushforwardInto} (forward
 * mode); a later round writes {@code CAdjointAdjoint} with the Hessian-vector product
 * {@code fHvp} and the dense {@code fHessian}. Floating-point parameters ({@code double}, {@code float} and their one-
 * and two-dimensional arrays) are differentiable; integral and boolean ones never are.
 *
 * <p>Retention is {@code CLASS} so that methods compiled earlier, in another compilation unit,
 * can still be recognised as differentiable.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Differentiable {
  /**
   * The parameters to differentiate with respect to, by name, or by position as {@code "#k"}
   * (0-based, which a class file compiled without parameter names still resolves). Empty (the
   * default) means every floating-point parameter.
   */
  String[] wrt() default {};

  /**
   * Requires the forward mode. Without it a method that cannot have a tangent (it calls a custom
   * rule, which has no pushforward form yet, or one such method; or it is differentiated with
   * respect to {@code "this"}) simply gets none; with it, that is a compile error saying why.
   */
  boolean tangent() default false;
}
