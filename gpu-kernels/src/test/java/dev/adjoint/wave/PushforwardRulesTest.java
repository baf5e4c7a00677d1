package dev.adjoint.wave;

import static dev.adjoint.wave.RulesTest.m;
import static dev.adjoint.wave.RulesTest.model;
import static dev.adjoint.wave.RulesTest.q;
import static dev.adjoint.wave.RulesTest.shot;
import static dev.adjoint.wave.RulesTest.toDouble;
import static dev.adjoint.wave.RulesTest.toFloat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.runtime.check.ArrayPullback;
import dev.adjoint.runtime.check.ArrayPushforward;
import dev.adjoint.runtime.check.PushforwardCheck;
import dev.adjoint.runtime.rules.Rrule;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pushforward forms of {@link Wave}'s rules, each in every argument, on {@link RulesTest}'s
 * shot: against central differences of the primal (at a model other than the propagator's; a step
 * of 1 where the primal is linear in the argument, 1e-3 for the model), and by the dot-product
 * test against the rule's own pullback, so that forward and reverse mode through a propagator
 * agree. Then a generated tangent through the rule: the FWI misfit's directional derivative
 * equals its gradient's dot product with the direction.
 */
class PushforwardRulesTest {
  /** A model away from the propagator's own, where the pushforward's Born run must use it as the background. */
  static float[] slower;

  @BeforeAll
  static void setUp() {
    RulesTest.setUp(); // the same small shot as the pullbacks' tests
    slower = m.clone();
    for (int i = 0; i < slower.length; i++) {
      slower[i] *= 1 + 0.2f * i / slower.length;
    }
  }

  @AfterAll
  static void tearDown() {
    RulesTest.tearDown();
  }

  @Test
  void forwardInTheWavelet() {
    assertPushforward("d(F q)/dq . qDot", x -> toDouble(Wave.forward(shot, m, toFloat(x))),
        (x, dx) -> toDouble(Wave.forwardPushforward(shot, m, toFloat(x), null, toFloat(dx))),
        (x, dy, xBar) -> pullInto(Wave.forwardRule(shot, m, toFloat(x)), dy, xBar, 1),
        toDouble(q), 1.0, 1e-4);
  }

  @Test
  void forwardInTheModel() {
    assertPushforward("d(F q)/dm . mDot", x -> toDouble(Wave.forward(shot, toFloat(x), q)),
        (x, dx) -> toDouble(Wave.forwardPushforward(shot, toFloat(x), q, toFloat(dx), new float[q.length])),
        (x, dy, xBar) -> pullInto(Wave.forwardRule(shot, toFloat(x), q), dy, xBar, 0),
        toDouble(slower), 1e-3, 1e-2);
  }

  @Test
  void bornInThePerturbation() {
    float[] dm = Fixtures.gaussian(model.size(), 5);
    assertPushforward("d(J dm)/d(dm) . dmDot", x -> toDouble(Wave.born(shot, q, toFloat(x))),
        (x, dx) -> toDouble(Wave.bornPushforward(shot, q, toFloat(x), null, toFloat(dx))),
        (x, dy, xBar) -> pullInto(Wave.bornRule(shot, q, toFloat(x)), dy, xBar, 1),
        toDouble(dm), 1.0, 1e-4);
  }

  @Test
  void bornInTheWavelet() {
    float[] dm = Fixtures.gaussian(model.size(), 6);
    assertPushforward("d(J(q) dm)/dq . qDot", x -> toDouble(Wave.born(shot, toFloat(x), dm)),
        (x, dx) -> toDouble(Wave.bornPushforward(shot, toFloat(x), dm, toFloat(dx), null)),
        (x, dy, xBar) -> pullInto(Wave.bornRule(shot, toFloat(x), dm), dy, xBar, 0),
        toDouble(q), 1.0, 1e-4);
  }

  @Test
  void bothTangentsAtOnceGiveTheSumOfEachAlone() {
    float[] mDot = Fixtures.gaussian(model.size(), 7);
    float[] qDot = Fixtures.gaussian(q.length, 8);
    float[] both = Wave.forwardPushforward(shot, m, q, mDot, qDot);
    float[] fromModel = Wave.forwardPushforward(shot, m, q, mDot, null);
    float[] fromWavelet = Wave.forwardPushforward(shot, m, q, new float[m.length], qDot);
    float[] sum = new float[both.length];
    for (int i = 0; i < sum.length; i++) {
      sum[i] = fromModel[i] + fromWavelet[i];
    }
    assertTrue(EngineAgreementTest.relativeDistance(both, sum) < 1e-6);
    assertTrue(Math.sqrt(Fixtures.dot(fromModel, fromModel)) > 0, "the model's tangent moves the data");
    assertArrayEquals(new float[shot.dataLength()], Wave.bornPushforward(shot, q, mDot, null, null),
        "no tangent, no change, and data of the shot's length");
  }

  @Test
  void aTangentOfTheWrongLengthIsRejectedByName() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Wave.forwardPushforward(shot, m, q, new float[3], null));
    assertEquals("mDot has length 3, expected " + m.length, e.getMessage());
  }

  @Test
  void theGeneratedTangentOfTheMisfitIsItsGradientAlongTheDirection() {
    float[] observed = Wave.forward(shot, m, Wavelets.ricker(250, 1, 0.025));
    float[] mDot = Fixtures.gaussian(model.size(), 9);
    var tangent = LossesAdjoint.misfitTangent(shot, slower, q, observed, mDot);
    var gradient = LossesAdjoint.misfitGradient(shot, slower, q, observed);
    assertEquals(gradient.value(), tangent.value(), 0, "the same primal");
    double alongGradient = Fixtures.dot(gradient.m(), mDot);
    assertEquals(alongGradient, tangent.tangent(), 1e-4 * Math.abs(alongGradient));
  }

  /** Pulls {@code dy} back through {@code rule} into its adjoint argument {@code which} (0 or 1), adding into {@code xBar}. */
  private static void pullInto(Rrule<float[]> rule, double[] dy, double[] xBar, int which) {
    float[] bar = new float[xBar.length];
    rule.pullback(toFloat(dy), which == 0 ? bar : null, which == 1 ? bar : null);
    for (int i = 0; i < xBar.length; i++) {
      xBar[i] += bar[i];
    }
  }

  private static void assertPushforward(String name, Function<double[], double[]> f, ArrayPushforward pushforward,
      ArrayPullback pullback, double[] x, double step, double tolerance) {
    PushforwardCheck.Result r = PushforwardCheck.check(f, pushforward, pullback, x, 2, new Random(13), step);
    System.out.println(name + ": " + r);
    assertTrue(r.passed(tolerance, 1e-4), name + ": " + r);
  }
}
