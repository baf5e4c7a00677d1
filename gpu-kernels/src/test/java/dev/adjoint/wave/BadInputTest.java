package dev.adjoint.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.runtime.rules.Rrule;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every misuse is an exception that names the argument and what was expected, thrown before a
 * propagation starts (the propagator's records stay empty).
 */
class BadInputTest {
  static Model model;
  static Propagator propagator;
  static Modelling shot;
  static float[] q;

  @BeforeAll
  static void setUp() {
    model = Fixtures.twoLayers2d(21, 17, 6);
    propagator = Propagator.open(model, Options.defaults().withDevice(Device.JAVA));
    shot = propagator.modelling(Fixtures.shot(model, 200));
    q = Wavelets.ricker(200, 1, 0.02);
  }

  @AfterAll
  static void tearDown() {
    propagator.close();
  }

  @Test
  void arraysOfTheWrongLength() {
    assertRejected(() -> shot.forward(new float[model.size() - 1], q), "m has length 356, expected 357");
    assertRejected(() -> shot.forward(Arrays.copyOf(q, 150)), "q has length 150, expected 201");
    assertRejected(() -> shot.adjoint(new float[7]), "d has length 7, expected " + shot.dataLength());
    assertRejected(() -> shot.born(q, new float[3]), "dm has length 3, expected 357");
    assertRejected(() -> shot.gradient(model.slowness(), q, new float[5]), "residual has length 5");
    assertRejected(() -> shot.forward(null, q), "m is null");
  }

  @Test
  void aRecordingShorterThanTheWavelet() {
    assertRejected(() -> shot.forward(Wavelets.ricker(400, 1, 0.02)),
        "the wavelet lasts 400.0 ms but the recording time is only 200.0 ms");
  }

  @Test
  void nonPositiveOrNanVelocities() {
    float[] v = new float[model.size()];
    Arrays.fill(v, 1.5f);
    v[7] = 0;
    assertRejected(() -> Model.fromVelocity(new int[] {21, 17}, new double[] {10, 10}, new double[] {0, 0}, v),
        "velocity[7] = 0.0 km/s");
    v[7] = Float.NaN;
    assertRejected(() -> Model.fromVelocity(new int[] {21, 17}, new double[] {10, 10}, new double[] {0, 0}, v),
        "velocity[7] = NaN");
    float[] m = model.slowness();
    m[3] = -1;
    assertRejected(() -> shot.forward(m, q), "m[3] = -1.0");
    m[3] = Float.NaN;
    assertRejected(() -> shot.forward(m, q), "m[3] = NaN");
  }

  @Test
  void nanInWaveletsDataAndSeeds() {
    float[] bad = q.clone();
    bad[10] = Float.NaN;
    assertRejected(() -> shot.forward(bad), "q[10] = NaN");
    float[] d = new float[shot.dataLength()];
    d[2] = Float.POSITIVE_INFINITY;
    assertRejected(() -> shot.adjoint(d), "d[2] = Infinity");
    Rrule<float[]> rule = Wave.forwardRule(shot, model.slowness(), q);
    assertRejected(() -> rule.pullback(d, new float[model.size()], null), "dy[2] = Infinity");
  }

  @Test
  void aModelFasterThanTheTimeStepAllows() {
    float[] m = model.slowness();
    m[0] = (float) (1 / (model.maxVelocity() * model.maxVelocity()) / 4); // twice the model's fastest velocity
    assertRejected(() -> shot.forward(m, q), "Options.withMaxVelocity(");
  }

  @Test
  void sourcesAndReceiversOutsideTheModel() {
    assertRejected(() -> propagator.modelling(Geometry.of2d(new float[] {500}, new float[] {20},
        new float[] {100}, new float[] {50}, 1, 200)), "source 0 lies outside the model: its x coordinate is 500.0");
    assertRejected(() -> propagator.modelling(Geometry.of2d(new float[] {100}, new float[] {20},
        new float[] {100, 100}, new float[] {50, 161}, 1, 200)), "receiver 1 lies outside the model: its z coordinate");
    assertRejected(() -> propagator.modelling(Geometry.of(new float[][] {{1}, {1}, {1}}, new float[][] {{1}, {1}, {1}},
        1, 200)), "3 coordinates per point but the model is 2D");
  }

  @Test
  void badSettings() {
    assertRejected(() -> Options.defaults().withDevice("cuda"), "unknown device 'cuda': expected auto, opencl or java");
    assertRejected(() -> Options.defaults().withSpaceOrder(6), "space order must be 2, 4 or 8, got 6");
    assertRejected(() -> Options.defaults().withSubsampling(0), "subsampling factor must be at least 1");
    assertRejected(() -> Geometry.of2d(new float[] {1}, new float[] {1}, new float[] {1}, new float[] {1}, 0, 100),
        "dt must be positive");
    assertRejected(() -> Geometry.of2d(new float[] {1}, new float[] {1}, new float[] {1, 2}, new float[] {1}, 1, 100),
        "receivers coordinate arrays must all have the same length");
    assertRejected(() -> Model.of(new int[] {10}, new double[] {1}, new double[] {0}, new float[10]),
        "shape must have 2 or 3 entries");
    assertRejected(() -> Wavelets.ricker(100, 1, 0), "peak frequency f0 must be positive");
  }

  @Test
  void sourcesAndReceiversMustHaveTheSameAxes() {
    assertRejected(() -> Geometry.of(new float[][] {{1}, {1}, {1}}, new float[][] {{1}, {1}}, 1, 100),
        "sources have 3 coordinates per point but receivers have 2");
  }

  @Test
  void aClosedPropagatorRefusesToRun() {
    Propagator p = Propagator.open(model, Options.defaults().withDevice(Device.JAVA));
    Modelling f = p.modelling(Fixtures.shot(model, 200));
    p.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> f.forward(q));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void anUnknownDeviceInTheSystemPropertyIsAnError() {
    String previous = System.getProperty(Device.PROPERTY);
    System.setProperty(Device.PROPERTY, "gpu");
    try {
      assertRejected(Options::defaults, "unknown device 'gpu'");
    } finally {
      if (previous == null) {
        System.clearProperty(Device.PROPERTY);
      } else {
        System.setProperty(Device.PROPERTY, previous);
      }
    }
  }

  /** A 3D model whose stored wavefield would need far more than any test JVM's heap. */
  @Test
  void aWavefieldThatDoesNotFitIsRefusedWithTheFigureAndTheOptions() {
    float[] v = new float[200 * 200 * 200];
    Arrays.fill(v, 2f);
    Model big = Model.fromVelocity(new int[] {200, 200, 200}, new double[] {10, 10, 10}, new double[] {0, 0, 0}, v);
    try (Propagator p = Propagator.open(big, Options.defaults().withDevice(Device.JAVA))) {
      Modelling f = p.modelling(Geometry.of(new float[][] {{1000}, {1000}, {20}}, new float[][] {{500}, {500}, {50}}, 1,
          1000));
      long expected = (long) (f.timeSteps() - 2 + 1) * 4L * 296 * 288 * 288; // x: 280 rounded up to 288, + halos
      assertEquals(expected, f.wavefieldBytes());
      float[] wavelet = Wavelets.ricker(1000, 1, 0.01);
      WavefieldMemoryException e = assertThrows(WavefieldMemoryException.class,
          () -> Wave.forwardRule(f, big.slowness(), wavelet));
      assertEquals(expected, e.requiredBytes());
      assertTrue(e.getMessage().contains(" GiB (") && e.getMessage().contains("Options.withSubsampling("), e.getMessage());
      assertTrue(p.records().isEmpty(), "nothing ran");
    }
  }

  private static void assertRejected(Executable call, String fragment) {
    int before = propagator.records().size();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain '" + fragment + "'");
    assertEquals(before, propagator.records().size(), "no propagation ran");
  }
}
