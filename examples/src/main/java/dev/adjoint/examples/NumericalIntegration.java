package dev.adjoint.examples;

import dev.adjoint.annotations.Differentiable;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Backpropagation through numerical integration, after the Zygote post of that name.
 *
 * <p>The density profile n(z) = n0 + sin(t)^2 exp(-(z - z0)^2 / (2 sigma^2)) on [-1, 1] is
 * integrated with the rectangle rule, N(t) = sum n(z_i) dz, written as a plain loop. Adjoint
 * differentiates that loop, and dN/dt is compared for t in 0:0.05:6.5 with
 *
 * <ul>
 *   <li>the exact derivative of the discrete sum, 2 sin t cos t sum exp(-(z_i - z0)^2 / (2 sigma^2)) dz:
 *       reverse-mode AD is exact, so the two agree to rounding (about 1e-16);
 *   <li>the derivative of the continuous integral, 2 sin t cos t sqrt(2 pi) sigma erf(1 / (sqrt 2 sigma)),
 *       as in the post: this difference is the quadrature error of the rectangle rule (about 4e-8,
 *       mostly the two end points), not an error of AD.
 * </ul>
 */
public final class NumericalIntegration {
  static final double N0 = 1.0;
  static final double Z0 = 0.0;
  static final double SIGMA = 0.2;
  static final double Z_MIN = -1.0;
  static final double Z_MAX = 1.0;
  static final double DZ = 0.01;

  /** AD and the exact derivative of the sum must agree to this (absolute) tolerance. */
  static final double TOLERANCE = 1e-12;

  /** The rectangle rule is this close to the integral here (exp(-12.5) at the end points). */
  static final double QUADRATURE_TOLERANCE = 1e-6;

  private NumericalIntegration() {}

  /** Number of points in Z_MIN:DZ:Z_MAX, both ends included (201); it does not depend on t. */
  static int gridPoints() {
    return (int) Math.round((Z_MAX - Z_MIN) / DZ) + 1;
  }

  /** N(t): the rectangle-rule integral of the density profile over [-1, 1]. */
  @Differentiable
  static double integratedProfile(double t) {
    int nz = gridPoints();
    double s = Math.sin(t);
    double amplitude = s * s;
    double sum = 0;
    for (int i = 0; i < nz; i++) {
      double z = Z_MIN + i * DZ;
      double n = N0 + amplitude * Math.exp(-(z - Z0) * (z - Z0) / (2 * SIGMA * SIGMA));
      sum += n * DZ;
    }
    return sum;
  }

  /** The exact derivative of {@link #integratedProfile}: the same sum, differentiated by hand. */
  static double exactDerivativeOfSum(double t) {
    double weights = 0;
    for (int i = 0; i < gridPoints(); i++) {
      double z = Z_MIN + i * DZ;
      weights += Math.exp(-(z - Z0) * (z - Z0) / (2 * SIGMA * SIGMA)) * DZ;
    }
    return 2 * Math.sin(t) * Math.cos(t) * weights;
  }

  /** The derivative of the continuous integral, as the post's analytic formula. */
  static double derivativeOfIntegral(double t) {
    return 2 * Math.sin(t) * Math.cos(t) * Math.sqrt(2 * Math.PI) * SIGMA * erf(1 / (Math.sqrt(2) * SIGMA));
  }

  /**
   * erf(x) = 2/sqrt(pi) exp(-x^2) sum_n 2^n x^(2n+1) / (1 3 5 ... (2n+1)). Every term is
   * positive, so there is no cancellation; accurate to a few ulps for the moderate x used here.
   */
  static double erf(double x) {
    double term = x;
    double sum = x;
    for (int n = 1; n < 500 && term > 1e-17 * sum; n++) {
      term *= 2 * x * x / (2 * n + 1);
      sum += term;
    }
    return 2 / Math.sqrt(Math.PI) * Math.exp(-x * x) * sum;
  }

