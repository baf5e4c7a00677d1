package dev.adjoint.wave.engine;

import dev.adjoint.wave.numerics.PaddedGrid;
import dev.adjoint.wave.numerics.Stencil;

/**
 * What a propagator's kernels are built for: the padded grid, the stencil and the spacing.
 *
 * <p>The update of one time step at padded point {@code c} is
 * <pre>
 *   u+[c] = (a[c] (lap(u)[c] + s[c]) + 2 u[c] - (1 - eps[c]) u-[c]) / (1 + eps[c])
 * </pre>
 * with {@code a = dt^2 / m}, the damping factor {@code eps} (both set per model with
 * {@link Engine#setModel}), and a source density {@code s}
 * (the Born source, or zero); point sources add {@code a / (1 + eps)} times their value after the
 * update. It is the leapfrog discretisation of {@code m u_tt + eta u_t - lap u = s}.
 *
 * @param grid the padded layout
 * @param stencil the finite-difference stencil
 * @param spacing the grid spacing per axis, m
 */
public record Discretization(PaddedGrid grid, Stencil stencil, double[] spacing) {
  /** The stencil coefficients along axis {@code d}, divided by that axis' spacing squared. */
  public float[] coefficients(int d) {
    return stencil.scaled(spacing[d]);
  }

  /** The sum of the centre coefficients over the axes: the Laplacian's diagonal. */
  public float centre() {
    double sum = 0;
    for (double h : spacing) {
      sum += stencil.coefficient(0) / (h * h);
    }
    return (float) sum;
  }

  /** Bytes of one padded float field. */
  public long fieldBytes() {
    return 4L * grid.size();
  }
}
