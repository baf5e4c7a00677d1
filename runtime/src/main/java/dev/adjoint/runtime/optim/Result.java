package dev.adjoint.runtime.optim;

import java.util.Locale;

/**
 * What an optimizer found, and what it cost.
 *
 * @param method the algorithm's name
 * @param status why it stopped
 * @param minimizer the final point (a fresh array)
 * @param objective the objective there
 * @param initialObjective the objective at the starting point
 * @param gradientNorm the infinity norm of the gradient at the final point
 * @param gradientTolerance the tolerance it was run with
 * @param iterations the number of iterations taken
 * @param fCalls objective values requested, including those that came with a gradient
 * @param gCalls gradients requested
 * @param seconds wall-clock time of the run
 */
public record Result(
    String method,
    Status status,
    double[] minimizer,
    double objective,
    double initialObjective,
    double gradientNorm,
    double gradientTolerance,
    int iterations,
    int fCalls,
    int gCalls,
    double seconds) {

  /** How many coordinates of the minimizer {@link #summary()} shows. */
  private static final int SHOWN = 4;

  /** Whether the gradient tolerance was met. */
  public boolean converged() {
    return status == Status.CONVERGED;
  }

  /** A multi-line report in the manner of Optim.jl's. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(" * Status: ").append(converged() ? "success" : "failure")
        .append(" (").append(status).append(")\n");
    sb.append(" * Algorithm: ").append(method).append('\n');
    sb.append(" * Candidate solution\n");
    sb.append(String.format(Locale.ROOT, "    Final objective value:     %e%n", objective));
    sb.append(String.format(Locale.ROOT, "    Initial objective value:   %e%n", initialObjective));
    sb.append("    Minimizer:                 ").append(preview()).append('\n');
    sb.append(" * Convergence measures\n");
    sb.append(String.format(Locale.ROOT, "    |g(x)|inf = %.2e %s %.1e%n", gradientNorm,
        gradientNorm <= gradientTolerance ? "<=" : ">", gradientTolerance));
    sb.append(" * Work counters\n");
    sb.append(String.format(Locale.ROOT, "    Seconds run:   %.3f%n", seconds));
    sb.append(String.format(Locale.ROOT, "    Iterations:    %d%n", iterations));
    sb.append(String.format(Locale.ROOT, "    f(x) calls:    %d%n", fCalls));
    sb.append(String.format(Locale.ROOT, "    grad f(x) calls: %d", gCalls));
    return sb.toString();
  }

  private String preview() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < Math.min(SHOWN, minimizer.length); i++) {
      sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.6g", minimizer[i]));
    }
    if (minimizer.length > SHOWN) {
      sb.append(", ... (").append(minimizer.length).append(" in all)");
    }
    return sb.append(']').toString();
  }

  @Override
  public String toString() {
    return summary();
  }
}
