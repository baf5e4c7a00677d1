package dev.adjoint.examples.joli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.examples.joli.JoliDataFitting.Problem;
import dev.adjoint.runtime.check.DotProductResult;
import dev.adjoint.runtime.check.GradCheck;
import dev.adjoint.runtime.check.GradientCheckResult;
import dev.adjoint.runtime.check.RuleCheck;
import dev.adjoint.runtime.check.RuleCheckResult;
import dev.adjoint.runtime.check.TaylorResult;
import dev.adjoint.runtime.linop.LinearOperator;
import dev.adjoint.runtime.optim.Result;
import dev.adjoint.runtime.optim.Status;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JoliDataFittingTest {
  private static final Problem P = JoliDataFitting.problem(JoliDataFitting.SEED);

  private static ToDoubleFunction<double[]> loss(Problem p) {
    return x -> JoliDataFitting.loss(p.a(), x.clone(), p.b());
  }

  @ParameterizedTest
  @ValueSource(longs = {JoliDataFitting.SEED, 1, 2, 3})
  void gradientMatchesTheAnalyticFormula(long seed) {
    Problem p = JoliDataFitting.problem(seed);
    double[] ad = JoliDataFitting.gradient(p.a(), p.x0(), p.b());
    double[] exact = JoliDataFitting.analyticGradient(p.a(), p.x0(), p.b());
    double relative = JoliDataFitting.distance(ad, exact) / JoliDataFitting.norm(exact);
    assertTrue(relative <= JoliDataFitting.GRADIENT_TOLERANCE, "relative error " + relative);
  }

  @Test
  void gradientMatchesCentralDifferences() {
    double[] g = JoliDataFitting.gradient(P.a(), P.x0(), P.b());
    // The loss is about 200, so the differences' rounding error is about ε 200 / h = 7e-9 per
    // component: 1e-6 in GradCheck's measure, whose floor is 1e-3 of the largest component.
    GradientCheckResult r = GradCheck.check(loss(P), P.x0(), g, 1e-6);
    assertTrue(r.passed(), r::message);
  }

  @Test
  void taylorRemainderIsSecondOrder() {
    double[] g = JoliDataFitting.gradient(P.a(), P.x0(), P.b());
    double[] d = JoliDataFitting.gaussian(JoliDataFitting.N, new Random(5));
    TaylorResult r = GradCheck.assertTaylor(loss(P), P.x0(), g, d);
    assertEquals(2.0, r.secondOrderRate(), 0.1, r::table);
    assertEquals(1.0, r.firstOrderRate(), 0.1, r::table);
  }

  @Test
  void aWrongGradientFailsTheChecks() {
    double[] g = JoliDataFitting.gradient(P.a(), P.x0(), P.b());
    g[17] += 1e-3 * JoliDataFitting.norm(g);
    assertFalse(GradCheck.check(loss(P), P.x0(), g, 1e-6).passed());
    double[] d = JoliDataFitting.gaussian(JoliDataFitting.N, new Random(5));
    assertFalse(GradCheck.taylor(loss(P), P.x0(), g, d).isSecondOrder());
  }

  @Test
  void gradientComesWithTheLossAndLeavesTheArgumentsUnchanged() {
    double[] x0 = P.x0().clone();
    double[] b = P.b().clone();
    JoliDataFittingAdjoint.LossGradient g = JoliDataFittingAdjoint.lossGradient(P.a(), x0, b);
    assertEquals(JoliDataFitting.loss(P.a(), x0, b), g.value());
    assertArrayEquals(P.x0(), x0, 0.0);
    assertArrayEquals(P.b(), b, 0.0);
  }

  @Test
  void pullbackScalesWithTheSeed() {
    double[] g = JoliDataFitting.gradient(P.a(), P.x0(), P.b());
    double[] g3 = JoliDataFittingAdjoint.lossPullback(P.a(), P.x0(), P.b(), 3.0).x();
    for (int i = 0; i < g.length; i++) {
      assertEquals(3 * g[i], g3[i], 1e-13 * Math.abs(g3[i]) + 1e-14);
    }
  }

  @Test
  void theOperatorRuleRunsOncePerGradient() {
    CountingOperator counting = new CountingOperator(P.a());
    JoliDataFittingAdjoint.lossGradient(counting, P.x0(), P.b());
    assertEquals(1, counting.forwardCount(), "A applied once, in the forward sweep");
    assertEquals(1, counting.adjointCount(), "A' applied once, by the LinearOperator.apply rule");
  }

  @Test
  void operatorPassesTheDotProductTestAndIsUnitary() {
    LinearOperator a = P.a();
    DotProductResult dot = GradCheck.dotProduct(a::apply, a::applyAdjoint, a.domainLength(), new Random(7));
    assertTrue(dot.within(JoliDataFitting.DOT_TOLERANCE), dot::toString);
    assertEquals(2 * JoliDataFitting.N, a.rangeLength(), "128 complex measurements, interleaved");
    double[] u = JoliDataFitting.gaussian(JoliDataFitting.N, new Random(8));
    assertArrayEquals(u, a.applyAdjoint(a.apply(u)), 1e-13);
  }

  @Test
  void applyRuleMatchesCentralDifferencesAndItsDotProductTest() {
    LinearOperator a = P.a();
    double[] x = JoliDataFitting.gaussian(JoliDataFitting.N, new Random(9));
    RuleCheckResult r = RuleCheck.check(a::apply, (v, dy, vBar) -> LinearOperator.applyPullback(a, v, dy, vBar), x);
    assertTrue(r.passed(), r::message);
    DotProductResult dot = RuleCheck.dotProduct(a::apply,
        (v, dy, vBar) -> LinearOperator.applyPullback(a, v, dy, vBar), x, new Random(10));
    assertTrue(dot.within(JoliDataFitting.DOT_TOLERANCE), dot::toString);
  }

  /** As Optim.jl in the tutorial: one iteration, 3 f calls, 2 gradient calls. */
  @Test
  void conjugateGradientsConvergeInOneIterationWithTheTutorialsCounts() {
    Result r = JoliDataFitting.fit(P, null);
    assertEquals(Status.CONVERGED, r.status(), r::summary);
    assertEquals(1, r.iterations(), r::summary);
    assertEquals(3, r.fCalls(), r::summary);
    assertEquals(2, r.gCalls(), r::summary);
    assertTrue(r.gradientNorm() <= JoliDataFitting.G_TOL, r::summary);
    assertTrue(r.objective() < r.initialObjective(), r::summary);
    for (int i = 0; i < JoliDataFitting.N; i++) {
      assertEquals(P.x()[i] / 2, r.minimizer()[i], JoliDataFitting.MINIMIZER_TOLERANCE);
    }
  }

  /** The optimum is |x|^2 / 4: at x/2 both terms are |x|^2 / 8, because A'A = I. */
  @Test
  void finalObjectiveIsAQuarterOfTheSignalsEnergy() {
    Result r = JoliDataFitting.fit(P, null);
    double energy = JoliDataFitting.norm(P.x()) * JoliDataFitting.norm(P.x());
    assertEquals(energy / 4, r.objective(), 1e-12 * energy);
  }
}
