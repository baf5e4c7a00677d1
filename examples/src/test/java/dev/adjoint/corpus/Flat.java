package dev.adjoint.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Flattens differentiable arguments and gradient components into one vector, in parameter
 * order, and reads them back out, so that every corpus function can be checked by the
 * vector-valued {@link dev.adjoint.runtime.check.GradCheck}.
 */
final class Flat {
  private Flat() {}

  /** Concatenates doubles, floats and their one- and two-dimensional arrays, row by row. */
  static double[] of(Object... parts) {
    List<Double> out = new ArrayList<>();
    for (Object p : parts) {
      append(out, p);
    }
    double[] v = new double[out.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = out.get(i);
    }
    return v;
  }

  /** As {@link #of}, narrowed to float (for the single-precision checks). */
  static float[] floats(Object... parts) {
    double[] d = of(parts);
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  private static void append(List<Double> out, Object p) {
    if (p instanceof Double) {
      out.add((Double) p);
    } else if (p instanceof Float) {
      out.add((double) (Float) p);
    } else if (p instanceof double[]) {
      for (double x : (double[]) p) {
        out.add(x);
      }
    } else if (p instanceof float[]) {
      for (float x : (float[]) p) {
        out.add((double) x);
      }
    } else if (p instanceof double[][]) {
      for (double[] row : (double[][]) p) {
        append(out, row);
      }
    } else if (p instanceof float[][]) {
      for (float[] row : (float[][]) p) {
        append(out, row);
      }
    } else {
      throw new IllegalArgumentException("not a differentiable value: " + p);
    }
  }

  static Reader read(double[] v) {
    return new Reader(v);
  }

  static FloatReader read(float[] v) {
    return new FloatReader(v);
  }

  /** Reads fresh arrays off a flat vector, front to back. */
  static final class Reader {
    private final double[] v;
    private int at;

    private Reader(double[] v) {
      this.v = v;
    }

    double scalar() {
      return v[at++];
    }

    double[] vec(int n) {
      double[] a = new double[n];
      System.arraycopy(v, at, a, 0, n);
      at += n;
      return a;
    }

    double[][] mat(int rows, int cols) {
      double[][] m = new double[rows][];
      for (int i = 0; i < rows; i++) {
        m[i] = vec(cols);
      }
      return m;
    }

    /** A matrix with the (possibly ragged) shape of {@code shape}. */
    double[][] like(double[][] shape) {
      double[][] m = new double[shape.length][];
      for (int i = 0; i < shape.length; i++) {
        m[i] = vec(shape[i].length);
      }
      return m;
    }
  }

  /** Reads fresh float arrays off a flat float vector, front to back. */
  static final class FloatReader {
    private final float[] v;
    private int at;

    private FloatReader(float[] v) {
      this.v = v;
    }

    float scalar() {
      return v[at++];
    }

    float[] vec(int n) {
      float[] a = new float[n];
      System.arraycopy(v, at, a, 0, n);
      at += n;
      return a;
    }

    float[][] mat(int rows, int cols) {
      float[][] m = new float[rows][];
      for (int i = 0; i < rows; i++) {
        m[i] = vec(cols);
      }
      return m;
    }
  }
}
