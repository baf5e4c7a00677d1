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
 * Forward mode and second derivatives of the {@link Kernels}, beside their primal in the same run:
 * tangent / primal is the cost of one Jacobian-vector product, HVP / primal that of one
 * Hessian-vector product (the reverse of the tangent, with the gradient).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SecondOrderBenchmarks {
  double[] u0;
  double[] u0Dot;
  double[] x;
  double[] y;
  double[] xDot;
  double[] yDot;
  double[][] a;
  double[][] aDot;
  double[] v;
  double[] vDot;
  double[] c;
  double[] cDot;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    u0 = random.doubles(KernelBenchmarks.HEAT_POINTS).toArray();
    u0Dot = random.doubles(KernelBenchmarks.HEAT_POINTS, -1, 1).toArray();
    x = random.doubles(KernelBenchmarks.SUM_LENGTH).toArray();
    y = random.doubles(KernelBenchmarks.SUM_LENGTH).toArray();
    xDot = random.doubles(KernelBenchmarks.SUM_LENGTH, -1, 1).toArray();
    yDot = random.doubles(KernelBenchmarks.SUM_LENGTH, -1, 1).toArray();
    int n = KernelBenchmarks.MATRIX_SIZE;
    a = new double[n][];
    aDot = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = random.doubles(n, -1, 1).toArray();
      aDot[i] = random.doubles(n, -1, 1).toArray();
    }
    v = random.doubles(n, -0.1, 0.1).toArray();
    vDot = random.doubles(n, -1, 1).toArray();
    c = new double[] {1.0, -0.5, 0.25, -0.125};
    cDot = new double[] {0.5, 0.5, -0.5, 0.25};
  }

  @Benchmark
  public double heatPrimal() {
    return Kernels.heat(u0, KernelBenchmarks.HEAT_R, KernelBenchmarks.HEAT_STEPS);
  }

  @Benchmark
  public KernelsAdjoint.HeatTangent heatTangent() {
    return KernelsAdjoint.heatTangent(u0, KernelBenchmarks.HEAT_R, KernelBenchmarks.HEAT_STEPS, u0Dot, 0.3);
  }

  @Benchmark
  public KernelsAdjointAdjoint.HeatHvp heatHvp() {
    return KernelsAdjointAdjoint.heatHvp(u0, KernelBenchmarks.HEAT_R, KernelBenchmarks.HEAT_STEPS, u0Dot, 0.3);
  }

  @Benchmark
  public double sumOfSquaresPrimal() {
    return Kernels.sumOfSquares(x, y);
  }

  @Benchmark
  public KernelsAdjoint.SumOfSquaresTangent sumOfSquaresTangent() {
    return KernelsAdjoint.sumOfSquaresTangent(x, y, xDot, yDot);
  }

  @Benchmark
  public KernelsAdjointAdjoint.SumOfSquaresHvp sumOfSquaresHvp() {
    return KernelsAdjointAdjoint.sumOfSquaresHvp(x, y, xDot, yDot);
  }

  @Benchmark
  public double matVecPolynomialPrimal() {
    return Kernels.matVecPolynomial(a, v, c);
  }

  @Benchmark
  public KernelsAdjoint.MatVecPolynomialTangent matVecPolynomialTangent() {
    return KernelsAdjoint.matVecPolynomialTangent(a, v, c, aDot, vDot, cDot);
  }

  @Benchmark
  public KernelsAdjointAdjoint.MatVecPolynomialHvp matVecPolynomialHvp() {
    return KernelsAdjointAdjoint.matVecPolynomialHvp(a, v, c, aDot, vDot, cDot);
  }
}
