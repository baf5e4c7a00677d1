package dev.adjoint.examples.poisson;

import dev.adjoint.examples.Figures;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Backpropagation through Poisson solvers, after the Zygote post of that name (see
 * {@link PoissonSolvers}): I(t) and dI/dt by Adjoint for t in 0:0.01:2 pi, through a spectral and
 * a finite-difference solver, each checked two ways. A third solver, the spectral one with the
 * real-input FFT ({@link PoissonSolvers#solveSpectralReal}), is checked the same way and must agree
 * with the complex one.
 *
 * <ul>
 *   <li>Against central differences of I(t), as the post does. Their error is
 *       {@code h^2 |I'''| / 6 + ε |I| / h}; with the step {@code h = ε^(1/3) max(1, |t|)} (up to
 *       4e-5 near t = 2 pi) the truncation term dominates at about {@code 2e-9} of max |dI/dt|, and
 *       the rounding term is about {@code 3e-11} of it, so {@link #CENTRAL_DIFFERENCE_TOLERANCE}
 *       leaves a margin of about fifty. The error is measured against max |dI/dt|, because dI/dt
 *       crosses zero at multiples of pi/2, where a pointwise relative error means nothing.
 *   <li>Against the exact derivative of the discrete I(t). Both solvers are linear and
 *       {@code rho_t = sin(t)^2 q}, so {@code I(t) = sin(t)^4 I(pi/2)} and
 *       {@code dI/dt = 4 sin(t)^3 cos(t) I(pi/2)}, up to rounding. Reverse-mode AD is exact, so the
 *       two agree to a few ulps of the solver's output: {@link #EXACT_TOLERANCE}.
 * </ul>
 */
public final class PoissonBackprop {
  /** Step of the t grid, as in the post. */
  static final double DT = 0.01;

  /** max |AD - central difference| / max |dI/dt| allowed (see the class comment). */
  static final double CENTRAL_DIFFERENCE_TOLERANCE = 1e-7;

  /** max |AD - 4 sin^3 cos I(pi/2)| / max |dI/dt| allowed: rounding only. */
  static final double EXACT_TOLERANCE = 1e-12;

  /** The spectral solver must reproduce the manufactured solution to this, relative to its maximum. */
  static final double SPECTRAL_SOLUTION_TOLERANCE = 1e-12;

  /** The second-order finite-difference solver must be this close to it (dx = 0.049, sigma = 0.25). */
  static final double FD_SOLUTION_TOLERANCE = 2e-2;

  private PoissonBackprop() {}

  /** The two solvers, with I(t) and its generated gradient. */
  enum Solver {
    SPECTRAL("spectral") {
      @Override
      double value(double t) {
        return PoissonSolvers.integralSpectral(t, PoissonSolvers.NX);
      }

      @Override
      double[] valueAndDerivative(double t) {
        PoissonSolversAdjoint.IntegralSpectralGradient g =
            PoissonSolversAdjoint.integralSpectralGradient(t, PoissonSolvers.NX);
        return new double[] {g.value(), g.t()};
      }

      @Override
      double[] solve(double[] rho) {
        return PoissonSolvers.solveSpectral(rho, PoissonSolvers.NX, PoissonSolvers.LX);
      }
    },
    /** The spectral solver with the real-input FFT, not in the post: the same numbers at less cost. */
    SPECTRAL_REAL("spectral (rfft)") {
      @Override
      double value(double t) {
        return PoissonSolvers.integralSpectralReal(t, PoissonSolvers.NX);
      }

      @Override
      double[] valueAndDerivative(double t) {
        PoissonSolversAdjoint.IntegralSpectralRealGradient g =
            PoissonSolversAdjoint.integralSpectralRealGradient(t, PoissonSolvers.NX);
        return new double[] {g.value(), g.t()};
      }

      @Override
      double[] solve(double[] rho) {
        return PoissonSolvers.solveSpectralReal(rho, PoissonSolvers.NX, PoissonSolvers.LX);
      }
    },
    FINITE_DIFFERENCE("finite difference") {
      @Override
      double value(double t) {
        return PoissonSolvers.integralFiniteDifference(t, PoissonSolvers.NX);
      }

      @Override
      double[] valueAndDerivative(double t) {
        PoissonSolversAdjoint.IntegralFiniteDifferenceGradient g =
            PoissonSolversAdjoint.integralFiniteDifferenceGradient(t, PoissonSolvers.NX);
        return new double[] {g.value(), g.t()};
      }

      @Override
      double[] solve(double[] rho) {
        double[] phi = PoissonSolvers.solveFiniteDifference(rho, PoissonSolvers.NX, PoissonSolvers.LX);
        double mean = 0;
        for (double v : phi) {
          mean += v / phi.length;
        }
        for (int i = 0; i < phi.length; i++) {
          phi[i] -= mean;
        }
        return phi;
      }
    };

    final String label;

    Solver(String label) {
      this.label = label;
    }

    /** I(t). */
    abstract double value(double t);

    /** {I(t), dI/dt} from the generated adjoint. */
    abstract double[] valueAndDerivative(double t);

    /** The solver's zero-mean solution of phi'' = rho. */
    abstract double[] solve(double[] rho);
  }

  /** I(t) and dI/dt over the t grid, with the central differences and the exact derivative they are checked against. */
  record Sweep(Solver solver, double[] t, double[] value, double[] ad, double[] central, double[] exact) {
    /** max |AD - central difference| / max |dI/dt|. */
    double centralDifferenceError() {
      return maxDifference(ad, central) / maxAbs(ad);
    }

    /** max |AD - exact derivative of the discrete I| / max |dI/dt|. */
    double exactError() {
      return maxDifference(ad, exact) / maxAbs(ad);
    }

    /** The largest pointwise relative error against central differences where |dI/dt| is at least 1% of its maximum. */
    double pointwiseError() {
      double scale = maxAbs(ad);
      double worst = 0;
      for (int k = 0; k < t.length; k++) {
        if (Math.abs(central[k]) >= 1e-2 * scale) {
          worst = Math.max(worst, Math.abs(ad[k] - central[k]) / Math.abs(central[k]));
        }
      }
      return worst;
    }
  }

  /** t = 0, 0.01, ..., up to 2 pi: the post's 0.0:0.01:2π (629 values). */
  static double[] times() {
    int n = (int) Math.floor(2 * Math.PI / DT) + 1;
    double[] t = new double[n];
    for (int k = 0; k < n; k++) {
      t[k] = k * DT;
    }
    return t;
  }

  /** The central difference of I at t, with GradCheck's default step {@code ε^(1/3) max(1, |t|)}. */
  static double centralDifference(Solver solver, double t) {
    double h = Math.cbrt(Math.ulp(1.0)) * Math.max(1, Math.abs(t));
    double plus = t + h;
    double minus = t - h;
    return (solver.value(plus) - solver.value(minus)) / (plus - minus);
  }

  /** dI/dt = 4 sin(t)^3 cos(t) I(pi/2), the exact derivative of the discrete I(t) = sin(t)^4 I(pi/2). */
  static double exactDerivative(double t, double peak) {
    double s = Math.sin(t);
    return 4 * s * s * s * Math.cos(t) * peak;
  }

  static Sweep sweep(Solver solver, double[] t) {
    int n = t.length;
    double[] value = new double[n];
    double[] ad = new double[n];
    double[] central = new double[n];
    double[] exact = new double[n];
    double peak = solver.value(Math.PI / 2);
    for (int k = 0; k < n; k++) {
      double[] g = solver.valueAndDerivative(t[k]);
      if (g[0] != solver.value(t[k])) {
        throw new IllegalStateException(solver.label + ": the gradient's value differs from I(t) at t = " + t[k]);
      }
      value[k] = g[0];
      ad[k] = g[1];
      central[k] = centralDifference(solver, t[k]);
      exact[k] = exactDerivative(t[k], peak);
    }
    return new Sweep(solver, t, value, ad, central, exact);
  }

  public static void main(String[] args) {
    Figures.headless();
    System.out.println("== Poisson solvers (Zygote post): dI/dt by Adjoint, I(t) = sum phi^2, phi'' = rho_t");
    System.out.printf(Locale.ROOT, "  Nx = %d on [0, 2pi), dx = %.4f, mu = pi, sigma = %.2f%n",
        PoissonSolvers.NX, PoissonSolvers.LX / PoissonSolvers.NX, PoissonSolvers.SIGMA);
    double[] spectralPhi = checkSolution(Solver.SPECTRAL, SPECTRAL_SOLUTION_TOLERANCE);
    checkSolution(Solver.SPECTRAL_REAL, SPECTRAL_SOLUTION_TOLERANCE);
    double[] fdPhi = checkSolution(Solver.FINITE_DIFFERENCE, FD_SOLUTION_TOLERANCE);

    double[] t = times();
    Sweep spectral = sweep(Solver.SPECTRAL, t);
    Sweep spectralReal = sweep(Solver.SPECTRAL_REAL, t);
    Sweep fd = sweep(Solver.FINITE_DIFFERENCE, t);
    System.out.printf(Locale.ROOT, "  %d values of t in 0:%.2f:2pi%n", t.length, DT);
    report(spectral);
    report(spectralReal);
    report(fd);
    double realVsComplex = maxDifference(spectral.ad(), spectralReal.ad()) / maxAbs(spectral.ad());
    System.out.printf(Locale.ROOT, "  dI/dt through the real and the complex FFT differs by %.3e of max |dI/dt|%n", realVsComplex);
    if (!(realVsComplex <= EXACT_TOLERANCE)) {
      throw new IllegalStateException("the two spectral solvers' dI/dt differ by " + realVsComplex);
    }
    System.out.printf(Locale.ROOT, "  spectral and finite-difference I(t) differ by at most %.3e relative (discretisation error)%n",
        maxDifference(spectral.value(), fd.value()) / maxAbs(spectral.value()));

    plot(spectral, fd, spectralPhi, fdPhi);
  }

  /** The solver's phi at t = 1 against the manufactured solution; returns it. */
  static double[] checkSolution(Solver solver, double tolerance) {
    double t = 1.0;
    double[] phi = solver.solve(PoissonSolvers.density(t, PoissonSolvers.NX));
    double[] exact = PoissonSolvers.exactSolution(t, PoissonSolvers.NX);
    double error = maxDifference(phi, exact) / maxAbs(exact);
    System.out.printf(Locale.ROOT, "  %-17s solver vs the manufactured phi at t = 1: max error %.3e relative (tolerance %.0e)%n",
        solver.label, error, tolerance);
    if (!(error <= tolerance)) {
      throw new IllegalStateException(solver.label + " solver misses the manufactured solution by " + error);
    }
    return phi;
  }

  static void report(Sweep s) {
    double cd = s.centralDifferenceError();
    double ex = s.exactError();
    System.out.printf(Locale.ROOT, "  %-17s max I = %.6f, max |dI/dt| = %.6f%n", s.solver().label, maxAbs(s.value()), maxAbs(s.ad()));
    System.out.printf(Locale.ROOT, "    vs central differences:       max |AD - CD| / max|dI/dt| = %.3e (tolerance %.0e);"
        + " pointwise relative where |dI/dt| >= 1%% of max: %.3e%n", cd, CENTRAL_DIFFERENCE_TOLERANCE, s.pointwiseError());
    System.out.printf(Locale.ROOT, "    vs 4 sin^3 cos I(pi/2):       max |AD - exact| / max|dI/dt| = %.3e (tolerance %.0e)%n",
        ex, EXACT_TOLERANCE);
    if (!(cd <= CENTRAL_DIFFERENCE_TOLERANCE) || !(ex <= EXACT_TOLERANCE)) {
      throw new IllegalStateException(s.solver().label + ": dI/dt by Adjoint is off: " + cd + " against central differences, "
          + ex + " against the exact derivative");
    }
  }

  static void plot(Sweep spectral, Sweep fd, double[] spectralPhi, double[] fdPhi) {
    double[] t = spectral.t();
    XYChart values = Figures.lineChart("I(t) = sum phi^2 through both Poisson solvers", "t", "I(t)");
    Figures.line(values, "spectral", t, spectral.value());
    Figures.dashed(values, "finite difference", t, fd.value());
    Figures.save(values, "poisson-I");

    XYChart derivative = Figures.lineChart("dI/dt: Adjoint vs central differences", "t", "dI/dt");
    Figures.line(derivative, "spectral, Adjoint", t, spectral.ad());
    Figures.dashed(derivative, "finite difference, Adjoint", t, fd.ad());
    // Interleaved, so that neither solver's markers hide the other's.
    scatter(derivative, "spectral, central differences", every(t, 0, 10), every(spectral.central(), 0, 10));
    scatter(derivative, "finite difference, central differences", every(t, 5, 10), every(fd.central(), 5, 10));
    Figures.save(derivative, "poisson-dIdt");

    XYChart errors = Figures.lineChart("|dI/dt(AD) - reference| / max|dI/dt| (0 plotted as 1e-18)", "t", "error");
    errors.getStyler().setYAxisLogarithmic(true);
    Figures.line(errors, "spectral vs central differences", t, relativeTo(spectral.ad(), spectral.central()));
    Figures.line(errors, "finite difference vs central differences", t, relativeTo(fd.ad(), fd.central()));
    Figures.dashed(errors, "spectral vs exact derivative", t, relativeTo(spectral.ad(), spectral.exact()));
    Figures.dashed(errors, "finite difference vs exact derivative", t, relativeTo(fd.ad(), fd.exact()));
    Figures.save(errors, "poisson-error");

    int nx = PoissonSolvers.NX;
    double[] x = new double[nx];
    for (int i = 0; i < nx; i++) {
      x[i] = i * PoissonSolvers.LX / nx;
    }
    XYChart solution = Figures.lineChart("phi at t = 1, mean removed", "x", "phi");
    solution.getStyler().setXAxisDecimalPattern("0.0#");
    Figures.line(solution, "manufactured sin(t)^2 exp(-(x-mu)^2/(2 sigma^2))", x, PoissonSolvers.exactSolution(1.0, nx));
    Figures.dashed(solution, "finite difference", x, fdPhi);
    scatter(solution, "spectral", x, spectralPhi); // last, so that its markers lie on top
    Figures.save(solution, "poisson-phi");
  }

  private static void scatter(XYChart chart, String name, double[] x, double[] y) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.CIRCLE);
  }

  private static double[] every(double[] a, int first, int stride) {
    double[] out = new double[(a.length - first + stride - 1) / stride];
    for (int i = 0; i < out.length; i++) {
      out[i] = a[first + i * stride];
    }
    return out;
  }

  private static double[] relativeTo(double[] a, double[] b) {
    double scale = maxAbs(a);
    double[] e = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      e[i] = Math.max(Math.abs(a[i] - b[i]) / scale, 1e-18);
    }
    return e;
  }

  static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  static double maxDifference(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }
}
