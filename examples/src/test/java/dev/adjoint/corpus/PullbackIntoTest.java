package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The low-level pullback ABI that generated adjoints use to call each other and that
 * {@code @CustomRule} methods implement: primal arguments, the seed, then one adjoint array per
 * differentiable array parameter, added into; the scalar adjoints are returned.
 */
class PullbackIntoTest {
  private final Random rnd = new Random(7007);

  @Test
  void severalScalarAdjointsComeBackAsAnArrayInParameterOrder() {
    double x = 0.4;
    double y = 0.9;
    var g = ScalarMathAdjoint.trigGradient(x, y);
    double[] bars = ScalarMathAdjoint.trigPullbackInto(x, y, 2.0);
    assertEquals(2, bars.length);
    assertEquals(2 * g.x(), bars[0], 1e-12 * Math.abs(g.x()));
    assertEquals(2 * g.y(), bars[1], 1e-12 * Math.abs(g.y()));
  }

  @Test
  void oneScalarAdjointIsReturnedAndArrayAdjointsAccumulate() {
    double[] c = Checks.uniform(rnd, 5, -1, 1);
    double x = 0.7;
    Object[] before = Checks.snapshot(c);
    var g = Arrays1DAdjoint.hornerGradient(c, x);
    double[] cBar = {1, 1, 1, 1, 1};
    double xBar = Arrays1DAdjoint.hornerPullbackInto(c, x, 1.5, cBar);
    Checks.assertUnchanged(before, c);
    assertEquals(1.5 * g.x(), xBar, 1e-12 * Math.abs(g.x()));
    for (int i = 0; i < c.length; i++) {
      assertEquals(1 + 1.5 * g.coeffs()[i], cBar[i], 1e-12);
    }
  }

  @Test
  void noScalarAdjointsWhenWrtNamesOnlyAnArray() {
    double[] b = Checks.uniform(rnd, 4, -1, 1);
    var g = CallsAdjoint.onlyBGradient(0.6, b, 1.3);
    double[] bBar = new double[4];
    CallsAdjoint.onlyBPullbackInto(0.6, b, 1.3, 1.0, bBar);
    assertArrayEquals(g.b(), bBar, 1e-12);
  }

  @Test
  void floatArraysAndFloatSeed() {
    float[] a = Checks.uniformFloats(rnd, 4, -1, 1);
    float[] b = Checks.uniformFloats(rnd, 4, -1, 1);
    float[] aBar = new float[4];
    float[] bBar = new float[4];
    FloatsAdjoint.dotPullbackInto(a, b, 2f, aBar, bBar);
    for (int i = 0; i < 4; i++) {
      assertEquals(2 * b[i], aBar[i], 1e-4f);
      assertEquals(2 * a[i], bBar[i], 1e-4f);
    }
  }

  @Test
  void nullAdjointArrayForAnUnneededParameter() {
    double[] a = Checks.uniform(rnd, 5, -1, 1);
    double[] b = Checks.uniform(rnd, 5, -1, 1);
    double[] bBar = new double[5];
    Arrays1DAdjoint.dotPullbackInto(a, b, 1.0, null, bBar);
    assertArrayEquals(a, bBar, 1e-12);
  }

  @Test
  void instanceMethodTakesTheReceiverFirst() {
    Instance model = new Instance(new double[] {0.3, -0.8, 0.5}, 0.1, 3);
    var g = InstanceAdjoint.predictGradient(model, 0.65);
    double xBar = InstanceAdjoint.predictPullbackInto(model, 0.65, 1.0);
    assertEquals(g.x(), xBar, 1e-12 * Math.abs(g.x()));
  }

  @Test
  void arrayResultTakesAnArraySeed() {
    double[] a = Checks.uniform(rnd, 4, -1, 1);
    double[] seed = Checks.gaussian(rnd, 4);
    var p = Arrays1DAdjoint.prefixSumsPullback(a, 0.8, seed);
    double[] aBar = new double[4];
    double xBar = Arrays1DAdjoint.prefixSumsPullbackInto(a, 0.8, seed, aBar);
    assertArrayEquals(p.a(), aBar, 1e-12);
    assertEquals(p.x(), xBar, 1e-12 * Math.max(1, Math.abs(p.x())));
  }
}
