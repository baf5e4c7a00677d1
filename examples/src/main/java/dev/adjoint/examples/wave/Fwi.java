package dev.adjoint.examples.wave;

import dev.adjoint.examples.Figures;
import dev.adjoint.runtime.optim.Lbfgs;
import dev.adjoint.runtime.optim.Objective;
import dev.adjoint.runtime.optim.Result;
import dev.adjoint.wave.Model;
import dev.adjoint.wave.Modelling;
import dev.adjoint.wave.Options;
import dev.adjoint.wave.Propagator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.knowm.xchart.XYChart;

/**
 * Full-waveform inversion on the tutorial's grid: the two-layer model with a slow anomaly added
 * in the upper layer, {@value #SHOTS} shots across the surface, and L-BFGS on the L2 misfit
 * summed over shots, with the gradient from the generated adjoint of {@link FwiMisfit} (rule 2
 * of the propagators). The start knows the layers, smoothed, but not the anomaly; the rows above
 * the receivers stay fixed (sources and receivers sit there). Prints a line per iteration and the relative model
 * error before and after, and draws the models, a shot record, the first gradient and the misfit
 * curve.
 */
public final class Fwi {
  static final int SHOTS = 6;
  static final int ITERATIONS = 20;
  /** The starting model is the two layers without the anomaly, smoothed over this many cells each way. */
  static final int SMOOTHING = 4;
  static final int FROZEN_ROWS = 6;
  static final double MAX_VELOCITY = 4.5;
  /**
   * The optimiser's variable is the relative change {@code x = (m / m0 - 1) / SCALE}, so L-BFGS's
   * first step (at most 1 in every coordinate) changes no cell by more than this fraction.
   */
  static final double SCALE = 0.05;
  /**
   * The model error must fall below this fraction of the start's. Reflections from a 1.4/4.0 km/s
   * interface seen from the surface only leave FWI a velocity-depth trade-off there, so about 13%
   * is what {@value #ITERATIONS} iterations reach; the anomaly's outline is what it recovers.
   */
  static final double REQUIRED_REDUCTION = 0.92;

  private Fwi() {}

  /** The true velocity: the tutorial's layers with a 2.0 km/s disc of radius 120 m at (600 m, 300 m). */
  static float[] trueVelocity() {
    float[] v = Tutorial.trueVelocity();
    for (int z = 0; z < Tutorial.NZ; z++) {
      for (int x = 0; x < Tutorial.NX; x++) {
        double dx = x * Tutorial.SPACING - 600;
        double dz = z * Tutorial.SPACING - 300;
        if (dx * dx + dz * dz <= 120 * 120) {
          v[x + Tutorial.NX * z] = 2.0f;
        }
      }
    }
    return v;
  }

