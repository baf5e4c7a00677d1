package dev.adjoint.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The propagators against physics: travel times, absorbing boundaries, subsampled gradients. */
class PhysicsTest {
  static final double F0 = 0.01; // 10 Hz: period 100 ms, peak at 100 ms

  @Test
  void directArrivalPeaksAtTheTravelTime2d() {
    double v = 2.0;
    Model model = homogeneous(new int[] {161, 61}, new double[] {0, 0}, v, 20);
    Geometry g = Geometry.of2d(new float[] {200}, new float[] {300}, new float[] {800}, new float[] {300}, 1, 700);
    double peak = peakTime(model, g);
    double expected = 600 / v + 1 / F0;
    System.out.printf("2D direct arrival: peak at %.1f ms, travel time + wavelet delay %.1f ms%n", peak, expected);
    assertEquals(expected, peak, 0.5 / F0 / 2, "within half a dominant period");
  }

  @Test
  void directArrivalPeaksAtTheTravelTime3d() {
    double v = 2.0;
    Model model = homogeneous(new int[] {61, 31, 31}, new double[] {0, 0, 0}, v, 20);
    Geometry g = Geometry.of(new float[][] {{100}, {150}, {150}}, new float[][] {{500}, {150}, {150}}, 1, 450);
    double peak = peakTime(model, g);
    double expected = 400 / v + 1 / F0;
    System.out.printf("3D direct arrival: peak at %.1f ms, travel time + wavelet delay %.1f ms%n", peak, expected);
    assertEquals(expected, peak, 0.5 / F0 / 2, "within half a dominant period");
    assertEquals(expected, peak, 5, "in 3D the Green's function is a delayed spike: the peak is exact to a few ms");
  }

  /**
   * The energy reflected by the model's edges: a 10 Hz shot in a 1 km square at 2 km/s, recorded
   * 100 m from an edge, against the same shot in a model three times wider, whose edges are too
   * far to be heard within the recording. A 40-point layer (two wavelengths here) gives back about
   * 1% of the energy (Devito's profile; the onset of strong damping itself reflects at such low
   * frequencies), 80 points about 0.05%, and no layer more than it received.
   */
  @Test
  void theAbsorbingLayerReflectsLittleEnergy() {
    double v = 2.0;
    Geometry g = Geometry.of2d(new float[] {500}, new float[] {500}, Geometry.range(20, 980, 49),
        Geometry.constant(900, 49), 1, 1000);
    float[] reference = record(homogeneous(new int[] {301, 301}, new double[] {-1000, -1000}, v, 40), g);
    double none = reflectedEnergy(g, reference, 0);
    double forty = reflectedEnergy(g, reference, 40);
    double eighty = reflectedEnergy(g, reference, 80);
    System.out.printf("reflected / direct energy: %.2e without a layer, %.2e with 40 points, %.2e with 80%n", none,
        forty, eighty);
    assertTrue(none > 1, "without a layer the edges reflect " + none);
    assertTrue(forty < 2e-2, "a 40-point layer reflects " + forty + " of the energy");
    assertTrue(eighty < 1e-3, "an 80-point layer reflects " + eighty + " of the energy");
  }

  private static double reflectedEnergy(Geometry g, float[] reference, int nbl) {
    float[] d = record(homogeneous(new int[] {101, 101}, new double[] {0, 0}, 2.0, nbl), g);
    return energyOfDifference(d, reference) / energy(reference);
  }

  @Test
  void subsampledWavefieldGivesNearlyTheSameGradientInAThirdOfTheMemory() {
    Model truth = Fixtures.twoLayers2d(41, 33, 10);
    float[] m0 = GradientTaylorTest.smoothed(truth.slowness(), 41, 33);
    Geometry shot = Fixtures.shot(truth, 400);
    float[] q = Wavelets.ricker(400, 1, 0.015);
    float[] full;
    float[] sub;
    long fullBytes;
    long subBytes;
    float[] residual;
    try (Propagator p = Propagator.open(truth.withSlowness(m0), Options.defaults().withDevice(Device.JAVA))) {
      Modelling f = p.modelling(shot);
      residual = difference(f.forward(m0, q), f.forward(truth.slowness(), q));
      full = f.gradient(m0, q, residual);
      fullBytes = f.wavefieldBytes();
    }
    try (Propagator p = Propagator.open(truth.withSlowness(m0), Options.defaults().withDevice(Device.JAVA)
        .withSubsampling(3))) {
      Modelling f = p.modelling(shot);
      sub = f.gradient(m0, q, residual);
      subBytes = f.wavefieldBytes();
    }
    double cosine = Fixtures.dot(full, sub) / Math.sqrt(Fixtures.dot(full, full) * Fixtures.dot(sub, sub));
    System.out.printf("subsampling 3: gradient cosine %.5f, wavefield %d -> %d bytes%n", cosine, fullBytes, subBytes);
    assertTrue(cosine > 0.99, "cosine " + cosine);
    assertEquals(1 / 3.0, subBytes / (double) fullBytes, 0.01);
  }

  static Model homogeneous(int[] shape, double[] origin, double v, int nbl) {
    int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    float[] vel = new float[n];
    Arrays.fill(vel, (float) v);
    double[] spacing = new double[shape.length];
    Arrays.fill(spacing, 10);
    return Model.fromVelocity(shape, spacing, origin, vel).withAbsorbingLayer(nbl);
  }

  private static float[] record(Model model, Geometry g) {
    try (Propagator p = Propagator.open(model, Options.defaults().withDevice(Device.JAVA))) {
      return p.modelling(g).forward(Wavelets.ricker(g.recordingTime(), g.dt(), F0));
    }
  }

  private static double peakTime(Model model, Geometry g) {
    float[] d = record(model, g);
    int best = 0;
    for (int t = 0; t < d.length; t++) {
      if (Math.abs(d[t]) > Math.abs(d[best])) {
        best = t;
      }
    }
    return best * g.dt();
  }

  static float[] difference(float[] a, float[] b) {
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] - b[i];
    }
    return out;
  }

  private static double energy(float[] a) {
    return Fixtures.dot(a, a);
  }

  private static double energyOfDifference(float[] a, float[] b) {
    float[] d = difference(a, b);
    return Fixtures.dot(d, d);
  }
}
