package dev.adjoint.runtime.tape;

/**
 * Parameters as one flat vector and back, for the dense Hessians generated code builds column by
 * column from Hessian-vector products: a scalar is one entry, an array its elements in order.
 */
public final class FlatVectors {
  private FlatVectors() {}

  /** The entries {@code from} to {@code from + length} of v, as an array. */
  public static double[] slice(double[] v, int from, int length) {
    double[] out = new double[length];
    System.arraycopy(v, from, out, 0, length);
    return out;
  }

  /** The parts (each a {@code Double} or a {@code double[]}) one after the other. */
  public static double[] join(Object... parts) {
    int n = 0;
    for (Object p : parts) {
      n += p instanceof double[] a ? a.length : 1;
    }
    double[] out = new double[n];
    int at = 0;
    for (Object p : parts) {
      if (p instanceof double[] a) {
        System.arraycopy(a, 0, out, at, a.length);
        at += a.length;
      } else {
        out[at++] = ((Number) p).doubleValue();
      }
    }
    return out;
  }
}
