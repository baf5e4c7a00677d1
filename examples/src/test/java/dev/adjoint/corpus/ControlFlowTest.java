package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ControlFlowTest {

  @Test
  void everyArmOfAnIfElseChainReturns() {
    double[][] points = {{1.2, 0.3}, {0.2, 0.9}, {-0.8, 0.3}};
    for (double[] p : points) {
      var g = ControlFlowAdjoint.branchesGradient(p[0], p[1]);
      assertEquals(ControlFlow.branches(p[0], p[1]), g.value());
      Checks.gradient(v -> ControlFlow.branches(v[0], v[1]), p, Flat.of(g.x(), g.y()));
    }
    Checks.rejectsNaNSeed(() -> ControlFlowAdjoint.branchesPullback(1.2, 0.3, Double.NaN));
  }

  @Test
  void ifWithoutElseOverwritesTheResult() {
    for (double r : new double[] {0.4, -2.5, 3.1}) {
      double delta = 1.5;
      var g = ControlFlowAdjoint.huberGradient(r, delta);
      assertEquals(ControlFlow.huber(r, delta), g.value());
      Checks.gradient(v -> ControlFlow.huber(v[0], v[1]), Flat.of(r, delta), Flat.of(g.r(), g.delta()));
    }
    Checks.rejectsNaNSeed(() -> ControlFlowAdjoint.huberPullback(0.4, 1.5, Double.NaN));
  }

  @Test
  void nestedTernariesSelectedByAnIntegralMode() {
    for (int mode = 0; mode <= 4; mode++) {
      final int m = mode;
      double x = 1.3;
      double y = 0.6;
      var g = ControlFlowAdjoint.modesGradient(x, y, m);
      assertEquals(ControlFlow.modes(x, y, m), g.value());
      Checks.gradient(v -> ControlFlow.modes(v[0], v[1], m), Flat.of(x, y), Flat.of(g.x(), g.y()));
    }
    Checks.rejectsNaNSeed(() -> ControlFlowAdjoint.modesPullback(1.3, 0.6, 0, Double.NaN));
  }

  @Test
  void booleanParametersAndLocals() {
    double x = -0.75;
    for (boolean square : new boolean[] {false, true}) {
      for (boolean negate : new boolean[] {false, true}) {
        var g = ControlFlowAdjoint.flagsGradient(x, square, negate);
        assertEquals(ControlFlow.flags(x, square, negate), g.value());
        Checks.gradient(v -> ControlFlow.flags(v[0], square, negate), Flat.of(x), Flat.of(g.x()));
      }
    }
    Checks.rejectsNaNSeed(() -> ControlFlowAdjoint.flagsPullback(x, true, false, Double.NaN));
  }

  @Test
  void returnFromInsideANestedLoop() {
    Random rnd = new Random(31);
    double[][] m = Checks.uniform(rnd, 4, 3, -1, 1);
    Object[] before = Checks.snapshot((Object) m);
    // 1.7 stops in some row; 100 is never reached, so the last return runs.
    for (double threshold : new double[] {1.7, 100}) {
      var g = ControlFlowAdjoint.firstHeavyRowGradient(m, threshold);
      Checks.assertUnchanged(before, (Object) m);
      assertEquals(ControlFlow.firstHeavyRow(m, threshold), g.value());
      Checks.gradient(v -> {
        var r = Flat.read(v);
        return ControlFlow.firstHeavyRow(r.mat(4, 3), r.scalar());
      }, Flat.of(m, threshold), Flat.of(g.m(), g.threshold()));
    }
    Checks.rejectsNaNSeed(() -> ControlFlowAdjoint.firstHeavyRowPullback(m, 1.7, Double.NaN));
  }

  @Test
  void piecewisePolynomialOnEachPiece() {
    for (double x : new double[] {-0.6, 0.4, 2.2}) {
      var g = ControlFlowAdjoint.splineGradient(x);
      assertEquals(ControlFlow.spline(x), g.value());
      Checks.gradient(v -> ControlFlow.spline(v[0]), Flat.of(x), Flat.of(g.x()));
    }
    Checks.rejectsNaNSeed(() -> ControlFlowAdjoint.splinePullback(0.4, Double.NaN));
  }

  /** Either branch of a conditional initializer, in each mode: the other branch's entries are not read. */
  @Test
  void anInitializerOnOneBranchIsDifferentiatedOnlyThere() {
    double[] a = {0.7, -1.1, 0.4};
    double[][] dirs = {{0.3, -0.2, 0.9}, {-1, 0.5, 0.25}};
    for (int i : new int[] {1, a.length}) {
      final int at = i;
      var g = ControlFlowAdjoint.guardedPairGradient(a, i);
      assertEquals(ControlFlow.guardedPair(a, i), g.value());
      Checks.gradient(v -> ControlFlow.guardedPair(v, at), a, g.a());
      var many = ControlFlowAdjoint.guardedPairTangents(a, i, dirs);
      for (int d = 0; d < dirs.length; d++) {
        double along = 0;
        for (int k = 0; k < a.length; k++) {
          along += g.a()[k] * dirs[d][k];
        }
        assertEquals(along, ControlFlowAdjoint.guardedPairTangent(a, i, dirs[d]).tangent(), 1e-12);
        assertEquals(ControlFlowAdjoint.guardedPairTangent(a, i, dirs[d]).tangent(), many.tangents()[d], 0.0);
      }
    }
  }
}
