package dev.adjoint.examples.wave;

import dev.adjoint.examples.Figures;
import dev.adjoint.wave.Model;
import dev.adjoint.wave.Modelling;
import dev.adjoint.wave.Options;
import dev.adjoint.wave.PropagationRecord;
import dev.adjoint.wave.Propagator;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The JUDI tutorial's network through the Born operator ({@link BornNetworkLoss}): gradients of a
 * mean squared error with respect to the input, the target and every weight, flowing through the
 * Born and adjoint-Born propagators by the rules of {@code dev.adjoint.wave.Wave}.
 *
 * <p>Sizes are the tutorial's: {@code n_in = 100}, {@code n_out = 10}, {@code W1} of size
 * {@code prod(n) x n_in}, {@code W3} of size {@code n_out x 120120}, {@code x = 0} and random
 * normal weights, biases and target. Checks: each gradient against a central difference along a
 * random direction (the loss is quadratic in each argument, so the difference is exact up to
 * float rounding), and {@code dL/dx} against the chain assembled by hand from
 * {@code Modelling.bornAdjoint}.
 */
public final class BornNetwork {
  static final int N_IN = 100;
  static final int N_OUT = 10;
  static final long SEED = 20240613L;
  static final double DIRECTIONAL_TOLERANCE = 2e-3;
  static final double CHAIN_TOLERANCE = 1e-4;
  static final int TIMED_RUNS = 5;

  private BornNetwork() {}

  /** The network's inputs and parameters. */
  public record Network(float[] q, float[] x, float[] y, float[] w1, float[] b1, float[] b2, float[] w3, float[] b3) {
    /** The loss. */
    public float loss(Modelling j) {
      return BornNetworkLoss.loss(j, q, x, y, w1, b1, b2, w3, b3);
    }

    /** The loss and its gradient with respect to everything but the wavelet. */
    public BornNetworkLossAdjoint.LossGradient gradient(Modelling j) {
      return BornNetworkLossAdjoint.lossGradient(j, q, x, y, w1, b1, b2, w3, b3);
    }
  }

  /** The tutorial's network for the Born operator {@code j}, with reproducible random weights. */
  public static Network network(Modelling j) {
    Random rnd = new Random(SEED);
    int cells = Tutorial.NX * Tutorial.NZ;
    int samples = j.dataLength();
    return new Network(Tutorial.wavelet(), new float[N_IN], randn(N_OUT, rnd), randn(cells * N_IN, rnd),
        randn(cells, rnd), randn(samples, rnd), randn(N_OUT * samples, rnd), randn(N_OUT, rnd));
  }

  public static void main(String[] args) {
    Figures.headless();
    System.out.println("== JUDI tutorial network W3 (J (W1 x + b1) + b2) + b3 through the Born operator");
    Model background = Tutorial.background();
    try (Propagator p = Propagator.open(background, Options.defaults())) {
      Modelling j = p.modelling(Tutorial.shot(600));
      System.out.printf(Locale.ROOT, "  device: %s; %d time steps of %.3f ms (data: %d receivers x %d samples = %d)%n",
          p.device(), j.timeSteps(), j.timeStep(), j.geometry().receiverCount(), j.geometry().samples(),
          j.dataLength());
      Network n = network(j);
      double[] seconds = new double[TIMED_RUNS + 1];
      BornNetworkLossAdjoint.LossGradient g = null;
      for (int run = 0; run <= TIMED_RUNS; run++) {
        p.clearRecords();
        long start = System.nanoTime();
        g = n.gradient(j);
        seconds[run] = (System.nanoTime() - start) / 1e9;
        if (run == 0 || run == TIMED_RUNS) {
          System.out.println(run == 0 ? "  propagations of the first gradient:" : "  propagations of the last gradient:");
          for (PropagationRecord r : p.records()) {
            System.out.println("    " + r);
          }
        }
      }
      double[] steady = Arrays.copyOfRange(seconds, 1, seconds.length);
      Arrays.sort(steady);
      System.out.printf(Locale.ROOT, "  full gradient: first call %.3f s, then median %.3f s over %d calls%n",
          seconds[0], steady[steady.length / 2], TIMED_RUNS);
      System.out.printf(Locale.ROOT, "  loss %.6e%n", g.value());
      printNorms(g);
      checkDirectional(j, n, g);
      checkChain(j, n, g);
      WaveFigures.heatMap("born-network-dm-gradient", "dL/d(W1 x + b1): the Born layer's input gradient",
          "x (m)", "depth (m)", g.b1(), Tutorial.NX, Tutorial.NZ, Tutorial.SPACING, Tutorial.SPACING,
          WaveFigures.SIGNED, true);
    }
  }

