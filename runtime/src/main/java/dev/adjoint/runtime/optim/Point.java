package dev.adjoint.runtime.optim;

/** An evaluated point: where, the value, and the gradient (owned by this point, never shared). */
final class Point {
  final double[] x;
  final double f;
  final double[] g;

  Point(double[] x, double f, double[] g) {
    this.x = x;
    this.f = f;
    this.g = g;
  }
}
