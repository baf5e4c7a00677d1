package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;
import java.util.Arrays;

/** The JDK's array helpers on differentiated arrays: copies (overlapping ones too), fills and resizes. */
final class JdkArrays {
  private JdkArrays() {}

  /** arraycopy between two arrays, then between overlapping ranges of one array both ways. */
  @Differentiable
  static double copies(double[] x, double s) {
    double[] a = new double[x.length + 2];
    System.arraycopy(x, 0, a, 1, x.length);
    for (int i = 0; i < a.length; i++) {
      a[i] = a[i] * s + Math.sin(a[i]);
    }
    System.arraycopy(a, 0, a, 1, a.length - 1); // towards the back: copied from the back
    System.arraycopy(a, 2, a, 0, a.length - 2); // towards the front: copied from the front
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * a[i] * (i + 1);
    }
    return sum;
  }

  /** fill with a differentiated value, whole and over a range, then resizing copies. */
  @Differentiable
  static double fillsAndResizes(double[] x, double v) {
    double[] a = Arrays.copyOf(x, x.length + 1);
    Arrays.fill(a, 1, 3, v * v);
    double[] b = Arrays.copyOfRange(a, 1, a.length + 2);
    double[] c = new double[2];
    Arrays.fill(c, Math.cos(v));
    double s = c[0] * c[1];
    for (int i = 0; i < b.length; i++) {
      s += b[i] * Math.exp(0.1 * i * b[i]);
    }
    return s;
  }

  /** A copy into a parameter the method then reads: its old contents come back for the caller. */
  @Differentiable
  static double copyIntoParameter(double[] x, double[] y) {
    System.arraycopy(x, 1, y, 0, 2);
    return y[0] * y[1] + y[y.length - 1] * x[0];
  }

  @Differentiable
  static float inFloat(float[] x, float s) {
    float[] a = Arrays.copyOf(x, x.length);
    System.arraycopy(a, 0, a, 1, a.length - 1);
    Arrays.fill(a, 0, 1, s);
    float sum = 0f;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * a[i] * (i + 1);
    }
    return sum;
  }
}
