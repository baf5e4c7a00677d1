package dev.adjoint.wave;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.runtime.check.ArrayPullback;
import dev.adjoint.runtime.check.RuleCheck;
import dev.adjoint.runtime.check.RuleCheckResult;
import dev.adjoint.runtime.rules.Rrule;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each of JUDI's four rules checked with the runtime's {@link RuleCheck} on a small model: the
 * pullback against central differences of the primal along random directions, and the ABI
 * (it adds into the adjoint arrays and leaves the primal arguments alone). The propagators
 * compute in float, so the differences use a larger step than the double default: a step of 1
 * for the rules linear in their argument (exact up to rounding), 1e-3 for the model.
 */
class RulesTest {
  static Model model;
  static Propagator propagator;
  static Modelling shot;
  static float[] q;
  static float[] m;

  @BeforeAll
  static void setUp() {
    model = Fixtures.twoLayers2d(25, 21, 8);
    propagator = Propagator.open(model, Options.defaults().withDevice(Device.JAVA).withMaxVelocity(3));
    shot = propagator.modelling(Fixtures.shot(model, 250));
    q = Wavelets.ricker(250, 1, 0.02);
    m = model.slowness();
  }

  @AfterAll
  static void tearDown() {
    propagator.close();
  }

  @Test
  void rule1DataWithRespectToTheWavelet() {
    assertRule("d(F q)/dq", x -> toDouble(Wave.forward(shot, m, toFloat(x))), (x, dy, xBar) -> {
      Rrule<float[]> r = Wave.forwardRule(shot, m, toFloat(x));
      float[] qBar = new float[x.length];
      r.pullback(toFloat(dy), null, qBar);
      addInto(qBar, xBar);
    }, toDouble(q), 1.0, 1e-4);
  }

  @Test
  void rule2DataWithRespectToTheModel() {
    assertModelRule(shot, m, q);
  }

  /** Rule 2 of {@code f}'s propagator at model {@code m}: RuleCheck with a step of 1e-3, to 1%. */
  static void assertModelRule(Modelling f, float[] m, float[] q) {
    assertRule("d(F q)/dm", x -> toDouble(Wave.forward(f, toFloat(x), q)), (x, dy, xBar) -> {
      Rrule<float[]> r = Wave.forwardRule(f, toFloat(x), q);
      float[] mBar = new float[x.length];
      r.pullback(toFloat(dy), mBar, null);
      addInto(mBar, xBar);
    }, toDouble(m), 1e-3, 1e-2);
  }

  @Test
  void rule3BornDataWithRespectToThePerturbation() {
    assertRule("d(J dm)/d(dm)", x -> toDouble(Wave.born(shot, q, toFloat(x))), (x, dy, xBar) -> {
      Rrule<float[]> r = Wave.bornRule(shot, q, toFloat(x));
      float[] dmBar = new float[x.length];
      r.pullback(toFloat(dy), null, dmBar);
      addInto(dmBar, xBar);
    }, toDouble(Fixtures.gaussian(model.size(), 5)), 1.0, 1e-4);
  }

  @Test
  void rule4BornDataWithRespectToTheWavelet() {
    float[] dm = Fixtures.gaussian(model.size(), 6);
    assertRule("d(J(q) dm)/dq", x -> toDouble(Wave.born(shot, toFloat(x), dm)), (x, dy, xBar) -> {
      Rrule<float[]> r = Wave.bornRule(shot, toFloat(x), dm);
      float[] qBar = new float[x.length];
      r.pullback(toFloat(dy), qBar, null);
      addInto(qBar, xBar);
    }, toDouble(q), 1.0, 1e-4);
  }

  @Test
  void aPullbackWithBothAdjointsGivesWhatEachGivesAlone() {
    float[] dy = Fixtures.gaussian(shot.dataLength(), 7);
    float[] dm = Fixtures.gaussian(model.size(), 8);
    Rrule<float[]> r = Wave.bornRule(shot, q, dm);
    float[] qBoth = new float[q.length];
    float[] dmBoth = new float[dm.length];
    r.pullback(dy, qBoth, dmBoth);
    float[] qAlone = new float[q.length];
    float[] dmAlone = new float[dm.length];
    r.pullback(dy, qAlone, null);
    r.pullback(dy, null, dmAlone);
    assertTrue(EngineAgreementTest.relativeDistance(qBoth, qAlone) < 1e-6);
    assertTrue(EngineAgreementTest.relativeDistance(dmBoth, dmAlone) < 1e-6);
    assertArrayEquals(shot.born(q, dm), r.value(), "the rule's value is the primal's");
  }

  @Test
  void aSecondPullbackRebuildsTheWavefieldItGaveBack() {
    float[] dy = Fixtures.gaussian(shot.dataLength(), 9);
    Rrule<float[]> r = Wave.forwardRule(shot, m, q);
    float[] first = new float[m.length];
    r.pullback(dy, first, null);
    Rrule<float[]> other = Wave.forwardRule(shot, m, q); // takes the wavefield the first gave back
    float[] second = new float[m.length];
    r.pullback(dy, second, null);
    assertArrayEquals(first, second, "the same gradient, from a rebuilt wavefield");
    float[] third = new float[m.length];
    other.pullback(dy, third, null);
    assertArrayEquals(first, third);
  }

  private static void assertRule(String name, Function<double[], double[]> f, ArrayPullback pullback, double[] x,
      double step, double tolerance) {
    RuleCheckResult r = RuleCheck.check(f, pullback, x, 3, tolerance, new Random(11), step);
    System.out.println(name + ": " + r.message());
    assertTrue(r.passed(), name + ": " + r.message());
  }

  static double[] toDouble(float[] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i];
    }
    return out;
  }

  static float[] toFloat(double[] a) {
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (float) a[i];
    }
    return out;
  }

  private static void addInto(float[] from, double[] into) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }
}
