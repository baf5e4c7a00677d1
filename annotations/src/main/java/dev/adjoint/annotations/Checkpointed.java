package dev.adjoint.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the time loop of a {@code @Differentiable} method for binomial checkpointing: its reverse
 * keeps at most {@link #snapshots} copies of the loop's state and recomputes the rest, instead of
 * recording every step (Griewank and Walther's Revolve). Java cannot annotate a statement, so it
 * goes on the loop's index, or, for a {@code while} or {@code do} loop, which has none, on the
 * local variable declared just before the loop:
 *
 * <pre>{@code
 * for (@Checkpointed(snapshots = 20) int t = 0; t < nt; t++) {
 *   ... one time step: u, next updated, swapped by reference ...
 * }
 *
 * @Checkpointed(snapshots = 20) double change = Double.MAX_VALUE;
 * while (change > tol) {
 *   ... one step, which sets change ...
 * }
 * }</pre>
 *
 * <p>The gradient is the same, bit for bit; the memory the reverse sweep keeps for the loop is
 * {@code snapshots} copies of its state instead of every step's records. A counted loop with fixed
 * bounds runs Revolve's optimum again ({@code Revolve.minimalAdvances(trips, snapshots)}); a loop
 * whose trip count is known only at its end (a while loop, a break) saves states as it runs with
 * the online schedule ({@code OnlineRevolve}). The loop must be a statement of the method body (not
 * inside another loop or branch), not return, have a condition that changes nothing, and write
 * only state it names: scalars and arrays declared outside it.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.LOCAL_VARIABLE)
public @interface Checkpointed {
  /** The states the reverse may keep at once (the loop's entry state included), at least 1. */
  int snapshots();
}
