package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/** Calls between differentiable methods, in this class and others, and restricted {@code wrt}. */
final class Calls {
  static final double RATE = 0.25;

  private Calls() {}

  @Differentiable
  static double square(double x) {
    return x * x;
  }

  @Differentiable
  static double cubePlus(double x, double y) {
    return x * x * x + y;
  }

  /** Calls differentiable methods of this class, nested and repeated. */
  @Differentiable
  static double sameClass(double x, double y) {
    double a = square(x);
    double b = cubePlus(a, y);
    return square(b - a) + cubePlus(y, x) * RATE;
  }

  /** Calls differentiable methods of other classes, with scalar and array arguments. */
  @Differentiable
  static double otherClass(double[] a, double x) {
    double d = Arrays1D.dot(a, a);
    double t = ScalarMath.trig(x, d * 0.1);
    return Arrays1D.horner(a, t) + Arrays1D.norm(a) * x;
  }

  /** Reads with a shifted, wrapped index from a non-differentiable helper. */
  @Differentiable
  static double withIndexHelper(double[] a, int shift) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * a[rotate(i, shift, a.length)];
    }
    return s;
  }

  static int rotate(int i, int shift, int n) {
    return Math.floorMod(i + shift, n);
  }

  /** Only the gradient with respect to b is wanted. */
  @Differentiable(wrt = {"b"})
  static double onlyB(double a, double[] b, double c) {
    double s = 0;
    for (double v : b) {
      s += Math.exp(a * v) * c;
    }
    return s;
  }

  /** Two of three scalars differentiated; the record has components x and z only. */
  @Differentiable(wrt = {"x", "z"})
  static double someScalars(double x, double y, double z) {
    return x * y * z + Math.sin(x * z) + y * y;
  }

  /** Calls a method that returns an array and reduces its result. */
  @Differentiable
  static double callsArrayFunction(double[] a, double x) {
    double[] p = Arrays1D.prefixSums(a, x);
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      s += p[i] * p[i];
    }
    return s;
  }

  /** Calls a matrix-valued method and a vector-valued one and contracts them. */
  @Differentiable
  static double callsMatrixFunctions(double[][] a, double[] v) {
    double[][] aa = Arrays2D.matMul(a, a);
    double[] w = Arrays2D.matVec(aa, v);
    return Arrays1D.dot(w, v);
  }

  /** Calls an array-mutating void method of another class on a local copy. */
  @Differentiable
  static double callsVoidMutator(double[] a, double s) {
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] + 1;
    }
    InPlace.scaleInPlace(c, s);
    InPlace.scaleInPlace(c, s * s);
    return Arrays1D.dot(c, a);
  }

  /** Calls a nested class's differentiable method. */
  @Differentiable
  static double callsNested(double[] u, double[] f, double w) {
    return InPlace.Stencil.residual(u, f) * w + square(w);
  }
}
