package dev.adjoint.examples.wave;

import dev.adjoint.wave.Geometry;
import dev.adjoint.wave.Model;
import dev.adjoint.wave.Wavelets;

/**
 * The setup of the JUDI tutorial's wave-equation part: a 120 x 100 grid at 10 m, a two-layer true
 * model (1.4 km/s over 4.0 km/s from row 50 of the depth axis down), a constant 1.4 km/s
 * background, one source at (600 m, 20 m), 120 receivers at 50 m depth from 50 m to 1150 m,
 * 1000 ms recorded at 1 ms, and a 10 Hz Ricker wavelet.
 */
public final class Tutorial {
  static final int NX = 120;
  static final int NZ = 100;
  static final double SPACING = 10;
  static final double RECORDING_MS = 1000;
  static final double DT_MS = 1;
  static final double PEAK_KHZ = 0.01;
  static final int RECEIVERS = 120;

  private Tutorial() {}

  /** Velocities of the true model, km/s: 1.4, and 4.0 from depth index {@code round(NZ/2) - 1} down. */
  public static float[] trueVelocity() {
    float[] v = new float[NX * NZ];
    int interface_ = (int) Math.round(NZ / 2.0) - 1; // Julia's round(end/2), 1-based
    for (int z = 0; z < NZ; z++) {
      for (int x = 0; x < NX; x++) {
        v[x + NX * z] = z >= interface_ ? 4.0f : 1.4f;
      }
    }
    return v;
  }

  /** The background model of the Born operator: 1.4 km/s everywhere. */
  public static Model background() {
    float[] v = new float[NX * NZ];
    java.util.Arrays.fill(v, 1.4f);
    return model(v);
  }

  /** A model on the tutorial's grid. */
  public static Model model(float[] velocity) {
    return Model.fromVelocity(new int[] {NX, NZ}, new double[] {SPACING, SPACING}, new double[] {0, 0}, velocity);
  }

  /** One source at {@code (x, 20 m)} and the tutorial's 120 receivers. */
  public static Geometry shot(double sourceX) {
    return Geometry.of2d(new float[] {(float) sourceX}, new float[] {20f}, Geometry.range(50, 1150, RECEIVERS),
        Geometry.constant(50, RECEIVERS), DT_MS, RECORDING_MS);
  }

  /** The tutorial's Ricker wavelet, 1001 samples. */
  public static float[] wavelet() {
    return Wavelets.ricker(RECORDING_MS, DT_MS, PEAK_KHZ);
  }

  /** Velocity {@code 1 / sqrt(m)}. */
  public static float[] velocity(float[] m) {
    float[] v = new float[m.length];
    for (int i = 0; i < m.length; i++) {
      v[i] = (float) (1 / Math.sqrt(m[i]));
    }
    return v;
  }
}
