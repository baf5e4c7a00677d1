package dev.adjoint.runtime.params;

import java.util.Objects;

/**
 * Packs model parameters (scalars, and one- or two-dimensional arrays of {@code double} or {@code
 * float}) into one {@code double[]} and back, in the order given, two-dimensional arrays row by
 * row. Generated {@code Params} records call these; user code rarely needs them directly.
 */
public final class FlatParams {
  private FlatParams() {}

  /** The number of scalars in parts: a scalar counts one, an array its elements. */
  public static int size(Object... parts) {
    int n = 0;
    for (Object p : parts) {
      if (p instanceof Double || p instanceof Float) {
        n++;
      } else if (p instanceof double[] a) {
        n += a.length;
      } else if (p instanceof float[] a) {
        n += a.length;
      } else if (p instanceof double[][] || p instanceof float[][]) {
        n += rows((Object[]) p);
      } else if (p == null) {
        throw new NullPointerException("a parameter array is null");
      } else {
        throw new IllegalArgumentException("not a parameter: " + p.getClass().getName());
      }
    }
    return n;
  }

  /** parts in one new array, in order. */
  public static double[] flatten(Object... parts) {
    double[] out = new double[size(parts)];
    int k = 0;
    for (Object p : parts) {
      if (p instanceof Double d) {
        out[k++] = d;
      } else if (p instanceof Float f) {
        out[k++] = f;
      } else if (p instanceof double[] a) {
        System.arraycopy(a, 0, out, k, a.length);
        k += a.length;
      } else if (p instanceof float[] a) {
        for (float v : a) {
          out[k++] = v;
        }
      } else if (p instanceof double[][] a) {
        for (double[] row : a) {
          System.arraycopy(row, 0, out, k, row.length);
          k += row.length;
        }
      } else {
        for (float[] row : (float[][]) p) {
          for (float v : row) {
            out[k++] = v;
          }
        }
      }
    }
    return out;
  }

  /** Reads parameters back from flat, which must hold exactly size scalars. */
  public static Reader reader(double[] flat, int size) {
    Objects.requireNonNull(flat, "flat");
    if (flat.length != size) {
      throw new IllegalArgumentException("the flat parameters have " + flat.length + " values, but the record holds "
          + size);
    }
    return new Reader(flat);
  }

  /** Copies source into target element by element; the shapes must match. */
  public static void copy(double[] source, double[] target) {
    checkLength(source.length, target, "array");
    System.arraycopy(source, 0, target, 0, source.length);
  }

  /** Copies source into target element by element; the shapes must match. */
  public static void copy(float[] source, float[] target) {
    checkLength(source.length, target, "array");
    System.arraycopy(source, 0, target, 0, source.length);
  }

  /** Copies source into target row by row; the shapes must match. */
  public static void copy(double[][] source, double[][] target) {
    checkLength(source.length, target, "matrix");
    for (int i = 0; i < source.length; i++) {
      copy(source[i], target[i]);
    }
  }

  /** Copies source into target row by row; the shapes must match. */
  public static void copy(float[][] source, float[][] target) {
    checkLength(source.length, target, "matrix");
    for (int i = 0; i < source.length; i++) {
      copy(source[i], target[i]);
    }
  }

  private static void checkLength(int length, Object target, String what) {
    Objects.requireNonNull(target, "the model's field is null");
    int targetLength = java.lang.reflect.Array.getLength(target);
    if (targetLength != length) {
      throw new IllegalArgumentException("cannot copy a " + what + " of length " + length + " into the model's "
          + what + " of length " + targetLength);
    }
  }

  private static int rows(Object[] matrix) {
    int n = 0;
    for (Object row : matrix) {
      n += java.lang.reflect.Array.getLength(Objects.requireNonNull(row, "a parameter row is null"));
    }
    return n;
  }

  /** Reads parameters in order; each {@code like} returns a new array shaped as its argument. */
  public static final class Reader {
    private final double[] flat;
    private int next;

    private Reader(double[] flat) {
      this.flat = flat;
    }

    public double scalar() {
      return flat[next++];
    }

    public float floatScalar() {
      return (float) flat[next++];
    }

    public double[] like(double[] shape) {
      double[] out = new double[shape.length];
      System.arraycopy(flat, next, out, 0, out.length);
      next += out.length;
      return out;
    }

    public float[] like(float[] shape) {
      float[] out = new float[shape.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) flat[next++];
      }
      return out;
    }

    public double[][] like(double[][] shape) {
      double[][] out = new double[shape.length][];
      for (int i = 0; i < out.length; i++) {
        out[i] = like(shape[i]);
      }
      return out;
    }

    public float[][] like(float[][] shape) {
      float[][] out = new float[shape.length][];
      for (int i = 0; i < out.length; i++) {
        out[i] = like(shape[i]);
      }
      return out;
    }
  }
}
