package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScalarMathTest {

  @Test
  void polynomialWithConstantsAndUnaryMinus() {
    double x = 0.7;
    double y = -1.3;
    var g = ScalarMathAdjoint.polynomialGradient(x, y);
    assertEquals(ScalarMath.polynomial(x, y), g.value());
    Checks.gradient(v -> ScalarMath.polynomial(v[0], v[1]), Flat.of(x, y), Flat.of(g.x(), g.y()));
    Checks.rejectsNaNSeed(() -> ScalarMathAdjoint.polynomialPullback(x, y, Double.NaN));
  }

  @Test
  void polynomialGradientMatchesTheAnalyticFormula() {
    // d/dx (3x^2 y - x/y + 2.5y + x + 0.5) = 6xy - 1/y + 1; d/dy = 3x^2 + x/y^2 + 2.5.
    double x = 0.7;
    double y = -1.3;
    var g = ScalarMathAdjoint.polynomialGradient(x, y);
    assertEquals(6 * x * y - 1 / y + 1, g.x(), 1e-12);
    assertEquals(3 * x * x + x / (y * y) + 2.5, g.y(), 1e-12);
  }

  @Test
  void pullbackScalesTheGradientBySeed() {
    double x = 0.4;
    double y = 0.9;
    var g = ScalarMathAdjoint.trigGradient(x, y);
    var p = ScalarMathAdjoint.trigPullback(x, y, -2.5);
    assertEquals(g.value(), p.value());
    assertEquals(-2.5 * g.x(), p.x(), 1e-12 * Math.abs(g.x()));
    assertEquals(-2.5 * g.y(), p.y(), 1e-12 * Math.abs(g.y()));
  }

  @Test
  void fusedMultiplyAdd() {
    double x = 0.7;
    double y = -1.3;
    var g = ScalarMathAdjoint.fusedGradient(x, y);
    assertEquals(ScalarMath.fused(x, y), g.value());
    double p = (0.5 * x - 1) * x + y;
    assertEquals(2 * p * (x - 1) + 2 * y + 1, g.x(), 1e-14);
    assertEquals(2 * p + 2 * x, g.y(), 1e-14);
    Checks.gradient(v -> ScalarMath.fused(v[0], v[1]), Flat.of(x, y), Flat.of(g.x(), g.y()));
    Checks.taylor(v -> ScalarMath.fused(v[0], v[1]), Flat.of(x, y), Flat.of(g.x(), g.y()), 13);
  }

  @Test
  void trigonometry() {
    double x = 0.4;
    double y = 0.9;
    var g = ScalarMathAdjoint.trigGradient(x, y);
    assertEquals(ScalarMath.trig(x, y), g.value());
    Checks.gradient(v -> ScalarMath.trig(v[0], v[1]), Flat.of(x, y), Flat.of(g.x(), g.y()));
    Checks.taylor(v -> ScalarMath.trig(v[0], v[1]), Flat.of(x, y), Flat.of(g.x(), g.y()), 11);
    Checks.rejectsNaNSeed(() -> ScalarMathAdjoint.trigPullback(x, y, Double.NaN));
  }

  @Test
  void inverseTrigonometry() {
    double x = 0.3;
    double y = -0.45;
    var g = ScalarMathAdjoint.inverseTrigGradient(x, y);
    assertEquals(ScalarMath.inverseTrig(x, y), g.value());
    Checks.gradient(v -> ScalarMath.inverseTrig(v[0], v[1]), Flat.of(x, y), Flat.of(g.x(), g.y()));
    Checks.rejectsNaNSeed(() -> ScalarMathAdjoint.inverseTrigPullback(x, y, Double.NaN));
  }

  @Test
  void hyperbolicFunctions() {
    double x = 0.8;
    var g = ScalarMathAdjoint.hyperbolicGradient(x);
    assertEquals(ScalarMath.hyperbolic(x), g.value());
    Checks.gradient(v -> ScalarMath.hyperbolic(v[0]), Flat.of(x), Flat.of(g.x()));
    Checks.rejectsNaNSeed(() -> ScalarMathAdjoint.hyperbolicPullback(x, Double.NaN));
  }

  @Test
  void exponentialsAndLogarithms() {
    double x = 0.6;
    double y = 1.7;
    var g = ScalarMathAdjoint.expLogGradient(x, y);
    assertEquals(ScalarMath.expLog(x, y), g.value());
    Checks.gradient(v -> ScalarMath.expLog(v[0], v[1]), Flat.of(x, y), Flat.of(g.x(), g.y()));
    Checks.taylor(v -> ScalarMath.expLog(v[0], v[1]), Flat.of(x, y), Flat.of(g.x(), g.y()), 12);
    Checks.rejectsNaNSeed(() -> ScalarMathAdjoint.expLogPullback(x, y, Double.NaN));
  }

  @Test
  void powersRootsAndHypot() {
    double x = 1.3;
    double y = 0.8;
    var g = ScalarMathAdjoint.powersAndRootsGradient(x, y);
    assertEquals(ScalarMath.powersAndRoots(x, y), g.value());
    Checks.gradient(v -> ScalarMath.powersAndRoots(v[0], v[1]), Flat.of(x, y), Flat.of(g.x(), g.y()));
    Checks.taylor(v -> ScalarMath.powersAndRoots(v[0], v[1]), Flat.of(x, y), Flat.of(g.x(), g.y()), 13);
    Checks.rejectsNaNSeed(() -> ScalarMathAdjoint.powersAndRootsPullback(x, y, Double.NaN));
  }

  @Test
  void piecewiseConstantRulesContributeNothing() {
    // floor(1.37) = 1, ceil(-0.6) = -0, rint(-0.822) = -1, signum(1.97) = 1: far from every jump.
    double x = 1.37;
    double y = -0.6;
    var g = ScalarMathAdjoint.piecewiseGradient(x, y);
    assertEquals(ScalarMath.piecewise(x, y), g.value());
    Checks.gradient(v -> ScalarMath.piecewise(v[0], v[1]), Flat.of(x, y), Flat.of(g.x(), g.y()));
    // Analytic, to show that floor, ceil, rint and signum add no terms:
    // a = |x| y + min(x, y) max(x^2, y) = x y + y x^2, b = floor(x) y + ceil(y) x + rint(xy), sign = 1.
    assertEquals(y + 2 * x * y + 0 + 2 * x, g.x(), 1e-11);
    assertEquals(x + x * x + 1, g.y(), 1e-11);
    Checks.rejectsNaNSeed(() -> ScalarMathAdjoint.piecewisePullback(x, y, Double.NaN));
  }

  @Test
  void strictMathHasTheSameRules() {
    double x = 0.5;
    double y = 1.2;
    var g = ScalarMathAdjoint.strictGradient(x, y);
    assertEquals(ScalarMath.strict(x, y), g.value());
    Checks.gradient(v -> ScalarMath.strict(v[0], v[1]), Flat.of(x, y), Flat.of(g.x(), g.y()));
    Checks.taylor(v -> ScalarMath.strict(v[0], v[1]), Flat.of(x, y), Flat.of(g.x(), g.y()), 14);
    Checks.rejectsNaNSeed(() -> ScalarMathAdjoint.strictPullback(x, y, Double.NaN));
  }

  @Test
  void overwrittenVarLocalsAndParameter() {
    double x = 0.9;
    var g = ScalarMathAdjoint.overwriteGradient(x);
    assertEquals(ScalarMath.overwrite(x), g.value());
    Checks.gradient(v -> ScalarMath.overwrite(v[0]), Flat.of(x), Flat.of(g.x()));
    Checks.taylor(v -> ScalarMath.overwrite(v[0]), Flat.of(x), Flat.of(g.x()), 15);
    Checks.rejectsNaNSeed(() -> ScalarMathAdjoint.overwritePullback(x, Double.NaN));
  }

  @Test
  void compoundAssignmentsAndIncrements() {
    double x = 0.6;
    double y = 1.1;
    var g = ScalarMathAdjoint.compoundGradient(x, y);
    assertEquals(ScalarMath.compound(x, y), g.value());
    Checks.gradient(v -> ScalarMath.compound(v[0], v[1]), Flat.of(x, y), Flat.of(g.x(), g.y()));
    Checks.taylor(v -> ScalarMath.compound(v[0], v[1]), Flat.of(x, y), Flat.of(g.x(), g.y()), 16);
    Checks.rejectsNaNSeed(() -> ScalarMathAdjoint.compoundPullback(x, y, Double.NaN));
  }

  @Test
  void ternariesAndCastsTakeEitherArm() {
    double x = 0.83;
    var g1 = ScalarMathAdjoint.ternaryAndCastsGradient(x, 3, 4L, true);
    assertEquals(ScalarMath.ternaryAndCasts(x, 3, 4L, true), g1.value());
    Checks.gradient(v -> ScalarMath.ternaryAndCasts(v[0], 3, 4L, true), Flat.of(x), Flat.of(g1.x()));
    var g2 = ScalarMathAdjoint.ternaryAndCastsGradient(x, 2, 12L, false);
    assertEquals(ScalarMath.ternaryAndCasts(x, 2, 12L, false), g2.value());
    Checks.gradient(v -> ScalarMath.ternaryAndCasts(v[0], 2, 12L, false), Flat.of(x), Flat.of(g2.x()));
    assertEquals(java.util.List.of("value", "x"), Checks.components(ScalarMathAdjoint.TernaryAndCastsGradient.class),
        "int, long and boolean parameters get no component");
    Checks.rejectsNaNSeed(() -> ScalarMathAdjoint.ternaryAndCastsPullback(x, 3, 4L, true, Double.NaN));
  }

  @Test
  void comparisonsAndLogicalOperatorsPickTheBranch() {
    double[][] points = {{0.3, 0.9}, {1.5, 0.4}, {0.5, 0.55}, {-0.7, 0.2}};
    for (double[] p : points) {
      double x = p[0];
      double y = p[1];
      var g = ScalarMathAdjoint.comparisonsAndLogicGradient(x, y);
      assertEquals(ScalarMath.comparisonsAndLogic(x, y), g.value());
      Checks.gradient(v -> ScalarMath.comparisonsAndLogic(v[0], v[1]), Flat.of(x, y), Flat.of(g.x(), g.y()));
    }
    Checks.rejectsNaNSeed(() -> ScalarMathAdjoint.comparisonsAndLogicPullback(0.3, 0.9, Double.NaN));
  }
}