  public static void main(String[] args) {
    Figures.headless();
    System.out.println("== Numerical integration (Zygote post): dN/dt by Adjoint");
    int nt = 131; // t in 0:0.05:6.5
    double[] t = new double[nt];
    double[] value = new double[nt];
    double[] ad = new double[nt];
    double[] exact = new double[nt];
    double[] continuous = new double[nt];
    double[] errExact = new double[nt];
    double[] errContinuous = new double[nt];
    double maxErrExact = 0;
    double maxErrContinuous = 0;
    for (int k = 0; k < nt; k++) {
      t[k] = 0.05 * k;
      NumericalIntegrationAdjoint.IntegratedProfileGradient g = NumericalIntegrationAdjoint.integratedProfileGradient(t[k]);
      if (g.value() != integratedProfile(t[k])) {
        throw new IllegalStateException("the gradient's value differs from N(t) at t = " + t[k]);
      }
      value[k] = g.value();
      ad[k] = g.t();
      exact[k] = exactDerivativeOfSum(t[k]);
      continuous[k] = derivativeOfIntegral(t[k]);
      errExact[k] = Math.abs(ad[k] - exact[k]);
      errContinuous[k] = Math.abs(ad[k] - continuous[k]);
      maxErrExact = Math.max(maxErrExact, errExact[k]);
      maxErrContinuous = Math.max(maxErrContinuous, errContinuous[k]);
    }
    System.out.printf(Locale.ROOT, "  grid: %d points on [%.1f, %.1f], dz = %.2f; %d values of t%n",
        gridPoints(), Z_MIN, Z_MAX, DZ, nt);
    System.out.printf(Locale.ROOT, "  N(0) = %.15f, max N(t) = %.15f%n", value[0], max(value));
    System.out.printf(Locale.ROOT, "  max |dN/dt(AD) - exact derivative of the sum|   = %.3e (tolerance %.0e)%n",
        maxErrExact, TOLERANCE);
    System.out.printf(Locale.ROOT, "  max |dN/dt(AD) - derivative of the integral|    = %.3e"
        + " (quadrature error; the post saw 1e-8 to 1e-9)%n", maxErrContinuous);
    if (!(maxErrExact <= TOLERANCE)) {
      throw new IllegalStateException("AD derivative differs from the exact derivative of the sum by "
          + maxErrExact + " > " + TOLERANCE);
    }
    if (!(maxErrContinuous <= QUADRATURE_TOLERANCE)) {
      throw new IllegalStateException("AD derivative differs from the analytic derivative of the integral by "
          + maxErrContinuous + " > " + QUADRATURE_TOLERANCE);
    }

    XYChart n = Figures.lineChart("Rectangle-rule integral N(t)", "t", "N(t)");
    Figures.line(n, "N(t) = sum n(z) dz", t, value);
    Figures.save(n, "numerical-integration-N");

    XYChart d = Figures.lineChart("dN/dt: Adjoint vs analytic", "t", "dN/dt");
    Figures.line(d, "analytic (integral)", t, continuous);
    XYSeries adSeries = d.addSeries("Adjoint (reverse-mode AD)", t, ad);
    adSeries.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    adSeries.setMarker(SeriesMarkers.CIRCLE);
    Figures.save(d, "numerical-integration-dNdt");

    XYChart e = Figures.lineChart("|dN/dt(AD) - analytic| (0 plotted as 1e-18)", "t", "absolute error");
    e.getStyler().setYAxisLogarithmic(true);
    Figures.line(e, "vs derivative of the integral (quadrature error)", t, floor(errContinuous));
    Figures.line(e, "vs exact derivative of the sum (AD error)", t, floor(errExact));
    Figures.save(e, "numerical-integration-error");
  }

  private static double max(double[] a) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : a) {
      m = Math.max(m, v);
    }
    return m;
  }

  /** Zeros cannot go on a log axis. */
  private static double[] floor(double[] a) {
    double[] f = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      f[i] = Math.max(a[i], 1e-18);
    }
    return f;
  }
}
