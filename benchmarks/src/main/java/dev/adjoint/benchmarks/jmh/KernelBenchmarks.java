package dev.adjoint.benchmarks.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * Primal against gradient for the {@link Kernels}: the ratio gradient / primal of each pair, from
 * the same run, is the cost of the reverse sweep (the design aims for 2 to 4).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelBenchmarks {
  static final int HEAT_POINTS = 1000;
  static final int HEAT_STEPS = 200;
  static final double HEAT_R = 0.25;
  static final int SUM_LENGTH = 100_000;
  static final int MATRIX_SIZE = 256;

  double[] u0;
  double[] x;
  double[] y;
  double[][] a;
  double[] v;
  double[] c;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    u0 = random.doubles(HEAT_POINTS).toArray();
    x = random.doubles(SUM_LENGTH).toArray();
    y = random.doubles(SUM_LENGTH).toArray();
    a = new double[MATRIX_SIZE][];
    for (int i = 0; i < MATRIX_SIZE; i++) {
      a[i] = random.doubles(MATRIX_SIZE, -1, 1).toArray();
    }
    v = random.doubles(MATRIX_SIZE, -0.1, 0.1).toArray();
    c = new double[] {1.0, -0.5, 0.25, -0.125};
  }

  @Benchmark
  public double heatPrimal() {
    return Kernels.heat(u0, HEAT_R, HEAT_STEPS);
  }

  @Benchmark
  public KernelsAdjoint.HeatGradient heatGradient() {
    return KernelsAdjoint.heatGradient(u0, HEAT_R, HEAT_STEPS);
  }

  @Benchmark
  public double sumOfSquaresPrimal() {
    return Kernels.sumOfSquares(x, y);
  }

  @Benchmark
  public KernelsAdjoint.SumOfSquaresGradient sumOfSquaresGradient() {
    return KernelsAdjoint.sumOfSquaresGradient(x, y);
  }

  @Benchmark
  public double matVecPolynomialPrimal() {
    return Kernels.matVecPolynomial(a, v, c);
  }

  @Benchmark
  public KernelsAdjoint.MatVecPolynomialGradient matVecPolynomialGradient() {
    return KernelsAdjoint.matVecPolynomialGradient(a, v, c);
  }
}
