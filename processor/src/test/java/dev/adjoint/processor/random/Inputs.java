package dev.adjoint.processor.random;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The arguments of a program's entry method {@code f(x, y, a, b, n)}, copied before each use, and
 * the receiver's field {@code scale} of an instance program (differentiated when f's wrt names
 * {@code "this"}).
 */
record Inputs(double[] x, double[] y, double a, double b, int n, double scale) {
  /** The field's value in every generated class: a value no generated constant has, so min(scale, 1.25) is no tie. */
  static final double SCALE = 1.1875;

  static Inputs draw(Program p) {
    SplittableRandom r = new SplittableRandom(p.seed() ^ 0x5DEECE66DL);
    double[] x = new double[p.length()];
    double[] y = new double[p.length()];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextDouble(-1.5, 1.5);
      y[i] = r.nextDouble(-1.5, 1.5);
    }
    return new Inputs(x, y, r.nextDouble(-1.5, 1.5), r.nextDouble(-1.5, 1.5), p.n(), SCALE);
  }

  Inputs copy() {
    return new Inputs(x.clone(), y.clone(), a, b, n, scale);
  }

  /** The differentiable inputs as one vector: x, then y, then a, b and the field scale. */
  double[] flat() {
    double[] v = Arrays.copyOf(x, 2 * x.length + 3);
    System.arraycopy(y, 0, v, x.length, y.length);
    v[2 * x.length] = a;
    v[2 * x.length + 1] = b;
    v[2 * x.length + 2] = scale;
    return v;
  }

  /** Inputs with the differentiable ones taken from {@code flat}, n kept. */
  Inputs with(double[] flat) {
    int l = x.length;
    return new Inputs(Arrays.copyOfRange(flat, 0, l), Arrays.copyOfRange(flat, l, 2 * l), flat[2 * l], flat[2 * l + 1], n,
        flat[2 * l + 2]);
  }

  /** The position of parameter {@code name}'s first element in {@link #flat()}, and its size. */
  int[] slot(String name) {
    int l = x.length;
    return switch (name) {
      case "x" -> new int[] {0, l};
      case "y" -> new int[] {l, l};
      case "a" -> new int[] {2 * l, 1};
      case "b" -> new int[] {2 * l + 1, 1};
      case "this" -> new int[] {2 * l + 2, 1};
      default -> throw new IllegalArgumentException(name);
    };
  }
}
