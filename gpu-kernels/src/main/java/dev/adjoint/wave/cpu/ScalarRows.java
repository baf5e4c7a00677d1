package dev.adjoint.wave.cpu;

/**
 * The plain-Java stencil: the fallback where the Vector API module is not available, and the
 * tail of each row of {@link VectorRows}.
 */
final class ScalarRows implements RowKernel {
  private final RowLayout layout;

  ScalarRows(RowLayout layout) {
    this.layout = layout;
  }

  @Override
  public void rows(Step s, int from, int to) {
    for (int row = from; row < to; row++) {
      int start = layout.rowStart(row);
      points(s, start + layout.radius, start + layout.nx - layout.radius);
    }
  }

  @Override
  public String description() {
    return "scalar loops";
  }

  /** Updates the points {@code [from, to)} of one row. */
  void points(Step s, int from, int to) {
    RowLayout l = layout;
    float[] u = s.current();
    for (int c = from; c < to; c++) {
      float lap = l.centre * u[c];
      for (int k = 1; k <= l.radius; k++) {
        lap += l.cx[k] * (u[c - k] + u[c + k]) + l.cz[k] * (u[c - k * l.strideZ] + u[c + k * l.strideZ]);
        if (l.threeD) {
          lap += l.cy[k] * (u[c - k * l.strideY] + u[c + k * l.strideY]);
        }
      }
      if (s.source() != null) {
        lap += s.sourceWeight()[c] * s.source()[s.sourceOffset() + c];
      }
      float uc = u[c];
      float prev = s.older()[c];
      float e = s.damping()[c];
      float next = (s.a()[c] * lap + 2 * uc - (1 - e) * prev) / (1 + e);
      if (s.snapshot() != null) {
        s.gradient()[c] += s.imagingWeight() * s.snapshot()[s.snapshotOffset() + c] * uc;
      }
      if (s.secondDifference() != null) {
        s.secondDifference()[s.differenceOffset() + c] = next - 2 * uc + prev;
      }
      s.older()[c] = next;
    }
  }
}
