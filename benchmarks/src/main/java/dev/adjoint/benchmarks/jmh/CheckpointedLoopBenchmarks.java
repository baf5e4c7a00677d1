package dev.adjoint.benchmarks.jmh;

import dev.adjoint.runtime.tape.Tape;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code @Checkpointed} time loops against the same loops stored ({@link TimeLoops}): the heat
 * equation and a 1-D wave loop, 1,000 points by 1,000 steps, primal and gradients with every step
 * recorded and with 10, 20 and 50 snapshots. {@link #main} prints each gradient's peak tape bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CheckpointedLoopBenchmarks {
  static final int POINTS = 1000;
  static final int STEPS = 1000;
  static final double R = 0.25;

  double[] u0;
  double[] c2;

  @Setup
  public void setUp() {
    Random random = new Random(7);
    u0 = random.doubles(POINTS, -1, 1).toArray();
    c2 = random.doubles(POINTS, 0.1, 0.25).toArray();
  }

  @Benchmark
  public double heatPrimal() {
    return TimeLoops.heatStored(u0, R, STEPS);
  }

  @Benchmark
  public Object heatStored() {
    return TimeLoopsAdjoint.heatStoredGradient(u0, R, STEPS);
  }

  @Benchmark
  public Object heat10() {
    return TimeLoopsAdjoint.heat10Gradient(u0, R, STEPS);
  }

  @Benchmark
  public Object heat20() {
    return TimeLoopsAdjoint.heat20Gradient(u0, R, STEPS);
  }

  @Benchmark
  public Object heat50() {
    return TimeLoopsAdjoint.heat50Gradient(u0, R, STEPS);
  }

  @Benchmark
  public double wavePrimal() {
    return TimeLoops.waveStored(c2, u0, STEPS);
  }

  @Benchmark
  public Object waveStored() {
    return TimeLoopsAdjoint.waveStoredGradient(c2, u0, STEPS);
  }

  @Benchmark
  public Object wave10() {
    return TimeLoopsAdjoint.wave10Gradient(c2, u0, STEPS);
  }

  @Benchmark
  public Object wave20() {
    return TimeLoopsAdjoint.wave20Gradient(c2, u0, STEPS);
  }

  @Benchmark
  public Object wave50() {
    return TimeLoopsAdjoint.wave50Gradient(c2, u0, STEPS);
  }

  /** Prints the peak tape bytes of each gradient, each measured on a fresh thread. */
  public static void main(String[] args) throws InterruptedException {
    CheckpointedLoopBenchmarks b = new CheckpointedLoopBenchmarks();
    b.setUp();
    String[] names = {"heatStored", "heat10", "heat20", "heat50", "waveStored", "wave10", "wave20", "wave50"};
    java.util.List<Supplier<Object>> runs = java.util.List.of(b::heatStored, b::heat10, b::heat20, b::heat50,
        b::waveStored, b::wave10, b::wave20, b::wave50);
    for (int k = 0; k < names.length; k++) {
      Supplier<Object> run = runs.get(k);
      long[] peak = new long[1];
      Thread t = new Thread(() -> {
        run.get();
        peak[0] = Tape.largestBytes();
      });
      t.start();
      t.join();
      System.out.printf("%-11s peak tape %,d bytes%n", names[k], peak[0]);
    }
  }
}
