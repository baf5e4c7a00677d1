package dev.adjoint.wave.cpu;

import dev.adjoint.wave.engine.Discretization;
import dev.adjoint.wave.numerics.PaddedGrid;

/**
 * How the CPU kernels walk a padded grid: rows along x (the contiguous axis), one per interior
 * {@code z} in 2D and per interior {@code (y, z)} in 3D, and the stencil coefficients per axis.
 */
final class RowLayout {
  final boolean threeD;
  final int radius;
  final int nx;
  final int strideY;
  final int strideZ;
  final int rows;
  final float centre;
  final float[] cx;
  final float[] cy;
  final float[] cz;
  private final int interiorY;

  RowLayout(Discretization d) {
    PaddedGrid g = d.grid();
    threeD = g.dimensions() == 3;
    radius = g.halo();
    nx = g.padded(0);
    strideY = threeD ? g.stride(1) : 0;
    strideZ = g.stride(g.dimensions() - 1);
    interiorY = threeD ? g.padded(1) - 2 * radius : 1;
    rows = interiorY * (g.padded(g.dimensions() - 1) - 2 * radius);
    centre = d.centre();
    cx = d.coefficients(0);
    cy = threeD ? d.coefficients(1) : new float[radius + 1];
    cz = d.coefficients(g.dimensions() - 1);
  }

  /** The flat index of the first point of interior row {@code row} (x = 0 there). */
  int rowStart(int row) {
    int y = radius + row % interiorY;
    int z = radius + row / interiorY;
    return (threeD ? y * strideY : 0) + z * strideZ;
  }
}
