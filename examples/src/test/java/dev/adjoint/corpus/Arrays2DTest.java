package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Arrays2DTest {
  private final Random rnd = new Random(2002);

  @Test
  void matrixVectorProductPullback() {
    double[][] m = Checks.uniform(rnd, 3, 4, -1, 1);
    double[] v = Checks.uniform(rnd, 4, -1, 1);
    double[] seed = Checks.gaussian(rnd, 3);
    Object[] before = Checks.snapshot(m, v);
    var p = Arrays2DAdjoint.matVecPullback(m, v, seed);
    Checks.assertUnchanged(before, m, v);
    assertArrayEquals(Arrays2D.matVec(m, v), p.value());
    Checks.pullback(x -> {
      var r = Flat.read(x);
      return Arrays2D.matVec(r.mat(3, 4), r.vec(4));
    }, Flat.of(m, v), seed, Flat.of(p.m(), p.v()), 51);
    // The pullback of y = M v with seed s is (s v^T, M^T s).
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(seed[i] * v[j], p.m()[i][j], 1e-12);
      }
    }
    Checks.rejectsNaNSeed(() -> Arrays2DAdjoint.matVecPullback(m, v, new double[] {0, Double.NaN, 0}));
  }

  @Test
  void matrixResultPullbackWithMatrixSeed() {
    double[][] a = Checks.uniform(rnd, 3, 2, -1, 1);
    double[][] b = Checks.uniform(rnd, 2, 4, -1, 1);
    double[][] seed = Checks.uniform(rnd, 3, 4, -1, 1);
    Object[] before = Checks.snapshot(a, b, seed);
    var p = Arrays2DAdjoint.matMulPullback(a, b, seed);
    Checks.assertUnchanged(before, a, b, seed);
    double[][] c = Arrays2D.matMul(a, b);
    for (int i = 0; i < c.length; i++) {
      assertArrayEquals(c[i], p.value()[i]);
    }
    assertEquals(2, p.a()[0].length);
    assertEquals(4, p.b()[0].length);
    Checks.pullback(x -> {
      var r = Flat.read(x);
      return Flat.of((Object) Arrays2D.matMul(r.mat(3, 2), r.mat(2, 4)));
    }, Flat.of(a, b), Flat.of((Object) seed), Flat.of(p.a(), p.b()), 52);
    double[][] nan = Checks.uniform(rnd, 3, 4, -1, 1);
    nan[1][3] = Double.NaN;
    Checks.rejectsNaNSeed(() -> Arrays2DAdjoint.matMulPullback(a, b, nan));
  }

  @Test
  void traceAndFrobeniusNorm() {
    double[][] m = Checks.uniform(rnd, 3, 3, -1, 1);
    double scale = 0.35;
    Object[] before = Checks.snapshot((Object) m);
    var g = Arrays2DAdjoint.traceAndFrobeniusGradient(m, scale);
    Checks.assertUnchanged(before, (Object) m);
    assertEquals(Arrays2D.traceAndFrobenius(m, scale), g.value());
    Checks.gradient(x -> {
      var r = Flat.read(x);
      return Arrays2D.traceAndFrobenius(r.mat(3, 3), r.scalar());
    }, Flat.of(m, scale), Flat.of(g.m(), g.scale()));
    Checks.rejectsNaNSeed(() -> Arrays2DAdjoint.traceAndFrobeniusPullback(m, scale, Double.NaN));
  }

  @Test
  void enhancedForOverRaggedRows() {
    double[][] rows = {
        Checks.uniform(rnd, 2, -1, 1), Checks.uniform(rnd, 5, -1, 1), Checks.uniform(rnd, 3, -1, 1)};
    Object[] before = Checks.snapshot((Object) rows);
    var g = Arrays2DAdjoint.sumOfRowNormsGradient(rows);
    Checks.assertUnchanged(before, (Object) rows);
    assertEquals(Arrays2D.sumOfRowNorms(rows), g.value());
    for (int i = 0; i < rows.length; i++) {
      assertEquals(rows[i].length, g.rows()[i].length, "ragged shape is kept");
    }
    Checks.gradient(x -> Arrays2D.sumOfRowNorms(Flat.read(x).like(rows)), Flat.of((Object) rows),
        Flat.of((Object) g.rows()));
    Checks.rejectsNaNSeed(() -> Arrays2DAdjoint.sumOfRowNormsPullback(rows, Double.NaN));
  }

  @Test
  void localMatrixFromNewDoubleArray() {
    double[] u = Checks.uniform(rnd, 3, -1, 1);
    double[] v = Checks.uniform(rnd, 4, -1, 1);
    Object[] before = Checks.snapshot(u, v);
    var g = Arrays2DAdjoint.outerProductEnergyGradient(u, v);
    Checks.assertUnchanged(before, u, v);
    assertEquals(Arrays2D.outerProductEnergy(u, v), g.value());
    Checks.gradient(x -> {
      var r = Flat.read(x);
      return Arrays2D.outerProductEnergy(r.vec(3), r.vec(4));
    }, Flat.of(u, v), Flat.of(g.u(), g.v()));
    Checks.taylor(x -> {
      var r = Flat.read(x);
      return Arrays2D.outerProductEnergy(r.vec(3), r.vec(4));
    }, Flat.of(u, v), Flat.of(g.u(), g.v()), 53);
    Checks.rejectsNaNSeed(() -> Arrays2DAdjoint.outerProductEnergyPullback(u, v, Double.NaN));
  }

  @Test
  void transposedMatrixResult() {
    double[][] m = Checks.uniform(rnd, 2, 3, -2, 2);
    double s = 1.4;
    double[][] seed = Checks.uniform(rnd, 3, 2, -1, 1);
    Object[] before = Checks.snapshot((Object) m);
    var p = Arrays2DAdjoint.transposeSquashPullback(m, s, seed);
    Checks.assertUnchanged(before, (Object) m);
    double[][] t = Arrays2D.transposeSquash(m, s);
    assertEquals(3, p.value().length);
    for (int i = 0; i < t.length; i++) {
      assertArrayEquals(t[i], p.value()[i]);
    }
    Checks.pullback(x -> {
      var r = Flat.read(x);
      return Flat.of((Object) Arrays2D.transposeSquash(r.mat(2, 3), r.scalar()));
    }, Flat.of(m, s), Flat.of((Object) seed), Flat.of(p.m(), p.s()), 54);
    Checks.rejectsNaNSeed(() -> Arrays2DAdjoint.transposeSquashPullback(m, s,
        new double[][] {{0, 0}, {Double.NaN, 0}, {0, 0}}));
  }

  @Test
  void matrixInitializerOfRowsSharesTheirAdjoints() {
    double[] r = Checks.uniform(rnd, 2, -1, 1);
    double[][] w = Checks.uniform(rnd, 2, 2, -1, 1);
    double b = 0.8;
    Object[] before = Checks.snapshot(r, w);
    var g = Arrays2DAdjoint.rowsInitializerGradient(r, w, b);
    Checks.assertUnchanged(before, r, w);
    assertEquals(Arrays2D.rowsInitializer(r.clone(), w, b), g.value());
    Checks.gradient(x -> {
      var v = Flat.read(x);
      return Arrays2D.rowsInitializer(v.vec(2), v.mat(2, 2), v.scalar());
    }, Flat.of(r, w, b), Flat.of(g.r(), g.w(), g.b()));
  }

  @Test
  void matrixResultMadeOfRows() {
    double[] r = Checks.uniform(rnd, 2, -1, 1);
    double b = -0.6;
    double[][] seed = Checks.uniform(rnd, 2, 2, -1, 1);
    var p = Arrays2DAdjoint.pairOfRowsPullback(r, b, seed);
    Checks.pullback(x -> {
      var v = Flat.read(x);
      return Flat.of((Object) Arrays2D.pairOfRows(v.vec(2), v.scalar()));
    }, Flat.of(r, b), Flat.of((Object) seed), Flat.of(p.r(), p.b()), 54);
  }

  @Test
  void matrixTangentsOfAnotherShapeAreRejectedByName() {
    double[][] m = Checks.uniform(rnd, 3, 3, -1, 1);
    double[][][] mDots = {Checks.uniform(rnd, 3, 3, -1, 1), {{1, 2, 3}, {4, 5}, {6, 7, 8}}};
    var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Arrays2DAdjoint.traceAndFrobeniusTangents(m, 0.5, mDots, new double[2]));
    assertEquals("traceAndFrobeniusTangents: mDots[1][1] has length 2, expected 3", e.getMessage());
  }

  @Test
  void inlineRowsAndCopiesGetTheirAdjoints() {
    double[] r = Checks.uniform(rnd, 2, -1, 1);
    double x = 0.9;
    double y = -0.4;
    var g = Arrays2DAdjoint.inlineRowsGradient(r, x, y);
    assertEquals(Arrays2D.inlineRows(r.clone(), x, y), g.value());
    Checks.gradient(v -> {
      var f = Flat.read(v);
      return Arrays2D.inlineRows(f.vec(2), f.scalar(), f.scalar());
    }, Flat.of(r, x, y), Flat.of(g.r(), g.x(), g.y()));
    for (double at : new double[] {0.7, -0.7}) {
      double[] q = Checks.uniform(rnd, 2, -1, 1);
      double[][] seed = Checks.uniform(rnd, 2, 2, -1, 1);
      var p = Arrays2DAdjoint.inlineResultPullback(r, q, at, seed);
      Checks.pullback(v -> {
        var f = Flat.read(v);
        return Flat.of((Object) Arrays2D.inlineResult(f.vec(2), f.vec(2), f.scalar()));
      }, Flat.of(r, q, at), Flat.of((Object) seed), Flat.of(p.r(), p.q(), p.x()), 55);
    }
  }
}
