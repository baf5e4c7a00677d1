package dev.adjoint.examples.wave;

/** Box smoothing of a 2D grid, for starting models and background velocities. */
final class Smoothing {
  private Smoothing() {}

  /** The mean over a {@code (2r+1) x (2r+1)} window (clamped at the edges) of {@code a[x + nx z]}. */
  static float[] box(float[] a, int nx, int nz, int r) {
    float[] out = new float[a.length];
    for (int z = 0; z < nz; z++) {
      for (int x = 0; x < nx; x++) {
        double s = 0;
        for (int dz = -r; dz <= r; dz++) {
          for (int dx = -r; dx <= r; dx++) {
            s += a[Math.max(0, Math.min(nx - 1, x + dx)) + nx * Math.max(0, Math.min(nz - 1, z + dz))];
          }
        }
        out[x + nx * z] = (float) (s / ((2 * r + 1) * (2 * r + 1)));
      }
    }
    return out;
  }
}
