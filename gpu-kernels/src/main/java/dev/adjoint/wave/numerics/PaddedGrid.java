package dev.adjoint.wave.numerics;

import java.util.Arrays;

/**
 * The layout of a wavefield in memory: the physical grid, surrounded by an absorbing layer of
 * {@code nbl} points on every side, surrounded by a halo of {@code r} zeros that the stencil reads
 * but never writes.
 *
 * <p>Along x, up to {@value #ROW_MULTIPLE} - 1 spare columns sit between the right absorbing
 * layer and the halo, so that the points a kernel updates per row are a multiple of
 * {@value #ROW_MULTIPLE}: the vector kernels then need no scalar remainder (which cost about 20%
 * on the tutorial's grid). Whoever sets the coefficients must make {@code a} zero outside
 * {@link #inInterior} (the propagator does), so that they stay zero and look like halo to every
 * other point.
 *
 * <p>Arrays are flat, x fastest: {@code c = ix + X (iy + Y iz)} in 3D and {@code c = ix + X iz}
 * in 2D, where {@code X, Y, Z} are the padded sizes. Physical arrays (the model, a gradient) use
 * the same order without padding: {@code p = px + nx (py + ny pz)}, or {@code px + nx pz}.
 *
 * <p>Axis order everywhere is {@code (x, z)} in 2D and {@code (x, y, z)} in 3D, as in JUDI.
 */
public final class PaddedGrid {
  /** The multiple of the points updated per row (16 floats: one AVX-512 vector). */
  public static final int ROW_MULTIPLE = 16;

  private final int[] shape;
  private final int absorbing;
  private final int halo;
  private final int[] padded;
  private final int[] strides;
  private volatile int[] sourceIndex;
  private volatile boolean[] interior;

  /**
   * @param shape the physical grid, {@code (nx, nz)} or {@code (nx, ny, nz)}
   * @param absorbing the width {@code nbl} of the absorbing layer, in points
   * @param halo the stencil radius {@code r}
   */
  public PaddedGrid(int[] shape, int absorbing, int halo) {
    this(shape, absorbing, halo, ROW_MULTIPLE);
  }

  /** The same with rows padded to a multiple of {@code rowMultiple} points (1: not padded). */
  public PaddedGrid(int[] shape, int absorbing, int halo, int rowMultiple) {
    this.shape = shape.clone();
    this.absorbing = absorbing;
    this.halo = halo;
    this.padded = new int[shape.length];
    this.strides = new int[shape.length];
    long size = 1;
    for (int d = 0; d < shape.length; d++) {
      long updated = (long) shape[d] + 2L * absorbing;
      if (d == 0) {
        updated = (updated + rowMultiple - 1) / rowMultiple * rowMultiple;
      }
      if (updated + 2L * halo > Integer.MAX_VALUE / 2) {
        throw new IllegalArgumentException("axis " + d + ": " + shape[d] + " points and an absorbing layer of "
            + absorbing + " make a padded axis too long to index");
      }
      padded[d] = (int) (updated + 2L * halo);
      strides[d] = (int) size;
      size *= padded[d];
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("the padded grid " + Arrays.toString(padded) + " has " + size
          + " points, more than a Java array holds (2^31 - 1)");
    }
  }

  /** 2 or 3. */
  public int dimensions() {
    return shape.length;
  }

  /** The physical size along axis {@code d}. */
  public int shape(int d) {
    return shape[d];
  }

  /** The number of physical points. */
  public int physicalSize() {
    int n = 1;
    for (int s : shape) {
      n *= s;
    }
    return n;
  }

  /** The padded size along axis {@code d}: physical plus absorbing layers plus halos (plus spare columns along x). */
  public int padded(int d) {
    return padded[d];
  }

  /** The number of points of a padded array. */
  public int size() {
    return strides[shape.length - 1] * padded[shape.length - 1];
  }

  /** The distance in the flat array between neighbours along axis {@code d}. */
  public int stride(int d) {
    return strides[d];
  }

  /** The stencil radius: the width of the zero halo. */
  public int halo() {
    return halo;
  }

  /** The absorbing-layer width, in points. */
  public int absorbing() {
    return absorbing;
  }

  /** Points of the physical grid and its absorbing layers: the propagation's real work per step. */
  public long interiorSize() {
    long n = 1;
    for (int s : shape) {
      n *= s + 2 * absorbing;
    }
    return n;
  }

  /** The padded index of physical point {@code (px, [py,] pz)} shifted by the layers. */
  public int index(int... physical) {
    int c = 0;
    for (int d = 0; d < physical.length; d++) {
      c += (physical[d] + absorbing + halo) * strides[d];
    }
    return c;
  }

  /**
   * Extends a physical array to the padded grid: the absorbing layer and the halo repeat the
   * nearest physical value (the halo's values are never read as coefficients).
   */
  public float[] extend(float[] physical) {
    float[] out = new float[size()];
    int[] source = sourceIndex();
    for (int c = 0; c < out.length; c++) {
      out[c] = physical[source[c]];
    }
    return out;
  }

  /**
   * The adjoint of {@link #extend} restricted to the updated points: each physical point receives
   * the sum over the padded points outside the halo that copy it. This is the exact gradient of a
   * function of the padded model with respect to the physical one.
   */
  public float[] restrictAdjoint(float[] padded) {
    double[] sum = new double[physicalSize()];
    int[] source = sourceIndex();
    for (int c = 0; c < padded.length; c++) {
      if (inInterior(c)) {
        sum[source[c]] += padded[c];
      }
    }
    float[] out = new float[sum.length];
    for (int p = 0; p < out.length; p++) {
      out[p] = (float) sum[p];
    }
    return out;
  }

  /** Whether padded point {@code c} belongs to the physical grid or its absorbing layers (not halo, not spare). */
  public boolean inInterior(int c) {
    boolean[] mask = interior;
    if (mask == null) {
      mask = new boolean[size()];
      for (int i = 0; i < mask.length; i++) {
        mask[i] = computeInInterior(i);
      }
      interior = mask;
    }
    return mask[c];
  }

  private boolean computeInInterior(int c) {
    for (int d = 0; d < shape.length; d++) {
      int i = c / strides[d] % padded[d];
      if (i < halo || i >= halo + shape[d] + 2 * absorbing) {
        return false;
      }
    }
    return true;
  }

  /** For every padded point, the physical point whose value it repeats (clamped to the edges). */
  private int[] sourceIndex() {
    int[] cached = sourceIndex;
    if (cached == null) {
      cached = computeSourceIndex();
      sourceIndex = cached;
    }
    return cached;
  }

  private int[] computeSourceIndex() {
    int[] out = new int[size()];
    for (int c = 0; c < out.length; c++) {
      int p = 0;
      int physicalStride = 1;
      for (int d = 0; d < shape.length; d++) {
        int i = c / strides[d] % padded[d] - absorbing - halo;
        p += Math.max(0, Math.min(shape[d] - 1, i)) * physicalStride;
        physicalStride *= shape[d];
      }
      out[c] = p;
    }
    return out;
  }
}
