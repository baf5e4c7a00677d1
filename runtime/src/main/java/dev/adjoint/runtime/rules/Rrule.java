package dev.adjoint.runtime.rules;

import java.util.Objects;

/**
 * The result of a stateful custom rule, as ChainRules' {@code rrule} returns it: the primal value
 * together with a pullback closure that may keep state from the forward run (a propagator's
 * wavefield, a factorization, an ODE trajectory).
 *
 * <p>A stateful rule takes exactly the primal method's parameters (the receiver first for an
 * instance method) and returns an {@code Rrule}:
 *
 * <pre>{@code
 * static double[] trajectory(double[] x0, double dt, int steps) { ... }
 *
 * @CustomRule(of = "trajectory")
 * static Rrule<double[]> trajectoryRrule(double[] x0, double dt, int steps) {
 *   double[][] states = ...;                       // the forward run, kept for the pullback
 *   return Rrule.of(states[steps], (dy, adjoints) -> {
 *     double[] x0Bar = (double[]) adjoints[0];     // may be null: then skip it
 *     ...
 *     return new double[] {dtBar};                 // adjoints of the scalar parameters
 *   });
 * }
 * }</pre>
 *
 * <p>Generated code calls the rule once in its forward sweep, keeps the {@code Rrule} on its tape,
 * and calls {@link #pullback} in its reverse sweep.
 *
 * @param <V> the primal result type ({@code Double} for a {@code double} result)
 */
public final class Rrule<V> {
  private static final double[] NONE = new double[0];

  private final V value;
  private final Pullback<V> pullback;

  private Rrule(V value, Pullback<V> pullback) {
    this.value = value;
    this.pullback = pullback;
  }

  /** A rule result: the value and the closure that differentiates it. */
  public static <V> Rrule<V> of(V value, Pullback<V> pullback) {
    return new Rrule<>(value, Objects.requireNonNull(pullback, "pullback"));
  }

  /** The primal result. */
  public V value() {
    return value;
  }

  /**
   * Runs the pullback for the output seed {@code dy}.
   *
   * @param adjointArrays one adjoint array per floating-point array parameter of the primal, in
   *     parameter order, to add into (an entry may be null when the caller does not need it)
   * @return the adjoints of the floating-point scalar parameters, in parameter order
   */
  public double[] pullback(V dy, Object... adjointArrays) {
    double[] scalars = pullback.apply(dy, adjointArrays);
    return scalars == null ? NONE : scalars;
  }

  /** The closure of a stateful rule. */
  @FunctionalInterface
  public interface Pullback<V> {
    /**
     * Adds the adjoints of the array parameters into {@code adjointArrays} (entries may be null)
     * and returns those of the scalar parameters, in parameter order (null or empty if none).
     */
    double[] apply(V dy, Object[] adjointArrays);
  }
}
