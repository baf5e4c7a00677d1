package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/**
 * Differentiable methods that call generated derivatives: a tangent ({@code ...PushforwardInto})
 * and a gradient ({@code ...PullbackInto}). The processor differentiates through both, in either
 * mode, once the classes they need exist (the methods wait a round or two for them): so the
 * gradient of a slope is a Hessian-vector product (reverse over forward), and the tangent and
 * gradient of a gradient's norm use the Hessian too (forward over reverse, reverse over reverse).
 */
final class Nested {
  private Nested() {}

  /** The derivative of quartic at (x, c) in the direction (v, 0). */
  @Differentiable(wrt = {"x", "c"})
  static double slope(double[] x, double c, double[] v) {
    return PolynomialsAdjoint.quarticPushforwardInto(x, c, v, 0.0, null);
  }

  /** Half the squared norm of cubic's gradient at (x, y), scaled by s, by reverse mode. */
  @Differentiable
  static double gradientEnergy(double x, double y, double s) {
    double[] g = PolynomialsAdjoint.cubicPullbackInto(x, y, s);
    return 0.5 * (g[0] * g[0] + g[1] * g[1]);
  }

  /** The same energy with the gradient by forward mode, one tangent per coordinate. */
  @Differentiable
  static double gradientEnergyByTangents(double x, double y, double s) {
    double gx = s * PolynomialsAdjoint.cubicPushforwardInto(x, y, 1.0, 0.0, null);
    double gy = s * PolynomialsAdjoint.cubicPushforwardInto(x, y, 0.0, 1.0, null);
    return 0.5 * (gx * gx + gy * gy);
  }

  /** Ten steps of gradient descent on cubic from (x, y), then cubic's value: through a loop. */
  @Differentiable
  static double descended(double x, double y) {
    double px = x;
    double py = y;
    for (int k = 0; k < 10; k++) {
      double[] g = PolynomialsAdjoint.cubicPullbackInto(px, py, 1.0);
      px -= 0.01 * g[0];
      py -= 0.01 * g[1];
    }
    return Polynomials.cubic(px, py);
  }
}
