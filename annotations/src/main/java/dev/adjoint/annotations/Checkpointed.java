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
 * goes on the loop's index:
 *
 * <pre>{@code
 * for (@Checkpointed(snapshots = 20) int t = 0; t < nt; t++) {
 *   ... one time step: u, next updated, swapped by reference ...
 * }
 * }</pre>
 *
 * <p>The gradient is the same, bit for bit; the memory the reverse sweep keeps for the loop is
 * {@code snapshots} copies of its state instead of every step's records, and the forward steps run
 * again are Revolve's optimum ({@code Revolve.minimalAdvances(trips, snapshots)}). The loop must
 * be a statement of the method body (not inside another loop or branch), count by one between
 * bounds it does not change, not leave early, and write only state it names: scalars and arrays
 * declared outside it, through their own names.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.LOCAL_VARIABLE)
public @interface Checkpointed {
  /** The states the reverse may keep at once (the loop's entry state included), at least 1. */
  int snapshots();
}
