package dev.adjoint.examples.wave;

import dev.adjoint.examples.Figures;
import dev.adjoint.wave.Model;
import dev.adjoint.wave.Modelling;
import dev.adjoint.wave.Options;
import dev.adjoint.wave.Propagator;
import java.util.Locale;

/**
 * Reverse-time migration of the tutorial's two-layer model through {@code J'}: the data of
 * {@value #SHOTS} shots minus what the smooth background predicts (the direct wave), migrated
 * with {@code Modelling.bornAdjoint} in the smoothed model and stacked. The image, Laplacian
 * filtered as RTM images usually are and muted above the receivers, must put its strongest event
 * at the interface.
 */
public final class Rtm {
  static final int SHOTS = 9;
  static final int SMOOTHING = 6;
  /** The interface of the tutorial's model: the 4 km/s layer starts at row 49, 490 m. */
  static final double INTERFACE_M = 490;
  static final double DEPTH_TOLERANCE_M = 30;

  private Rtm() {}

  public static void main(String[] args) {
    Figures.headless();
    System.out.println("== RTM: J' of " + SHOTS + " shots' reflections in a smoothed model, stacked");
    float[] mTrue = Fwi.slowness(Tutorial.trueVelocity());
    float[] m0 = Fwi.slowness(Smoothing.box(Tutorial.trueVelocity(), Tutorial.NX, Tutorial.NZ, SMOOTHING));
    Model background = Tutorial.model(Tutorial.velocity(m0));
    float[] q = Tutorial.wavelet();
    float[] image = new float[m0.length];
    long start = System.nanoTime();
    try (Propagator p = Propagator.open(background, Options.defaults().withMaxVelocity(4.0))) {
      for (int s = 0; s < SHOTS; s++) {
        Modelling shot = p.modelling(Tutorial.shot(100 + s * 1000.0 / (SHOTS - 1)));
        float[] observed = shot.forward(mTrue, q);
        float[] direct = shot.forward(q);
        for (int i = 0; i < observed.length; i++) {
          observed[i] -= direct[i];
        }
        float[] shotImage = shot.bornAdjoint(q, observed);
        for (int i = 0; i < image.length; i++) {
          image[i] += shotImage[i];
        }
      }
      System.out.printf(Locale.ROOT, "  device: %s; %d shots migrated in %.2f s%n", p.device(), SHOTS,
          (System.nanoTime() - start) / 1e9);
    }
    float[] filtered = mute(laplacian(image, Tutorial.NX, Tutorial.NZ));
    double depth = strongestDepth(filtered);
    System.out.printf(Locale.ROOT, "  strongest image event in the central columns at %.0f m (interface at %.0f m)%n",
        depth, INTERFACE_M);
    WaveFigures.heatMap("rtm-image", "RTM image (J' of the reflected data, Laplacian filtered)", "x (m)", "depth (m)",
        filtered, Tutorial.NX, Tutorial.NZ, Tutorial.SPACING, Tutorial.SPACING, WaveFigures.SIGNED, true);
    if (!(Math.abs(depth - INTERFACE_M) <= DEPTH_TOLERANCE_M)) {
      throw new IllegalStateException("the RTM image's strongest event is at " + depth + " m, not at the interface");
    }
  }

  /**
   * Zeroes the rows above the receivers (where sources and receivers leave their footprint) and
   * the two outermost columns and rows, which hold (after the filter) the absorbing layer's contribution: the gradient
   * is exact, so each edge cell sums the layer points that repeat it.
   */
  static float[] mute(float[] image) {
    int nx = Tutorial.NX;
    for (int z = 0; z < Tutorial.NZ; z++) {
      for (int x = 0; x < nx; x++) {
        if (z < Fwi.FROZEN_ROWS || z >= Tutorial.NZ - 2 || x < 2 || x >= nx - 2) {
          image[x + nx * z] = 0;
        }
      }
    }
    return image;
  }

  /** The 5-point Laplacian of a 2D image (zero on the border). */
  static float[] laplacian(float[] a, int nx, int nz) {
    float[] out = new float[a.length];
    for (int z = 1; z < nz - 1; z++) {
      for (int x = 1; x < nx - 1; x++) {
        int c = x + nx * z;
        out[c] = a[c - 1] + a[c + 1] + a[c - nx] + a[c + nx] - 4 * a[c];
      }
    }
    return out;
  }

  /** The depth (m) of the row with the largest summed |image| over the middle third of the columns, below 100 m. */
  static double strongestDepth(float[] image) {
    int nx = Tutorial.NX;
    int best = -1;
    double bestSum = -1;
    for (int z = 10; z < Tutorial.NZ - 1; z++) {
      double s = 0;
      for (int x = nx / 3; x < 2 * nx / 3; x++) {
        s += Math.abs(image[x + nx * z]);
      }
      if (s > bestSum) {
        bestSum = s;
        best = z;
      }
    }
    return best * Tutorial.SPACING;
  }
}
