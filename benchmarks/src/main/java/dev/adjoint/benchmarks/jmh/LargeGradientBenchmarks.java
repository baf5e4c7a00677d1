package dev.adjoint.benchmarks.jmh;

import dev.adjoint.runtime.checkpoint.Revolve;
import dev.adjoint.wave.Geometry;
import dev.adjoint.wave.Model;
import dev.adjoint.wave.Modelling;
import dev.adjoint.wave.Options;
import dev.adjoint.wave.PropagationRecord;
import dev.adjoint.wave.Propagator;
import dev.adjoint.wave.Wavelets;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The 2D FWI gradient at 1000 x 1000 points (10 m, plus the absorbing layer) and about 2,000 time
 * steps, with the forward wavefield stored (about 9 GB in float32), stored every 4th step, or
 * recomputed from 20 or 50 checkpoints (Revolve). Each iteration prints the wavefield bytes kept,
 * the peak heap and the forward steps run, so the table has memory next to time. Long: run it on
 * its own, {@code jmh LargeGradientBenchmarks} (about 10 minutes on 2 cores, 14 GB of heap).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx14g"})
public class LargeGradientBenchmarks {
  static final int N = 1000;
  static final double SPACING = 10;
  /** About 2,000 steps at the stability limit of 4 km/s with 8th-order stencils. */
  static final double RECORDING_MS = 2080;

  @Param({"stored", "subsampled4", "checkpoints20", "checkpoints50"})
  public String mode;

  Propagator propagator;
  Modelling shot;
  float[] m;
  float[] q;
  float[] residual;

  @Setup(Level.Trial)
  public void setUp() {
    float[] v = new float[N * N];
    for (int z = 0; z < N; z++) {
      for (int x = 0; x < N; x++) {
        v[x + N * z] = z >= N / 2 ? 4.0f : 1.5f + 1.0f * z / N;
      }
    }
    Model model = Model.fromVelocity(new int[] {N, N}, new double[] {SPACING, SPACING}, new double[] {0, 0}, v);
    propagator = Propagator.open(model, options(mode));
    Geometry g = Geometry.of2d(new float[] {5000f}, new float[] {20f}, Geometry.range(50, 9950, 400),
        Geometry.constant(50, 400), 1, RECORDING_MS);
    shot = propagator.modelling(g);
    m = propagator.model().slowness();
    q = Wavelets.ricker(RECORDING_MS, 1, 0.01);
    residual = shot.forward(m, q);
  }

  static Options options(String mode) {
    Options o = Options.defaults();
    return switch (mode) {
      case "stored" -> o;
      case "subsampled4" -> o.withSubsampling(4);
      case "checkpoints20" -> o.withCheckpoints(20);
      case "checkpoints50" -> o.withCheckpoints(50);
      default -> throw new IllegalArgumentException(mode);
    };
  }

  @Setup(Level.Iteration)
  public void resetCounters() {
    propagator.clearRecords();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  @TearDown(Level.Iteration)
  public void report() {
    long forwardSteps = 0;
    for (PropagationRecord r : propagator.records()) {
      if (r.operation().startsWith("forward")) {
        forwardSteps += r.steps();
      }
    }
    int checkpoints = propagator.options().checkpoints();
    if (checkpoints > 0) {
      // one run records the checkpointed adjoint: its forward steps are Revolve's advances plus
      // the one each reverse step re-runs
      int steps = shot.timeSteps() - 1;
      forwardSteps = Revolve.minimalAdvances(steps, checkpoints) + steps;
    }
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("%n[%s] %d time steps, wavefield kept %.2f GB, peak heap %.2f GB, forward steps %d, device %s%n",
        mode, shot.timeSteps(), shot.wavefieldBytes() / 1e9, peakHeap / 1e9, forwardSteps, propagator.device());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    propagator.close();
  }

  @Benchmark
  public float[] gradient() {
    return shot.gradient(m, q, residual);
  }
}
