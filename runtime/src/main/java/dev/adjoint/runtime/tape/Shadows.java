package dev.adjoint.runtime.tape;

import dev.adjoint.annotations.CustomRule;

/**
 * Array helpers for generated code: adjoint ("shadow") arrays shaped like their primal arrays,
 * snapshots of arrays a method mutates, and seed accumulation. A null array (one a caller passed
 * for an argument the callee does not use) has a null shadow and a null snapshot, and restoring
 * or adding into it does nothing.
 */
public final class Shadows {
  private Shadows() {}

  /** A zero array of the same length. */
  public static double[] zerosLike(double[] a) {
    return a == null ? null : new double[a.length];
  }

  /** A zero array of the same length. */
  public static float[] zerosLike(float[] a) {
    return a == null ? null : new float[a.length];
  }

  /** Zero rows of the same lengths (ragged rows stay ragged; null rows stay null). */
  public static double[][] zerosLike(double[][] a) {
    if (a == null) {
      return null;
    }
    double[][] z = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      z[i] = a[i] == null ? null : new double[a[i].length];
    }
    return z;
  }

  /** Zero rows of the same lengths (ragged rows stay ragged; null rows stay null). */
  public static float[][] zerosLike(float[][] a) {
    if (a == null) {
      return null;
    }
    float[][] z = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      z[i] = a[i] == null ? null : new float[a[i].length];
    }
    return z;
  }

  // zerosLike's result does not depend on the values of its argument: each pullback adds nothing.
  // Generated tangents call it on differentiated arrays, and are themselves differentiated for
  // second derivatives.

  @CustomRule(of = "zerosLike")
  public static void zerosLikePullback(double[] a, double[] dy, double[] aBar) {}

  @CustomRule(of = "zerosLike")
  public static void zerosLikePullback(float[] a, float[] dy, float[] aBar) {}

  @CustomRule(of = "zerosLike")
  public static void zerosLikePullback(double[][] a, double[][] dy, double[][] aBar) {}

  @CustomRule(of = "zerosLike")
  public static void zerosLikePullback(float[][] a, float[][] dy, float[][] aBar) {}

  // Nor does its tangent depend on anything: it is zero, an array of zeros shaped like a.

  @CustomRule(of = "zerosLike", form = CustomRule.Form.PUSHFORWARD)
  public static double[] zerosLikePushforward(double[] a, double[] aDot) {
    return zerosLike(a);
  }

  @CustomRule(of = "zerosLike", form = CustomRule.Form.PUSHFORWARD)
  public static float[] zerosLikePushforward(float[] a, float[] aDot) {
    return zerosLike(a);
  }

  @CustomRule(of = "zerosLike", form = CustomRule.Form.PUSHFORWARD)
  public static double[][] zerosLikePushforward(double[][] a, double[][] aDot) {
    return zerosLike(a);
  }

  @CustomRule(of = "zerosLike", form = CustomRule.Form.PUSHFORWARD)
  public static float[][] zerosLikePushforward(float[][] a, float[][] aDot) {
    return zerosLike(a);
  }

  /** A copy of the contents (rows are copied, not shared). */
  public static double[] snapshot(double[] a) {
    return a == null ? null : a.clone();
  }

  /** A copy of the contents (rows are copied, not shared). */
  public static float[] snapshot(float[] a) {
    return a == null ? null : a.clone();
  }

  /** A copy of the contents (rows are copied, not shared). */
  public static int[] snapshot(int[] a) {
    return a == null ? null : a.clone();
  }

  /** A copy of the contents (rows are copied, not shared). */
  public static double[][] snapshot(double[][] a) {
    if (a == null) {
      return null;
    }
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] == null ? null : a[i].clone();
    }
    return c;
  }

  /** A copy of the contents (rows are copied, not shared). */
  public static float[][] snapshot(float[][] a) {
    if (a == null) {
      return null;
    }
    float[][] c = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] == null ? null : a[i].clone();
    }
    return c;
  }

  /**
   * A copy of a's contents written into reuse where reuse has a's shape, else a new copy: a
   * checkpoint slot taken again costs no allocation.
   */
  public static double[] snapshot(double[] a, double[] reuse) {
    if (a == null || reuse == null || reuse.length != a.length) {
      return snapshot(a);
    }
    System.arraycopy(a, 0, reuse, 0, a.length);
    return reuse;
  }

  /** As {@link #snapshot(double[], double[])}. */
  public static float[] snapshot(float[] a, float[] reuse) {
    if (a == null || reuse == null || reuse.length != a.length) {
      return snapshot(a);
    }
    System.arraycopy(a, 0, reuse, 0, a.length);
    return reuse;
  }

  /** As {@link #snapshot(double[], double[])}. */
  public static int[] snapshot(int[] a, int[] reuse) {
    if (a == null || reuse == null || reuse.length != a.length) {
      return snapshot(a);
    }
    System.arraycopy(a, 0, reuse, 0, a.length);
    return reuse;
  }

  /** As {@link #snapshot(double[], double[])}, row by row. */
  public static double[][] snapshot(double[][] a, double[][] reuse) {
    if (a == null || reuse == null || reuse.length != a.length) {
      return snapshot(a);
    }
    for (int i = 0; i < a.length; i++) {
      reuse[i] = a[i] == null ? null : snapshot(a[i], reuse[i]);
    }
    return reuse;
  }

  /** As {@link #snapshot(double[], double[])}, row by row. */
  public static float[][] snapshot(float[][] a, float[][] reuse) {
    if (a == null || reuse == null || reuse.length != a.length) {
      return snapshot(a);
    }
    for (int i = 0; i < a.length; i++) {
      reuse[i] = a[i] == null ? null : snapshot(a[i], reuse[i]);
    }
    return reuse;
  }

  /** Puts a snapshot's contents back into the array it was taken from, row objects kept. */
  public static void restore(double[] snapshot, double[] into) {
    if (snapshot == null || into == null) {
      return;
    }
    System.arraycopy(snapshot, 0, into, 0, snapshot.length);
  }

  /** Puts a snapshot's contents back into the array it was taken from, row objects kept. */
  public static void restore(float[] snapshot, float[] into) {
    if (snapshot == null || into == null) {
      return;
    }
    System.arraycopy(snapshot, 0, into, 0, snapshot.length);
  }

  /** Puts a snapshot's contents back into the array it was taken from, row objects kept. */
  public static void restore(int[] snapshot, int[] into) {
    if (snapshot == null || into == null) {
      return;
    }
    System.arraycopy(snapshot, 0, into, 0, snapshot.length);
  }

  /** Puts a snapshot's contents back into the array it was taken from, row objects kept. */
  public static void restore(double[][] snapshot, double[][] into) {
    if (snapshot == null || into == null) {
      return;
    }
    for (int i = 0; i < snapshot.length; i++) {
      if (snapshot[i] != null) { // a null row stays null
        System.arraycopy(snapshot[i], 0, into[i], 0, snapshot[i].length);
      }
    }
  }

  /** Puts a snapshot's contents back into the array it was taken from, row objects kept. */
  public static void restore(float[][] snapshot, float[][] into) {
    if (snapshot == null || into == null) {
      return;
    }
    for (int i = 0; i < snapshot.length; i++) {
      if (snapshot[i] != null) { // a null row stays null
        System.arraycopy(snapshot[i], 0, into[i], 0, snapshot[i].length);
      }
    }
  }

  /** {@code into += from}, element by element. */
  public static void addInto(double[] from, double[] into) {
    if (from == null || into == null) {
      return;
    }
    for (int i = 0; i < from.length; i++) {
      into[i] += from[i];
    }
  }

  /** {@code into += from}, element by element. */
  public static void addInto(float[] from, float[] into) {
    if (from == null || into == null) {
      return;
    }
    for (int i = 0; i < from.length; i++) {
      into[i] += from[i];
    }
  }

  /** {@code into += from}, element by element. */
  public static void addInto(double[][] from, double[][] into) {
    if (from == null || into == null) {
      return;
    }
    for (int i = 0; i < from.length; i++) {
      addInto(from[i], into[i]);
    }
  }

  /** {@code into += from}, element by element. */
  public static void addInto(float[][] from, float[][] into) {
    if (from == null || into == null) {
      return;
    }
    for (int i = 0; i < from.length; i++) {
      addInto(from[i], into[i]);
    }
  }
}