  private static void printNorms(BornNetworkLossAdjoint.LossGradient g) {
    String[] names = {"x", "y", "W1", "b1", "b2", "W3", "b3"};
    float[][] grads = {g.x(), g.y(), g.w1(), g.b1(), g.b2(), g.w3(), g.b3()};
    for (int i = 0; i < names.length; i++) {
      System.out.printf(Locale.ROOT, "  |dL/d%-2s| = %.6e  (%d entries)%n", names[i], norm(grads[i]), grads[i].length);
    }
    System.out.println("  (x = 0, as in the tutorial, so dL/dW1 = (dL/db1) x' is zero)");
  }

  /** Each gradient's inner product with a random direction against a central difference of the loss. */
  static void checkDirectional(Modelling j, Network n, BornNetworkLossAdjoint.LossGradient g) {
    Random rnd = new Random(SEED + 1);
    String[] names = {"x", "y", "b1", "b2", "b3"};
    float[][] args = {n.x(), n.y(), n.b1(), n.b2(), n.b3()};
    float[][] grads = {g.x(), g.y(), g.b1(), g.b2(), g.b3()};
    for (int a = 0; a < args.length; a++) {
      float[] arg = args[a];
      float[] saved = arg.clone();
      float[] dir = randn(arg.length, rnd);
      double h = 0.5;
      add(arg, saved, dir, h);
      double plus = n.loss(j);
      add(arg, saved, dir, -h);
      double minus = n.loss(j);
      System.arraycopy(saved, 0, arg, 0, arg.length);
      double fd = (plus - minus) / (2 * h);
      double ad = dot(grads[a], dir);
      double err = Math.abs(fd - ad) / Math.max(Math.abs(fd), Math.abs(ad));
      System.out.printf(Locale.ROOT, "  <dL/d%-2s, v> = %+.6e, central difference %+.6e (relative error %.1e)%n",
          names[a], ad, fd, err);
      if (!(err <= DIRECTIONAL_TOLERANCE)) {
        throw new IllegalStateException("dL/d" + names[a] + " disagrees with the central difference: " + err);
      }
    }
  }

  /** dL/dx = W1' J' (W3' (2 (out - y) / n_out)), assembled by hand from the operators. */
  static void checkChain(Modelling j, Network n, BornNetworkLossAdjoint.LossGradient g) {
    int cells = n.b1().length;
    float[] dm = n.b1().clone();
    for (int i = 0; i < cells; i++) {
      for (int k = 0; k < N_IN; k++) {
        dm[i] += n.w1()[i * N_IN + k] * n.x()[k];
      }
    }
    float[] d = j.born(n.q(), dm);
    int samples = d.length;
    float[] dBar = new float[samples];
    for (int o = 0; o < N_OUT; o++) {
      double s = n.b3()[o];
      for (int i = 0; i < samples; i++) {
        s += n.w3()[o * samples + i] * (d[i] + n.b2()[i]);
      }
      float seed = (float) (2 * (s - n.y()[o]) / N_OUT);
      for (int i = 0; i < samples; i++) {
        dBar[i] += seed * n.w3()[o * samples + i];
      }
    }
    float[] dmBar = j.bornAdjoint(n.q(), dBar);
    float[] xBar = new float[N_IN];
    for (int i = 0; i < cells; i++) {
      for (int k = 0; k < N_IN; k++) {
        xBar[k] += n.w1()[i * N_IN + k] * dmBar[i];
      }
    }
    double err = distance(xBar, g.x()) / norm(xBar);
    System.out.printf(Locale.ROOT, "  dL/dx against W1' J' W3' (2 (out - y) / n_out): relative error %.1e%n", err);
    if (!(err <= CHAIN_TOLERANCE)) {
      throw new IllegalStateException("dL/dx disagrees with the hand-assembled chain: " + err);
    }
  }

  static float[] randn(int n, Random rnd) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) rnd.nextGaussian();
    }
    return out;
  }

  private static void add(float[] into, float[] base, float[] dir, double h) {
    for (int i = 0; i < into.length; i++) {
      into[i] = (float) (base[i] + h * dir[i]);
    }
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  static double norm(float[] a) {
    return Math.sqrt(dot(a, a));
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return Math.sqrt(s);
  }
}
