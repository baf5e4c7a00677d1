package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatsTest {
  private final Random rnd = new Random(5005);

  @Test
  void floatPolynomial() {
    float x = 0.7f;
    float y = -1.2f;
    var g = FloatsAdjoint.polynomialGradient(x, y);
    assertEquals(Floats.polynomial(x, y), g.value());
    Checks.gradient((float[] v) -> Floats.polynomial(v[0], v[1]), Flat.floats(x, y), Flat.floats(g.x(), g.y()));
    Checks.rejectsNaNSeed(() -> FloatsAdjoint.polynomialPullback(x, y, Float.NaN));
  }

  @Test
  void fusedMultiplyAddOnFloats() {
    float x = 0.8f;
    float y = -0.5f;
    var g = FloatsAdjoint.fusedInFloatGradient(x, y);
    assertEquals(Floats.fusedInFloat(x, y), g.value());
    float p = x * y + Floats.DAMPING;
    assertEquals(p + y * x, g.x(), 1e-6f); // d/dx (p x + y^2) = p + x dp/dx
    assertEquals(x * x + 2 * y, g.y(), 1e-6f);
    Checks.gradient((float[] v) -> Floats.fusedInFloat(v[0], v[1]), Flat.floats(x, y), Flat.floats(g.x(), g.y()));
  }

  @Test
  void mathOnFloats() {
    float x = 0.8f;
    float y = -0.5f;
    var g = FloatsAdjoint.mathInFloatGradient(x, y);
    assertEquals(Floats.mathInFloat(x, y), g.value());
    Checks.gradient((float[] v) -> Floats.mathInFloat(v[0], v[1]), Flat.floats(x, y), Flat.floats(g.x(), g.y()));
    Checks.rejectsNaNSeed(() -> FloatsAdjoint.mathInFloatPullback(x, y, Float.NaN));
  }

  @Test
  void mixedFloatAndDoubleWithDoubleResult() {
    float x = 0.75f;
    double y = 0.625;
    float[] w = Checks.uniformFloats(rnd, 3, -1, 1);
    Object[] before = Checks.snapshot(w);
    var g = FloatsAdjoint.mixedPrecisionGradient(x, y, w);
    Checks.assertUnchanged(before, w);
    assertEquals(Floats.mixedPrecision(x, y, w), g.value());
    float gx = g.x();
    double gy = g.y();
    float[] gw = g.w();
    Checks.gradient((float[] v) -> {
      var r = Flat.read(v);
      return Floats.mixedPrecision(r.scalar(), r.scalar(), r.vec(3));
    }, Flat.floats(x, y, w), Flat.floats(gx, gy, gw));
    Checks.rejectsNaNSeed(() -> FloatsAdjoint.mixedPrecisionPullback(x, y, w, Double.NaN));
  }

  @Test
  void floatArrayDot() {
    float[] a = Checks.uniformFloats(rnd, 6, -1, 1);
    float[] b = Checks.uniformFloats(rnd, 6, -1, 1);
    Object[] before = Checks.snapshot(a, b);
    var g = FloatsAdjoint.dotGradient(a, b);
    Checks.assertUnchanged(before, a, b);
    assertEquals(Floats.dot(a, b), g.value());
    Checks.gradient((float[] v) -> {
      var r = Flat.read(v);
      return Floats.dot(r.vec(6), r.vec(6));
    }, Flat.floats(a, b), Flat.floats(g.a(), g.b()));
    assertArrayEquals(b, g.a(), 1e-5f);
    Checks.rejectsNaNSeed(() -> FloatsAdjoint.dotPullback(a, b, Float.NaN));
  }

  @Test
  void floatLoopWithEarlyReturn() {
    // 0.9 returns from inside the loop (at i = 9); 1.4 runs to the end.
    for (float x : new float[] {0.9f, 1.4f}) {
      var g = FloatsAdjoint.dampedGradient(x, 12);
      assertEquals(Floats.damped(x, 12), g.value());
      Checks.gradient((float[] v) -> Floats.damped(v[0], 12), Flat.floats(x), Flat.floats(g.x()));
    }
    Checks.rejectsNaNSeed(() -> FloatsAdjoint.dampedPullback(0.9f, 12, Float.NaN));
  }

  @Test
  void floatArrayResultPullback() {
    float[] a = Checks.uniformFloats(rnd, 5, -2, 2);
    float beta = 1.5f;
    float[] seed = Checks.uniformFloats(rnd, 5, -1, 1);
    Object[] before = Checks.snapshot(a);
    var p = FloatsAdjoint.softplusPullback(a, beta, seed);
    Checks.assertUnchanged(before, a);
    assertArrayEquals(Floats.softplus(a, beta), p.value());
    Checks.pullback((float[] v) -> {
      var r = Flat.read(v);
      return Floats.softplus(r.vec(5), r.scalar());
    }, Flat.floats(a, beta), seed, Flat.floats(p.a(), p.beta()), 81);
    Checks.rejectsNaNSeed(() -> FloatsAdjoint.softplusPullback(a, beta, new float[] {0, 0, Float.NaN, 0, 0}));
  }

  @Test
  void floatMatrixParameterAndLocal() {
    float[][] m = Checks.uniformFloats(rnd, 3, 4, -1, 1);
    float[] v = Checks.uniformFloats(rnd, 4, -1, 1);
    Object[] before = Checks.snapshot(m, v);
    var g = FloatsAdjoint.matrixEnergyGradient(m, v);
    Checks.assertUnchanged(before, m, v);
    assertEquals(Floats.matrixEnergy(m, v), g.value());
    Checks.gradient((float[] x) -> {
      var r = Flat.read(x);
      return Floats.matrixEnergy(r.mat(3, 4), r.vec(4));
    }, Flat.floats(m, v), Flat.floats(g.m(), g.v()));
    Checks.rejectsNaNSeed(() -> FloatsAdjoint.matrixEnergyPullback(m, v, Float.NaN));
  }

  @Test
  void floatMatrixResultPullback() {
    float[] u = Checks.uniformFloats(rnd, 3, -1, 1);
    float[] v = Checks.uniformFloats(rnd, 2, -1, 1);
    float[][] seed = Checks.uniformFloats(rnd, 3, 2, -1, 1);
    Object[] before = Checks.snapshot(u, v);
    var p = FloatsAdjoint.outerPullback(u, v, seed);
    Checks.assertUnchanged(before, u, v);
    float[][] o = Floats.outer(u, v);
    for (int i = 0; i < o.length; i++) {
      assertArrayEquals(o[i], p.value()[i]);
    }
    Checks.pullback((float[] x) -> {
      var r = Flat.read(x);
      return Flat.floats((Object) Floats.outer(r.vec(3), r.vec(2)));
    }, Flat.floats(u, v), Flat.floats((Object) seed), Flat.floats(p.u(), p.v()), 82);
    float[][] nan = Checks.uniformFloats(rnd, 3, 2, -1, 1);
    nan[0][1] = Float.NaN;
    Checks.rejectsNaNSeed(() -> FloatsAdjoint.outerPullback(u, v, nan));
  }
}
