package dev.adjoint.benchmarks.fdstubs;

import java.util.function.DoubleUnaryOperator;

/**
 * Central finite differences for the stand-ins of generated adjoint classes in
 * {@code src/fd-stubs} (built only with {@code -Pfd-stubs}, before the processor generates the
 * real ones). Arrays are perturbed in place, one entry at a time, and restored.
 */
public final class FiniteDifferences {
  private static final double STEP = 6e-6;

  private FiniteDifferences() {}

  /** A scalar function of the current contents of the arrays it reads. */
  @FunctionalInterface
  public interface Objective {
    double value();
  }

  /** Adds the derivative of {@code f} with respect to each entry of {@code a} into {@code bar}. */
  public static void accumulate(Objective f, double[] a, double[] bar) {
    if (bar == null) {
      return;
    }
    for (int i = 0; i < a.length; i++) {
      double x = a[i];
      double h = STEP * Math.max(1, Math.abs(x));
      double up = x + h;
      double down = x - h;
      a[i] = up;
      double fUp = f.value();
      a[i] = down;
      double fDown = f.value();
      a[i] = x;
      bar[i] += (fUp - fDown) / (up - down);
    }
  }

  public static void accumulate(Objective f, double[][] a, double[][] bar) {
    for (int i = 0; i < a.length; i++) {
      accumulate(f, a[i], bar[i]);
    }
  }

  public static double[] gradient(Objective f, double[] a) {
    double[] bar = new double[a.length];
    accumulate(f, a, bar);
    return bar;
  }

  public static double[][] gradient(Objective f, double[][] a) {
    double[][] bar = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      bar[i] = gradient(f, a[i]);
    }
    return bar;
  }

  public static double derivative(DoubleUnaryOperator f, double x) {
    double h = STEP * Math.max(1, Math.abs(x));
    double up = x + h;
    double down = x - h;
    return (f.applyAsDouble(up) - f.applyAsDouble(down)) / (up - down);
  }

  /** The seeded output {@code dy . y} whose gradient is a pullback. */
  public static double dot(double[] dy, double[] y) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      sum += dy[i] * y[i];
    }
    return sum;
  }
}
