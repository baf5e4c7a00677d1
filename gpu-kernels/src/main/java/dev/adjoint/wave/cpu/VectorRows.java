package dev.adjoint.wave.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The stencil with the Vector API ({@code jdk.incubator.vector}): each row is updated
 * {@code lanes} points at a time (16 floats with AVX-512), the remainder by {@link ScalarRows}.
 * Only loaded when the JVM has the module ({@code --add-modules jdk.incubator.vector}).
 */
final class VectorRows implements RowKernel {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  private final RowLayout layout;
  private final ScalarRows tail;

  VectorRows(RowLayout layout) {
    this.layout = layout;
    this.tail = new ScalarRows(layout);
  }

  @Override
  public String description() {
    return "Vector API, " + SPECIES.length() + " float lanes";
  }

  @Override
  public void rows(Step s, int from, int to) {
    RowLayout l = layout;
    int lanes = SPECIES.length();
    for (int row = from; row < to; row++) {
      int start = l.rowStart(row);
      int end = start + l.nx - l.radius;
      int c = start + l.radius;
      for (; c + lanes <= end; c += lanes) {
        vector(s, c);
      }
      tail.points(s, c, end);
    }
  }

  private void vector(Step s, int c) {
    RowLayout l = layout;
    float[] u = s.current();
    FloatVector uc = FloatVector.fromArray(SPECIES, u, c);
    FloatVector lap = l.threeD ? laplacian3(u, c, uc) : laplacian2(u, c, uc);
    if (s.source() != null) {
      lap = FloatVector.fromArray(SPECIES, s.sourceWeight(), c)
          .fma(FloatVector.fromArray(SPECIES, s.source(), s.sourceOffset() + c), lap);
    }
    FloatVector prev = FloatVector.fromArray(SPECIES, s.older(), c);
    FloatVector e = FloatVector.fromArray(SPECIES, s.damping(), c);
    FloatVector next = FloatVector.fromArray(SPECIES, s.a(), c).fma(lap, uc.add(uc))
        .sub(e.neg().add(1f).mul(prev))
        .div(e.add(1f));
    if (s.snapshot() != null) {
      FloatVector g = FloatVector.fromArray(SPECIES, s.gradient(), c);
      FloatVector.fromArray(SPECIES, s.snapshot(), s.snapshotOffset() + c).mul(s.imagingWeight()).fma(uc, g).intoArray(s.gradient(), c);
    }
    if (s.secondDifference() != null) {
      next.sub(uc.add(uc)).add(prev).intoArray(s.secondDifference(), s.differenceOffset() + c);
    }
    next.intoArray(s.older(), c);
  }

  private FloatVector laplacian2(float[] u, int c, FloatVector uc) {
    RowLayout l = layout;
    FloatVector lap = uc.mul(l.centre);
    for (int k = 1; k <= l.radius; k++) {
      int z = k * l.strideZ;
      lap = pair(u, c, k).fma(FloatVector.broadcast(SPECIES, l.cx[k]), lap);
      lap = pair(u, c, z).fma(FloatVector.broadcast(SPECIES, l.cz[k]), lap);
    }
    return lap;
  }

  private FloatVector laplacian3(float[] u, int c, FloatVector uc) {
    RowLayout l = layout;
    FloatVector lap = uc.mul(l.centre);
    for (int k = 1; k <= l.radius; k++) {
      lap = pair(u, c, k).fma(FloatVector.broadcast(SPECIES, l.cx[k]), lap);
      lap = pair(u, c, k * l.strideY).fma(FloatVector.broadcast(SPECIES, l.cy[k]), lap);
      lap = pair(u, c, k * l.strideZ).fma(FloatVector.broadcast(SPECIES, l.cz[k]), lap);
    }
    return lap;
  }

  /** {@code u[c - offset] + u[c + offset]}, lane by lane. */
  private static FloatVector pair(float[] u, int c, int offset) {
    return FloatVector.fromArray(SPECIES, u, c - offset).add(FloatVector.fromArray(SPECIES, u, c + offset));
  }
}
