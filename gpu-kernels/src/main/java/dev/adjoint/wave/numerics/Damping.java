package dev.adjoint.wave.numerics;

/**
 * The absorbing layer: a damping term {@code eta du/dt} added to the wave equation in the
 * {@code nbl} points next to each edge, zero inside the physical grid.
 *
 * <p>The profile is Devito's: at depth {@code pos} into a layer (1 at the outer edge, {@code 1/nbl}
 * next to the physical grid), {@code eta = a (pos - sin(2 pi pos) / (2 pi)) / h} with
 * {@code a = 1.5 ln(1000) / nbl}, summed over the axes. It starts with zero slope and curvature,
 * so the onset of the layer itself reflects little.
 */
public final class Damping {
  private Damping() {}

  /**
   * The dimensionless damping factor of each padded point for time step {@code dt}:
   * {@code eps = eta dt / (2 m)}, the weight of the centred {@code du/dt} term against
   * {@code m d2u/dt2} in the leapfrog update.
   *
   * @param slowness the padded slowness squared {@code m}
   */
  public static float[] factors(PaddedGrid grid, double[] spacing, float[] slowness, double dt) {
    double[] eta = profile(grid, spacing);
    float[] eps = new float[eta.length];
    for (int c = 0; c < eps.length; c++) {
      eps[c] = (float) (eta[c] * dt / (2 * slowness[c]));
    }
    return eps;
  }

  /** The damping coefficient {@code eta} (1/m) of each padded point. */
  public static double[] profile(PaddedGrid grid, double[] spacing) {
    int nbl = grid.absorbing();
    double[] eta = new double[grid.size()];
    if (nbl == 0) {
      return eta;
    }
    double amplitude = 1.5 * Math.log(1000.0) / nbl;
    for (int c = 0; c < eta.length; c++) {
      double sum = 0;
      for (int d = 0; d < grid.dimensions(); d++) {
        int i = c / grid.stride(d) % grid.padded(d) - grid.halo();
        int depth = Math.max(nbl - i, i - (grid.shape(d) + nbl - 1)); // points into a layer
        if (depth > 0) {
          double pos = Math.min(depth, nbl) / (double) nbl;
          sum += amplitude * (pos - Math.sin(2 * Math.PI * pos) / (2 * Math.PI)) / spacing[d];
        }
      }
      eta[c] = sum;
    }
    return eta;
  }
}
