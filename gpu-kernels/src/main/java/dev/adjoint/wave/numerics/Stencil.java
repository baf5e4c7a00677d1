package dev.adjoint.wave.numerics;

import java.util.Arrays;

/**
 * Central finite-difference coefficients of the second derivative, and the time step they keep
 * stable.
 *
 * <p>The second derivative along one axis of spacing {@code h} is
 * {@code (c[0] u_i + sum_{k=1..r} c[k] (u_{i-k} + u_{i+k})) / h^2} with {@code r = order / 2}.
 * The Laplacian sums that over the axes, so its matrix is symmetric: the adjoint propagator is the
 * forward one run backwards in time.
 */
public final class Stencil {
  /** The space orders supported. */
  private static final int[] ORDERS = {2, 4, 8};

  private final int order;
  private final double[] coefficients;

  private Stencil(int order, double[] coefficients) {
    this.order = order;
    this.coefficients = coefficients;
  }

  /**
   * The stencil of the given space order.
   *
   * @throws IllegalArgumentException for an order other than 2, 4 or 8
   */
  public static Stencil ofOrder(int order) {
    return switch (order) {
      case 2 -> new Stencil(2, new double[] {-2, 1});
      case 4 -> new Stencil(4, new double[] {-5.0 / 2, 4.0 / 3, -1.0 / 12});
      case 8 -> new Stencil(8, new double[] {-205.0 / 72, 8.0 / 5, -1.0 / 5, 8.0 / 315, -1.0 / 560});
      default -> throw new IllegalArgumentException(
          "space order must be one of " + Arrays.toString(ORDERS) + ", got " + order);
    };
  }

  /** The space order: 2, 4 or 8. */
  public int order() {
    return order;
  }

  /** The half width {@code r = order / 2}: how many neighbours each side a point reads. */
  public int radius() {
    return order / 2;
  }

  /** The coefficient {@code c[k]}, {@code k = 0 .. radius()}, for unit spacing. */
  public double coefficient(int k) {
    return coefficients[k];
  }

  /**
   * The coefficients divided by {@code h^2}, as floats for the kernels: {@code [c0/h^2, c1/h^2, ...]}.
   */
  public float[] scaled(double spacing) {
    float[] out = new float[coefficients.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = (float) (coefficients[k] / (spacing * spacing));
    }
    return out;
  }

  /**
   * The largest eigenvalue of {@code -d2/dx2} on a grid of unit spacing: the stencil's symbol at
   * the Nyquist wavenumber, {@code -(c0 + 2 sum_k c_k (-1)^k)}.
   */
  public double nyquistSymbol() {
    double s = coefficients[0];
    for (int k = 1; k < coefficients.length; k++) {
      s += 2 * coefficients[k] * (k % 2 == 0 ? 1 : -1);
    }
    return -s;
  }

  /**
   * The largest stable time step (ms) of the leapfrog scheme for the given spacings (m) and
   * maximum velocity (km/s = m/ms): {@code 2 / (v sqrt(sum_d symbol / h_d^2))}. Damping only
   * adds dissipation, so it does not lower this bound.
   */
  public double stabilityLimit(double[] spacing, double maxVelocity) {
    double sum = 0;
    for (double h : spacing) {
      sum += nyquistSymbol() / (h * h);
    }
    return 2 / (maxVelocity * Math.sqrt(sum));
  }
}
