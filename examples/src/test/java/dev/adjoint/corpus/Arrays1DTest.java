package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Arrays1DTest {
  private final Random rnd = new Random(1001);

  @Test
  void dotProductGradientIsTheOtherVector() {
    double[] a = Checks.uniform(rnd, 6, -1, 1);
    double[] b = Checks.uniform(rnd, 6, -1, 1);
    Object[] before = Checks.snapshot(a, b);
    var g = Arrays1DAdjoint.dotGradient(a, b);
    Checks.assertUnchanged(before, a, b);
    assertEquals(Arrays1D.dot(a, b), g.value());
    Checks.gradient(v -> {
      var r = Flat.read(v);
      return Arrays1D.dot(r.vec(6), r.vec(6));
    }, Flat.of(a, b), Flat.of(g.a(), g.b()));
    assertArrayEquals(b, g.a(), 1e-12);
    assertArrayEquals(a, g.b(), 1e-12);
    Checks.rejectsNaNSeed(() -> Arrays1DAdjoint.dotPullback(a, b, Double.NaN));
  }

  @Test
  void gradientArraysAreFreshAndOfTheSameShape() {
    double[] a = Checks.uniform(rnd, 5, -1, 1);
    double[] b = Checks.uniform(rnd, 5, -1, 1);
    var g1 = Arrays1DAdjoint.dotGradient(a, b);
    var g2 = Arrays1DAdjoint.dotGradient(a, b);
    assertEquals(a.length, g1.a().length);
    assertEquals(b.length, g1.b().length);
    org.junit.jupiter.api.Assertions.assertNotSame(a, g1.a());
    org.junit.jupiter.api.Assertions.assertNotSame(b, g1.b());
    org.junit.jupiter.api.Assertions.assertNotSame(g1.a(), g2.a());
  }

  @Test
  void enhancedForNorm() {
    double[] a = Checks.uniform(rnd, 7, -2, 2);
    Object[] before = Checks.snapshot(a);
    var g = Arrays1DAdjoint.normGradient(a);
    Checks.assertUnchanged(before, a);
    assertEquals(Arrays1D.norm(a), g.value());
    Checks.gradient(v -> Arrays1D.norm(v), a.clone(), g.a());
    Checks.rejectsNaNSeed(() -> Arrays1DAdjoint.normPullback(a, Double.NaN));
  }

  @Test
  void arrayResultPullbackWithArraySeed() {
    double[] a = Checks.uniform(rnd, 6, -1, 1);
    double x = 0.85;
    double[] seed = Checks.gaussian(rnd, 6);
    Object[] before = Checks.snapshot(a, seed);
    var p = Arrays1DAdjoint.prefixSumsPullback(a, x, seed);
    Checks.assertUnchanged(before, a, seed);
    assertArrayEquals(Arrays1D.prefixSums(a, x), p.value());
    Checks.pullback(v -> {
      var r = Flat.read(v);
      return Arrays1D.prefixSums(r.vec(6), r.scalar());
    }, Flat.of(a, x), seed, Flat.of(p.a(), p.x()), 41);
    double[] nan = seed.clone();
    nan[2] = Double.NaN;
    Checks.rejectsNaNSeed(() -> Arrays1DAdjoint.prefixSumsPullback(a, x, nan));
  }

  @Test
  void backwardsLoopHorner() {
    double[] c = Checks.uniform(rnd, 5, -1, 1);
    double x = -0.6;
    Object[] before = Checks.snapshot(c);
    var g = Arrays1DAdjoint.hornerGradient(c, x);
    Checks.assertUnchanged(before, c);
    assertEquals(Arrays1D.horner(c, x), g.value());
    Checks.gradient(v -> {
      var r = Flat.read(v);
      return Arrays1D.horner(r.vec(5), r.scalar());
    }, Flat.of(c, x), Flat.of(g.coeffs(), g.x()));
    // d/dc_i = x^i.
    for (int i = 0; i < c.length; i++) {
      assertEquals(Math.pow(x, i), g.coeffs()[i], 1e-12);
    }
    Checks.rejectsNaNSeed(() -> Arrays1DAdjoint.hornerPullback(c, x, Double.NaN));
  }

  @Test
  void logSumExpThroughALocalArray() {
    double[] a = Checks.uniform(rnd, 6, -2, 2);
    double[] w = Checks.uniform(rnd, 6, 0.5, 1.5);
    Object[] before = Checks.snapshot(a, w);
    var g = Arrays1DAdjoint.logSumExpGradient(a, w);
    Checks.assertUnchanged(before, a, w);
    assertEquals(Arrays1D.logSumExp(a, w), g.value());
    Checks.gradient(v -> {
      var r = Flat.read(v);
      return Arrays1D.logSumExp(r.vec(6), r.vec(6));
    }, Flat.of(a, w), Flat.of(g.a(), g.w()));
    Checks.taylor(v -> {
      var r = Flat.read(v);
      return Arrays1D.logSumExp(r.vec(6), r.vec(6));
    }, Flat.of(a, w), Flat.of(g.a(), g.w()), 42);
    Checks.rejectsNaNSeed(() -> Arrays1DAdjoint.logSumExpPullback(a, w, Double.NaN));
  }

  @Test
  void earlyReturnOfAnArrayElement() {
    double[] a = {0.1, -0.4, 0.9, 1.6, 0.3};
    for (double t : new double[] {0.5, 2.0}) {
      var g = Arrays1DAdjoint.firstAboveGradient(a, t);
      assertEquals(Arrays1D.firstAbove(a, t), g.value());
      Checks.gradient(v -> {
        var r = Flat.read(v);
        return Arrays1D.firstAbove(r.vec(5), r.scalar());
      }, Flat.of(a, t), Flat.of(g.a(), g.t()));
    }
    Checks.rejectsNaNSeed(() -> Arrays1DAdjoint.firstAbovePullback(a, 0.5, Double.NaN));
  }

  @Test
  void localArrayElementsOverwritten() {
    double[] a = Checks.uniform(rnd, 5, -1, 1);
    Object[] before = Checks.snapshot(a);
    var g = Arrays1DAdjoint.localOverwriteGradient(a);
    Checks.assertUnchanged(before, a);
    assertEquals(Arrays1D.localOverwrite(a), g.value());
    Checks.gradient(v -> Arrays1D.localOverwrite(v), a.clone(), g.a());
    Checks.rejectsNaNSeed(() -> Arrays1DAdjoint.localOverwritePullback(a, Double.NaN));
  }

  @Test
  void movingAverageWithIndexHelperPullback() {
    double[] a = Checks.uniform(rnd, 8, -1, 1);
    double[] seed = Checks.gaussian(rnd, 8);
    Object[] before = Checks.snapshot(a);
    var p = Arrays1DAdjoint.movingAveragePullback(a, 2, seed);
    Checks.assertUnchanged(before, a);
    assertArrayEquals(Arrays1D.movingAverage(a, 2), p.value());
    Checks.pullback(v -> Arrays1D.movingAverage(v, 2), a.clone(), seed, p.a(), 43);
    Checks.rejectsNaNSeed(() -> Arrays1DAdjoint.movingAveragePullback(a, 2, new double[] {
        0, 0, 0, Double.NaN, 0, 0, 0, 0}));
  }

  @Test
  void lowerTriangularFormThroughAWorkArray() {
    java.util.Random r = new java.util.Random(77);
    double[] l = Checks.uniform(r, 25, -1, 1);
    double[] x = Checks.uniform(r, 5, -1, 1);
    var g = Arrays1DAdjoint.lowerFormGradient(l, x);
    assertEquals(Arrays1D.lowerForm(l, x), g.value());
    Checks.gradient(v -> {
      var f = Flat.read(v);
      return Arrays1D.lowerForm(f.vec(25), f.vec(5));
    }, Flat.of(l, x), Flat.of(g.l(), g.x()));
  }
}

