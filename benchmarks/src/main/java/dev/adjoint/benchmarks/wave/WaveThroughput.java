package dev.adjoint.benchmarks.wave;

import java.util.Arrays;
import java.util.Locale;

/**
 * Forward throughput of the propagators without JMH, for machines that have no build tools (the
 * GPU script runs it): for each grid and engine, warm-up runs, then the median of timed runs, in
 * Mpts/s (updated points per second).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp adjoint-gradbench.jar \
 *     dev.adjoint.benchmarks.wave.WaveThroughput [engines [grids [runs]]]
 * </pre>
 *
 * {@code engines} and {@code grids} are comma-separated ("java,opencl", "2d-1000,3d-200").
 */
public final class WaveThroughput {
  private WaveThroughput() {}

  public static void main(String[] args) {
    String[] engines = (args.length > 0 ? args[0] : "java,opencl,aparapi-jtp").split(",");
    String[] grids = (args.length > 1 ? args[1] : "2d-1000,3d-200").split(",");
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    System.out.printf(Locale.ROOT, "%-8s %-12s %10s %10s  %s%n", "grid", "engine", "Mpts/s", "ms/run", "device");
    for (String grid : grids) {
      for (String engine : engines) {
        measure(grid, engine.trim(), runs);
      }
    }
  }

  static void measure(String grid, String engine, int runs) {
    int steps = grid.startsWith("3d") ? 20 : 100;
    if (engine.equals("aparapi-jtp")) {
      steps /= 5; // several times slower: keep the run short
      runs = Math.min(runs, 3);
    }
    try (StencilRun r = new StencilRun(grid, engine, steps)) {
      for (int w = 0; w < 3; w++) {
        r.run();
      }
      double[] ms = new double[runs];
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        r.run();
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(ms);
      double median = ms[runs / 2];
      System.out.printf(Locale.ROOT, "%-8s %-12s %10.0f %10.2f  %s%n", grid, engine,
          r.pointUpdates() / (median / 1e3) / 1e6, median, r.device());
    } catch (RuntimeException e) {
      System.out.printf(Locale.ROOT, "%-8s %-12s %10s %10s  %s%n", grid, engine, "-", "-", "unavailable: " + e.getMessage());
    }
  }
}
