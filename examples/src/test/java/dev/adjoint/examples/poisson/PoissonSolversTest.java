package dev.adjoint.examples.poisson;

import static dev.adjoint.examples.poisson.PoissonSolvers.LX;
import static dev.adjoint.examples.poisson.PoissonSolvers.NX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.examples.poisson.PoissonBackprop.Solver;
import dev.adjoint.examples.poisson.PoissonBackprop.Sweep;
import dev.adjoint.runtime.check.ArrayPullback;
import dev.adjoint.runtime.check.DotProductResult;
import dev.adjoint.runtime.check.GradCheck;
import dev.adjoint.runtime.check.GradientCheckResult;
import dev.adjoint.runtime.check.RuleCheck;
import dev.adjoint.runtime.check.RuleCheckResult;
import dev.adjoint.runtime.check.TaylorResult;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PoissonSolversTest {
  /** Points away from and near the zeros of dI/dt (multiples of pi/2). */
  private static final double[] TIMES = {0.05, 0.3, 1.0, Math.PI / 2 + 0.01, 2.5, 3.1, 4.0, 5.5, 6.2};

  private static ToDoubleFunction<double[]> integral(Solver solver) {
    return v -> solver.value(v[0]);
  }

  // ---------------------------------------------------------------- dI/dt

  @ParameterizedTest
  @EnumSource(Solver.class)
  void derivativeMatchesCentralDifferences(Solver solver) {
    for (double t : TIMES) {
      double[] g = solver.valueAndDerivative(t);
      GradientCheckResult r = GradCheck.check(integral(solver), new double[] {t}, new double[] {g[1]}, 1e-6);
      assertTrue(r.passed(), () -> solver + " at t = " + t + ": " + r.message());
    }
  }

  @ParameterizedTest
  @EnumSource(Solver.class)
  void taylorRemainderIsSecondOrder(Solver solver) {
    for (double t : TIMES) {
      double[] g = solver.valueAndDerivative(t);
      TaylorResult r = GradCheck.assertTaylor(integral(solver), new double[] {t}, new double[] {g[1]}, new double[] {1});
      assertEquals(2.0, r.secondOrderRate(), 0.1, () -> solver + " at t = " + t + "\n" + r.table());
    }
  }

  @ParameterizedTest
  @EnumSource(Solver.class)
  void derivativeIsTheExactDerivativeOfTheDiscreteIntegral(Solver solver) {
    double peak = solver.value(Math.PI / 2);
    double scale = 4 * peak; // bounds |dI/dt| = |4 sin^3 cos| I(pi/2)
    for (double t : TIMES) {
      double ad = solver.valueAndDerivative(t)[1];
      assertEquals(PoissonBackprop.exactDerivative(t, peak), ad, PoissonBackprop.EXACT_TOLERANCE * scale,
          solver + " at t = " + t);
    }
  }

  @ParameterizedTest
  @EnumSource(Solver.class)
  void valueOfTheGradientIsTheIntegral(Solver solver) {
    for (double t : TIMES) {
      assertEquals(solver.value(t), solver.valueAndDerivative(t)[0], 0.0, solver + " at t = " + t);
    }
  }

  @ParameterizedTest
  @EnumSource(Solver.class)
  void sweepOverACoarseGridMeetsTheExamplesTolerances(Solver solver) {
    double[] t = new double[64];
    for (int k = 0; k < t.length; k++) {
      t[k] = 0.1 * k;
    }
    Sweep s = PoissonBackprop.sweep(solver, t);
    assertTrue(s.centralDifferenceError() <= PoissonBackprop.CENTRAL_DIFFERENCE_TOLERANCE, () -> "" + s.centralDifferenceError());
    assertTrue(s.exactError() <= PoissonBackprop.EXACT_TOLERANCE, () -> "" + s.exactError());
  }

  @Test
  void aWrongDerivativeFailsTheChecks() {
    double t = 1.0;
    double wrong = Solver.SPECTRAL.valueAndDerivative(t)[1] * (1 + 1e-4);
    assertFalse(GradCheck.check(integral(Solver.SPECTRAL), new double[] {t}, new double[] {wrong}, 1e-6).passed());
    assertFalse(GradCheck.taylor(integral(Solver.SPECTRAL), new double[] {t}, new double[] {wrong}, new double[] {1})
        .isSecondOrder());
  }

  // ---------------------------------------------------------------- the solvers' pullbacks, as rules

  private static Function<double[], double[]> solve(Solver solver) {
    switch (solver) {
      case SPECTRAL:
        return y -> PoissonSolvers.solveSpectral(y, NX, LX);
      case SPECTRAL_REAL:
        return y -> PoissonSolvers.solveSpectralReal(y, NX, LX);
      default:
        return y -> PoissonSolvers.solveFiniteDifference(y, NX, LX);
    }
  }

  private static ArrayPullback pullback(Solver solver) {
    switch (solver) {
      case SPECTRAL:
        return (y, dy, yBar) -> PoissonSolversAdjoint.solveSpectralPullbackInto(y, NX, LX, dy, yBar);
      case SPECTRAL_REAL:
        return (y, dy, yBar) -> PoissonSolversAdjoint.solveSpectralRealPullbackInto(y, NX, LX, dy, yBar);
      default:
        return (y, dy, yBar) -> PoissonSolversAdjoint.solveFiniteDifferencePullbackInto(y, NX, LX, dy, yBar);
    }
  }

  /** Against central differences, and the ABI: it adds into yBar and leaves y and dy unchanged. */
  @ParameterizedTest
  @EnumSource(Solver.class)
  void solverPullbackMatchesCentralDifferencesAndKeepsTheAbi(Solver solver) {
    double[] rho = PoissonSolvers.density(0.7, NX);
    RuleCheckResult r = RuleCheck.check(solve(solver), pullback(solver), rho);
    assertTrue(r.passed(), r::message);
  }

  /** The solvers are linear in y, so their pullbacks are their adjoints: the dot-product test is exact. */
  @ParameterizedTest
  @EnumSource(Solver.class)
  void solverPullbackPassesTheDotProductTest(Solver solver) {
    double[] y = new double[NX];
    DotProductResult r = RuleCheck.dotProduct(solve(solver), pullback(solver), y, new Random(11));
    assertTrue(r.within(1e-12), r::toString);
  }

  /** The finite-difference system pins phi_0 = 0 and ignores y_0, so y_0 gets a zero adjoint. */
  @Test
  void pinnedEntryHasAZeroAdjoint() {
    double[] y = PoissonSolvers.density(1.2, NX);
    double[] dy = new double[NX];
    java.util.Arrays.fill(dy, 1.0);
    double[] yBar = PoissonSolversAdjoint.solveFiniteDifferencePullback(y, NX, LX, dy).y();
    assertEquals(0.0, yBar[0], 0.0);
    assertTrue(Math.abs(yBar[1]) > 0);
  }

  /** The gradient of sum(phi^2) with respect to rho, through the generated pullback of each solver. */
  @ParameterizedTest
  @EnumSource(Solver.class)
  void gradientWithRespectToTheDensityMatchesCentralDifferences(Solver solver) {
    double[] rho = PoissonSolvers.density(2.0, NX);
    double[] phi = solve(solver).apply(rho);
    double[] seed = new double[NX];
    for (int i = 0; i < NX; i++) {
      seed[i] = 2 * phi[i];
    }
    double[] g = new double[NX];
    pullback(solver).accumulate(rho, seed, g);
    GradientCheckResult r = GradCheck.check(v -> {
      double s = 0;
      for (double p : solve(solver).apply(v)) {
        s += p * p;
      }
      return s;
    }, rho, g, 1e-6);
    assertTrue(r.passed(), r::message);
  }

  // ---------------------------------------------------------------- the solvers themselves

  @Test
  void spectralSolversReproduceTheManufacturedSolution() {
    double[] rho = PoissonSolvers.density(1.0, NX);
    double[] exact = PoissonSolvers.exactSolution(1.0, NX);
    assertArrayEquals(exact, PoissonSolvers.solveSpectral(rho, NX, LX), 1e-13);
    assertArrayEquals(exact, PoissonSolvers.solveSpectralReal(rho, NX, LX), 1e-13);
  }

  @Test
  void realAndComplexSpectralDerivativesAgree() {
    for (double t : TIMES) {
      assertEquals(Solver.SPECTRAL.valueAndDerivative(t)[1], Solver.SPECTRAL_REAL.valueAndDerivative(t)[1], 1e-13,
          "t = " + t);
    }
  }

  /** Second order: doubling Nx divides the error by about 4. */
  @Test
  void finiteDifferenceSolverConvergesAtSecondOrder() {
    double e128 = finiteDifferenceError(128);
    double e256 = finiteDifferenceError(256);
    double order = Math.log(e128 / e256) / Math.log(2);
    assertEquals(2.0, order, 0.1, "errors " + e128 + ", " + e256);
    assertTrue(e128 <= PoissonBackprop.FD_SOLUTION_TOLERANCE, "error " + e128);
  }

  private static double finiteDifferenceError(int nx) {
    double[] phi = PoissonSolvers.solveFiniteDifference(PoissonSolvers.density(1.0, nx), nx, LX);
    double mean = 0;
    for (double v : phi) {
      mean += v / nx;
    }
    double[] exact = PoissonSolvers.exactSolution(1.0, nx);
    double worst = 0;
    for (int i = 0; i < nx; i++) {
      worst = Math.max(worst, Math.abs(phi[i] - mean - exact[i]));
    }
    return worst / PoissonBackprop.maxAbs(exact);
  }

  @Test
  void finiteDifferenceSolutionIsPinnedAtTheFirstPoint() {
    double[] phi = PoissonSolvers.solveFiniteDifference(PoissonSolvers.density(1.0, NX), NX, LX);
    assertEquals(0.0, phi[0], 1e-15);
  }

  @Test
  void solversLeaveTheirInputUnchanged() {
    double[] rho = PoissonSolvers.density(0.9, NX);
    double[] copy = rho.clone();
    PoissonSolvers.solveSpectral(rho, NX, LX);
    PoissonSolvers.solveSpectralReal(rho, NX, LX);
    PoissonSolvers.solveFiniteDifference(rho, NX, LX);
    assertArrayEquals(copy, rho, 0.0);
  }

  @Test
  void theTimeGridIsThePostsRange() {
    double[] t = PoissonBackprop.times();
    assertEquals(629, t.length);
    assertEquals(0.0, t[0]);
    assertEquals(6.28, t[t.length - 1], 1e-12);
  }
}
