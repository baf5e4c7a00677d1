package dev.adjoint.wave;

import java.util.Random;

/** Small models, shots and random vectors shared by the tests (of every package). */
public final class Fixtures {
  private Fixtures() {}

  /** A 2D two-layer model: 1.5 km/s over 2.5 km/s below row {@code nz/2}, 10 m spacing. */
  static Model twoLayers2d(int nx, int nz, int nbl) {
    float[] v = new float[nx * nz];
    for (int z = 0; z < nz; z++) {
      for (int x = 0; x < nx; x++) {
        v[x + nx * z] = z < nz / 2 ? 1.5f : 2.5f;
      }
    }
    return Model.fromVelocity(new int[] {nx, nz}, new double[] {10, 10}, new double[] {0, 0}, v)
        .withAbsorbingLayer(nbl);
  }

  /** A 3D two-layer model, 1.5 over 2.5 km/s, 10 m spacing. */
  static Model twoLayers3d(int nx, int ny, int nz, int nbl) {
    float[] v = new float[nx * ny * nz];
    for (int i = 0; i < v.length; i++) {
      v[i] = i / (nx * ny) < nz / 2 ? 1.5f : 2.5f;
    }
    return Model.fromVelocity(new int[] {nx, ny, nz}, new double[] {10, 10, 10}, new double[] {0, 0, 0}, v)
        .withAbsorbingLayer(nbl);
  }

  /** One source near the top middle (off the grid nodes) and a line of receivers below it. */
  static Geometry shot(Model model, double recordingTime) {
    int[] n = model.shape();
    double[] h = model.spacing();
    double width = (n[0] - 1) * h[0];
    if (model.dimensions() == 2) {
      return Geometry.of2d(new float[] {(float) (width / 2 + 3.3)}, new float[] {23.7f},
          Geometry.range(5, width - 5, n[0] - 3), Geometry.constant(41.2, n[0] - 3), 1.0, recordingTime);
    }
    double depth = (n[1] - 1) * h[1];
    int r = n[0] - 3;
    return Geometry.of(new float[][] {{(float) (width / 2 + 3.3)}, {(float) (depth / 2 - 2.1)}, {23.7f}},
        new float[][] {Geometry.range(5, width - 5, r), Geometry.constant(depth / 2 + 4.4, r), Geometry.constant(41.2, r)},
        1.0, recordingTime);
  }

  /** Standard normal floats. */
  public static float[] gaussian(int n, long seed) {
    Random rnd = new Random(seed);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) rnd.nextGaussian();
    }
    return out;
  }

  /** {@code sum a_i b_i} in double. */
  public static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  /** The dot-product test's relative error: {@code |<Ax, y> - <x, A'y>| / max(|<Ax, y>|, |<x, A'y>|)}. */
  static double adjointness(float[] ax, float[] y, float[] x, float[] aty) {
    double lhs = dot(ax, y);
    double rhs = dot(x, aty);
    return Math.abs(lhs - rhs) / Math.max(Math.abs(lhs), Math.abs(rhs));
  }
}
