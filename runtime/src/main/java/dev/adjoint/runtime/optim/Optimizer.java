package dev.adjoint.runtime.optim;

/**
 * An unconstrained minimiser of a differentiable {@link Objective}: {@link GradientDescent},
 * {@link ConjugateGradient} or {@link Lbfgs}. Optimizers hold only their settings, so one
 * instance may run many minimisations, also concurrently.
 */
public interface Optimizer {
  /** Minimises {@code objective} from {@code x0}, which is left unchanged. */
  Result minimize(Objective objective, double[] x0, Options options);

  /** Minimises with {@link Options#defaults()}. */
  default Result minimize(Objective objective, double[] x0) {
    return minimize(objective, x0, Options.defaults());
  }
}