  public static void main(String[] args) {
    Figures.headless();
    System.out.println("== FWI: " + SHOTS + " shots, L-BFGS on the L2 misfit, gradients through Wave.forward's rule");
    float[] vTrue = trueVelocity();
    float[] mTrue = slowness(vTrue);
    float[] m0 = slowness(Smoothing.box(Tutorial.trueVelocity(), Tutorial.NX, Tutorial.NZ, SMOOTHING));
    freezeTop(m0, mTrue);
    Model start = Tutorial.model(Tutorial.velocity(m0));
    try (Propagator p = Propagator.open(start, Options.defaults().withMaxVelocity(MAX_VELOCITY))) {
      List<Modelling> shots = new ArrayList<>();
      for (int s = 0; s < SHOTS; s++) {
        shots.add(p.modelling(Tutorial.shot(100 + s * 1000.0 / (SHOTS - 1))));
      }
      float[] q = Tutorial.wavelet();
      List<float[]> observed = new ArrayList<>();
      for (Modelling shot : shots) {
        observed.add(shot.forward(mTrue, q));
      }
      System.out.printf(Locale.ROOT, "  device: %s; %d time steps of %.3f ms per shot%n", p.device(),
          shots.get(0).timeSteps(), shots.get(0).timeStep());
      float mMin = (float) (1 / (MAX_VELOCITY * MAX_VELOCITY));
      double[] misfits = new double[ITERATIONS + 1];
      float[][] firstGradient = new float[1][];
      Objective objective = (x, g) -> {
        float[] m = fromVariable(x, m0);
        double f = 0;
        float[] sum = new float[m.length];
        for (int s = 0; s < SHOTS; s++) {
          FwiMisfitAdjoint.MisfitGradient r =
              FwiMisfitAdjoint.misfitGradient(shots.get(s), m, q, observed.get(s), mMin);
          f += r.value();
          for (int i = 0; i < sum.length; i++) {
            sum[i] += r.m()[i];
          }
        }
        for (int i = 0; i < g.length; i++) {
          g[i] = frozen(i) ? 0 : sum[i] * SCALE * m0[i];
        }
        if (firstGradient[0] == null) {
          firstGradient[0] = sum;
        }
        return f;
      };
      double error0 = modelError(m0, vTrue);
      Result result;
      try (ProgressBar bar = new ProgressBarBuilder().setTaskName("FWI").setInitialMax(ITERATIONS)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).build()) {
        dev.adjoint.runtime.optim.Options options = dev.adjoint.runtime.optim.Options.defaults()
            .withMaxIterations(ITERATIONS).withGradientTolerance(0).withListener((k, f, gNorm, x) -> {
              misfits[k] = f;
              bar.stepTo(k);
              bar.setExtraMessage(String.format(Locale.ROOT, "misfit %.4e", f));
              System.out.printf(Locale.ROOT, "%n  iteration %2d: misfit %.6e (%.3f of the first), model error %.4f%n",
                  k, f, f / misfits[0], modelError(bounded(fromVariable(x, m0), mMin), vTrue));
            });
        result = new Lbfgs().minimize(objective, new double[m0.length], options);
      }
      float[] mFinal = bounded(fromVariable(result.minimizer(), m0), mMin);
      double error1 = modelError(mFinal, vTrue);
      System.out.printf(Locale.ROOT, "  %s: %d iterations, %d f and %d gradient evaluations, %.1f s%n",
          result.status(), result.iterations(), result.fCalls(), result.gCalls(), result.seconds());
      System.out.printf(Locale.ROOT, "  relative model error |v - v_true| / |v_true|: %.4f before, %.4f after "
          + "(%.0f%% less)%n", error0, error1, 100 * (1 - error1 / error0));
      plot(vTrue, m0, mFinal, observed.get(SHOTS / 2), shots.get(SHOTS / 2).geometry().sources()[0][0],
          firstGradient[0], misfits, result.iterations());
      if (!(error1 < REQUIRED_REDUCTION * error0)) {
        throw new IllegalStateException("FWI did not reduce the model error enough: " + error0 + " -> " + error1);
      }
    }
  }

  /** The model for optimiser variable {@code x}: {@code m0 (1 + SCALE x)}. */
  static float[] fromVariable(double[] x, float[] m0) {
    float[] m = new float[m0.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) (m0[i] * (1 + SCALE * x[i]));
    }
    return m;
  }

  /** The model the misfit sees: {@code max(m, mMin)}. */
  static float[] bounded(float[] m, float mMin) {
    float[] out = new float[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = Math.max(m[i], mMin);
    }
    return out;
  }

  private static boolean frozen(int cell) {
    return cell / Tutorial.NX < FROZEN_ROWS;
  }

  /** The rows above the receivers keep their true values (a water layer would, in practice). */
  private static void freezeTop(float[] m0, float[] mTrue) {
    for (int i = 0; i < FROZEN_ROWS * Tutorial.NX; i++) {
      m0[i] = mTrue[i];
    }
  }

  static float[] slowness(float[] v) {
    float[] m = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      m[i] = 1f / (v[i] * v[i]);
    }
    return m;
  }

  /** {@code |v(m) - v_true| / |v_true|}. */
  static double modelError(float[] m, float[] vTrue) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < m.length; i++) {
      double v = 1 / Math.sqrt(Math.max(m[i], 1e-6));
      num += (v - vTrue[i]) * (v - vTrue[i]);
      den += (double) vTrue[i] * vTrue[i];
    }
    return Math.sqrt(num / den);
  }

  private static void plot(float[] vTrue, float[] m0, float[] mFinal, float[] shotRecord, float sourceX,
      float[] gradient, double[] misfits, int iterations) {
    int nx = Tutorial.NX;
    int nz = Tutorial.NZ;
    double h = Tutorial.SPACING;
    WaveFigures.heatMap("fwi-true-velocity", "True velocity (km/s)", "x (m)", "depth (m)", vTrue, nx, nz, h, h,
        WaveFigures.VELOCITY, false);
    WaveFigures.heatMap("fwi-initial-velocity", "Initial velocity (km/s)", "x (m)", "depth (m)",
        Tutorial.velocity(m0), nx, nz, h, h, WaveFigures.VELOCITY, false);
    WaveFigures.heatMap("fwi-inverted-velocity", "Inverted velocity after " + iterations + " L-BFGS iterations (km/s)",
        "x (m)", "depth (m)", Tutorial.velocity(mFinal), nx, nz, h, h, WaveFigures.VELOCITY, false);
    WaveFigures.heatMap("fwi-first-gradient", "First FWI gradient (d misfit / dm)", "x (m)", "depth (m)", gradient,
        nx, nz, h, h, WaveFigures.SIGNED, true);
    int samples = shotRecord.length / Tutorial.RECEIVERS;
    float[] transposed = new float[shotRecord.length];
    for (int r = 0; r < Tutorial.RECEIVERS; r++) {
      for (int t = 0; t < samples; t++) {
        transposed[r + Tutorial.RECEIVERS * t] = shotRecord[r * samples + t];
      }
    }
    WaveFigures.heatMap("fwi-shot-record", String.format(Locale.ROOT, "Observed shot record, source at %.0f m",
        sourceX), "receiver x (m)", "time (ms)",
        transposed, Tutorial.RECEIVERS, samples, 1100.0 / (Tutorial.RECEIVERS - 1), Tutorial.DT_MS,
        WaveFigures.SIGNED, true);
    double[] k = new double[iterations + 1];
    double[] f = new double[iterations + 1];
    for (int i = 0; i <= iterations; i++) {
      k[i] = i;
      f[i] = misfits[i];
    }
    XYChart chart = Figures.lineChart("FWI misfit", "L-BFGS iteration", "0.5 |F(m) q - d|^2, all shots");
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
    chart.addSeries("misfit", k, f);
    Figures.save(chart, "fwi-misfit");
  }
}
