package dev.adjoint.wave.numerics;

/**
 * The absorbing layer: a damping term {@code eta du/dt} added to the wave equation in the
 * {@code nbl} points next to each edge, zero inside the physical grid. The kernels use it as the
 * factor {@code eps = eta dt / (2 m)}.
 *
 * <p>The profile is Devito's: at depth {@code pos} into a layer (1 at the outer edge, {@code 1/nbl}
 * next to the physical grid), {@code eta = a (pos - sin(2 pi pos) / (2 pi)) / h} with
 * {@code a = 1.5 ln(1000) / nbl}, summed over the axes. It starts with zero slope and curvature,
 * so the onset of the layer itself reflects little.
 */
public final class Damping {
  private Damping() {}

  /** The damping coefficient {@code eta} (1/m) of each padded point. */
  public static float[] profile(PaddedGrid grid, double[] spacing) {
    int nbl = grid.absorbing();
    float[] eta = new float[grid.size()];
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
      eta[c] = (float) sum;
    }
    return eta;
  }
}
