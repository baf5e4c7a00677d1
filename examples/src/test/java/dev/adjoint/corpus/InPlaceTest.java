package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InPlaceTest {
  private final Random rnd = new Random(3003);

  /**
   * The low-level ABI of a void method that mutates its argument: aBar holds the adjoint of a's
   * final contents on entry and of its initial contents on exit; s's adjoint is returned; a is
   * left as it was.
   */
  @Test
  void voidMutatorPullbackIntoMapsFinalToInitialAdjoint() {
    double[] a = Checks.uniform(rnd, 5, -1, 1);
    double s = 1.7;
    double[] w = Checks.gaussian(rnd, 5);
    Object[] before = Checks.snapshot(a);
    double[] aBar = w.clone();
    double sBar = InPlaceAdjoint.scaleInPlacePullbackInto(a, s, aBar);
    Checks.assertUnchanged(before, a);
    Checks.gradient(x -> {
      var r = Flat.read(x);
      double[] b = r.vec(5);
      InPlace.scaleInPlace(b, r.scalar());
      return Checks.dot(w, b);
    }, Flat.of(a, s), Flat.of(aBar, sBar));
  }

  /** Adjoint arrays are accumulated into (+=), and a null one is allowed when not needed. */
  @Test
  void pullbackIntoAccumulatesAndAcceptsNull() {
    double[][] g = Checks.uniform(rnd, 3, 4, -1, 1);
    double[] u = Checks.uniform(rnd, 3, -1, 1);
    double[] v = Checks.uniform(rnd, 4, -1, 1);
    double[][] wg = Checks.uniform(rnd, 3, 4, -1, 1);
    double[] uBar0 = Checks.gaussian(rnd, 3);
    double[] vBar0 = Checks.gaussian(rnd, 4);
    Object[] before = Checks.snapshot(g, u, v);
    double[][] gBar = (double[][]) Checks.deepCopy(wg);
    double[] uBar = uBar0.clone();
    double[] vBar = vBar0.clone();
    InPlaceAdjoint.addOuterInPlacePullbackInto(g, u, v, gBar, uBar, vBar);
    Checks.assertUnchanged(before, g, u, v);
    double[] du = new double[3];
    double[] dv = new double[4];
    for (int i = 0; i < 3; i++) {
      du[i] = uBar[i] - uBar0[i];
    }
    for (int j = 0; j < 4; j++) {
      dv[j] = vBar[j] - vBar0[j];
    }
    Checks.gradient(x -> {
      var r = Flat.read(x);
      double[][] gg = r.mat(3, 4);
      InPlace.addOuterInPlace(gg, r.vec(3), r.vec(4));
      return Checks.dot(Flat.of((Object) wg), Flat.of((Object) gg));
    }, Flat.of(g, u, v), Flat.of(gBar, du, dv));

    double[] vOnly = new double[4];
    InPlaceAdjoint.addOuterInPlacePullbackInto(g, u, v, (double[][]) Checks.deepCopy(wg), null, vOnly);
    assertArrayEquals(dv, vOnly, 1e-12);
  }

  @Test
  void gradientOfAFunctionThatMutatesItsParameterLeavesItUnchanged() {
    double[] a = Checks.uniform(rnd, 6, -1, 1);
    Object[] before = Checks.snapshot(a);
    var g = InPlaceAdjoint.smoothParameterGradient(a, 3);
    Checks.assertUnchanged(before, a);
    assertEquals(InPlace.smoothParameter(a.clone(), 3), g.value());
    Checks.gradient(x -> InPlace.smoothParameter(x, 3), a.clone(), g.a());
    Checks.rejectsNaNSeed(() -> InPlaceAdjoint.smoothParameterPullback(a, 3, Double.NaN));
  }

  @Test
  void parameterMutatedThroughVoidCallees() {
    double[] a = Checks.uniform(rnd, 4, -1, 1);
    double s = 0.8;
    Object[] before = Checks.snapshot(a);
    var g = InPlaceAdjoint.scaleThenNormGradient(a, s);
    Checks.assertUnchanged(before, a);
    assertEquals(InPlace.scaleThenNorm(a.clone(), s), g.value());
    Checks.gradient(x -> {
      var r = Flat.read(x);
      return InPlace.scaleThenNorm(r.vec(4), r.scalar());
    }, Flat.of(a, s), Flat.of(g.a(), g.s()));
    Checks.rejectsNaNSeed(() -> InPlaceAdjoint.scaleThenNormPullback(a, s, Double.NaN));
  }

  @Test
  void localReversedBySwappingElements() {
    double[] a = Checks.uniform(rnd, 7, -1, 1);
    double[] w = Checks.uniform(rnd, 7, -1, 1);
    Object[] before = Checks.snapshot(a, w);
    var g = InPlaceAdjoint.reverseLocalGradient(a, w);
    Checks.assertUnchanged(before, a, w);
    assertEquals(InPlace.reverseLocal(a, w), g.value());
    Checks.gradient(x -> {
      var r = Flat.read(x);
      return InPlace.reverseLocal(r.vec(7), r.vec(7));
    }, Flat.of(a, w), Flat.of(g.a(), g.w()));
    Checks.rejectsNaNSeed(() -> InPlaceAdjoint.reverseLocalPullback(a, w, Double.NaN));
  }

  @Test
  void timeSteppingWithSwappedBuffers() {
    double[] u0 = Checks.uniform(rnd, 10, -1, 1);
    double kappa = 0.2;
    for (int steps : new int[] {0, 1, 7}) {
      Object[] before = Checks.snapshot(u0);
      var g = InPlaceAdjoint.heat1DGradient(u0, kappa, steps);
      Checks.assertUnchanged(before, u0);
      assertEquals(InPlace.heat1D(u0, kappa, steps), g.value());
      Checks.gradient(x -> {
        var r = Flat.read(x);
        return InPlace.heat1D(r.vec(10), r.scalar(), steps);
      }, Flat.of(u0, kappa), Flat.of(g.u0(), g.kappa()));
      if (steps == 7) {
        Checks.taylor(x -> {
          var r = Flat.read(x);
          return InPlace.heat1D(r.vec(10), r.scalar(), steps);
        }, Flat.of(u0, kappa), Flat.of(g.u0(), g.kappa()), 61);
      }
    }
    Checks.rejectsNaNSeed(() -> InPlaceAdjoint.heat1DPullback(u0, kappa, 3, Double.NaN));
  }

  @Test
  void twoDimensionalTimeSteppingWithSwappedBuffers() {
    double[][] u0 = Checks.uniform(rnd, 5, 4, -1, 1);
    double alpha = 0.05;
    Object[] before = Checks.snapshot((Object) u0);
    var g = InPlaceAdjoint.heat2DGradient(u0, alpha, 6);
    Checks.assertUnchanged(before, (Object) u0);
    assertEquals(InPlace.heat2D(u0, alpha, 6), g.value());
    Checks.gradient(x -> {
      var r = Flat.read(x);
      return InPlace.heat2D(r.mat(5, 4), r.scalar(), 6);
    }, Flat.of(u0, alpha), Flat.of(g.u0(), g.alpha()));
    Checks.taylor(x -> {
      var r = Flat.read(x);
      return InPlace.heat2D(r.mat(5, 4), r.scalar(), 6);
    }, Flat.of(u0, alpha), Flat.of(g.u0(), g.alpha()), 62);
    Checks.rejectsNaNSeed(() -> InPlaceAdjoint.heat2DPullback(u0, alpha, 6, Double.NaN));
  }

  @Test
  void localMatrixMutatedByVoidCallee() {
    double[] u = Checks.uniform(rnd, 3, -1, 1);
    double[] v = Checks.uniform(rnd, 3, -1, 1);
    Object[] before = Checks.snapshot(u, v);
    var g = InPlaceAdjoint.gramEnergyGradient(u, v);
    Checks.assertUnchanged(before, u, v);
    assertEquals(InPlace.gramEnergy(u, v), g.value());
    Checks.gradient(x -> {
      var r = Flat.read(x);
      return InPlace.gramEnergy(r.vec(3), r.vec(3));
    }, Flat.of(u, v), Flat.of(g.u(), g.v()));
    Checks.rejectsNaNSeed(() -> InPlaceAdjoint.gramEnergyPullback(u, v, Double.NaN));
  }

  /** A nested class's adjoint is {@code Outer_InnerAdjoint}; its void method writes into out. */
  @Test
  void nestedClassVoidStencilPullbackInto() {
    double[] u = Checks.uniform(rnd, 6, -1, 1);
    double[] out = Checks.uniform(rnd, 6, -1, 1);
    double kappa = 0.3;
    double[] wu = Checks.gaussian(rnd, 6);
    double[] wout = Checks.gaussian(rnd, 6);
    Object[] before = Checks.snapshot(u, out);
    double[] uBar = wu.clone();
    double[] outBar = wout.clone();
    double kappaBar = InPlace_StencilAdjoint.stepPullbackInto(u, out, kappa, uBar, outBar);
    Checks.assertUnchanged(before, u, out);
    Checks.gradient(x -> {
      var r = Flat.read(x);
      double[] uu = r.vec(6);
      double[] oo = r.vec(6);
      InPlace.Stencil.step(uu, oo, r.scalar());
      return Checks.dot(wu, uu) + Checks.dot(wout, oo);
    }, Flat.of(u, out, kappa), Flat.of(uBar, outBar, kappaBar));
    // out is overwritten entirely, so its initial contents have no adjoint.
    assertArrayEquals(new double[6], outBar, 0.0);
  }

  @Test
  void nestedClassGradient() {
    double[] u = Checks.uniform(rnd, 6, -1, 1);
    double[] f = Checks.uniform(rnd, 6, -1, 1);
    Object[] before = Checks.snapshot(u, f);
    var g = InPlace_StencilAdjoint.residualGradient(u, f);
    Checks.assertUnchanged(before, u, f);
    assertEquals(InPlace.Stencil.residual(u, f), g.value());
    Checks.gradient(x -> {
      var r = Flat.read(x);
      return InPlace.Stencil.residual(r.vec(6), r.vec(6));
    }, Flat.of(u, f), Flat.of(g.u(), g.f()));
    Checks.rejectsNaNSeed(() -> InPlace_StencilAdjoint.residualPullback(u, f, Double.NaN));
  }

  @Test
  void workArrayFilledEveryIteration() {
    double[] x = Checks.uniform(rnd, 6, -1, 1);
    var g = InPlaceAdjoint.workArraySweepsGradient(x, 4);
    assertEquals(InPlace.workArraySweeps(x, 4), g.value());
    Checks.gradient(v -> InPlace.workArraySweeps(v, 4), x.clone(), g.x());
    Checks.taylor(v -> InPlace.workArraySweeps(v, 4), x.clone(), g.x(), 31);
  }

  @Test
  void callersWorkArrayIsLeftAsFound() {
    double[] x = Checks.uniform(rnd, 5, -1, 1);
    double[] w = Checks.uniform(rnd, 5, -1, 1);
    Object[] before = Checks.snapshot(x, w);
    var g = InPlaceAdjoint.callerWorkArraySweepsGradient(x, w, 3);
    Checks.assertUnchanged(before, x, w);
    assertEquals(InPlace.callerWorkArraySweeps(x, w.clone(), 3), g.value());
    Checks.gradient(v -> InPlace.callerWorkArraySweeps(v, w.clone(), 3), x.clone(), g.x());
  }

  @Test
  void recurrenceOverTheWorkArray() {
    double[] x = Checks.uniform(rnd, 6, -1, 1);
    var g = InPlaceAdjoint.recurrenceSweepsGradient(x, 3);
    assertEquals(InPlace.recurrenceSweeps(x, 3), g.value());
    Checks.gradient(v -> InPlace.recurrenceSweeps(v, 3), x.clone(), g.x());
  }

  @Test
  void rungeKuttaStagesThroughAWorkArray() {
    double[] x = Checks.uniform(rnd, 6, -1, 1);
    var g = InPlaceAdjoint.heunStepsGradient(x, 5);
    assertEquals(InPlace.heunSteps(x, 5), g.value());
    Checks.gradient(v -> InPlace.heunSteps(v, 5), x.clone(), g.x());
    Checks.taylor(v -> InPlace.heunSteps(v, 5), x.clone(), g.x(), 37);
  }
}

