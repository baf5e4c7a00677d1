package dev.adjoint.benchmarks.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Vector forward mode against as many scalar tangents, on the heat kernel: {@code directions}
 * Jacobian-vector products in one sweep ({@code heatTangents}) or one sweep each
 * ({@code heatTangentPerDirection}), beside the primal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VectorTangentBenchmarks {
  @Param({"4", "16"})
  int directions;

  double[] u0;
  double[][] u0Dots;
  double[] rDots;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    u0 = random.doubles(KernelBenchmarks.HEAT_POINTS).toArray();
    u0Dots = new double[directions][];
    rDots = new double[directions];
    for (int d = 0; d < directions; d++) {
      u0Dots[d] = random.doubles(KernelBenchmarks.HEAT_POINTS, -1, 1).toArray();
      rDots[d] = random.nextDouble();
    }
  }

  @Benchmark
  public double heatPrimal() {
    return Kernels.heat(u0, KernelBenchmarks.HEAT_R, KernelBenchmarks.HEAT_STEPS);
  }

  @Benchmark
  public KernelsAdjoint.HeatTangents heatTangents() {
    return KernelsAdjoint.heatTangents(u0, KernelBenchmarks.HEAT_R, KernelBenchmarks.HEAT_STEPS, u0Dots, rDots);
  }

  @Benchmark
  public double heatTangentPerDirection() {
    double s = 0;
    for (int d = 0; d < directions; d++) {
      s += KernelsAdjoint.heatTangent(u0, KernelBenchmarks.HEAT_R, KernelBenchmarks.HEAT_STEPS, u0Dots[d], rDots[d])
          .tangent();
    }
    return s;
  }
}
