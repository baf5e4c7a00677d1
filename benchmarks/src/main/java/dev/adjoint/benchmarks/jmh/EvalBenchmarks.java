package dev.adjoint.benchmarks.jmh;

import dev.adjoint.benchmarks.gradbench.evals.BaEval;
import dev.adjoint.benchmarks.gradbench.evals.GmmEval;
import dev.adjoint.benchmarks.gradbench.evals.LstmEval;
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
 * Objective against jacobian of three GradBench evals at one size each, through the same code the
 * GradBench tool times: gmm at d=10, k=5, n=1000 by default ({@code -p gmmSize=20_25_1000} picks
 * another of GradBench's {@code d_k_n} sizes); lstm at l=2, c=1024 (b=14); ba at ba1's
 * n=49, m=7776, p=31843 with ba1's camera, point, weight and feature (its output arrays
 * allocated once, as the tool does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EvalBenchmarks {
  /** gmm's size as GradBench names it, {@code d_k_n}. */
  @Param("10_5_1000")
  public String gmmSize;

  GmmEval.Input gmm;
  LstmEval.Input lstm;
  BaEval.Input ba;
  BaEval.Residuals baResiduals;
  BaEval.SparseMatrix baJacobian;

  @Setup
  public void setUp() {
    Random random = new Random(31337);
    String[] dkn = gmmSize.split("_");
    gmm = gmm(random, Integer.parseInt(dkn[0]), Integer.parseInt(dkn[1]), Integer.parseInt(dkn[2]));
    lstm = lstm(random, 2, 1024, 14);
    ba = BaEval.replicate(49, 7776, 31843,
        new double[] {-0.758453, -1.109613, -0.845551, 34.556073, 39.676747, 53.881673, 419.194514,
            5.864426, -8.51887, 0.087812, 0.002739},
        new double[] {7.203245, 0.001144, 3.023326}, 0.417022, new double[] {271.760969, 834.209256});
    baResiduals = BaEval.Residuals.allocate(ba);
    baJacobian = BaEval.SparseMatrix.allocate(ba);
  }

  @Benchmark
  public double gmmObjective() {
    return GmmEval.objective(gmm);
  }

  @Benchmark
  public Object gmmJacobian() {
    return GmmEval.jacobian(gmm);
  }

  @Benchmark
  public double lstmObjective() {
    return LstmEval.objective(lstm);
  }

  @Benchmark
  public double[] lstmJacobian() {
    return LstmEval.jacobian(lstm);
  }

  @Benchmark
  public Object baObjective() {
    return BaEval.objective(ba, baResiduals);
  }

  @Benchmark
  public Object baJacobian() {
    return BaEval.jacobian(ba, baJacobian);
  }

  @Benchmark
  public Object baJacobianByTangents() {
    return BaEval.jacobianByTangents(ba, baJacobian);
  }

  /** Drawn like GradBench's generator: normal weights, uniform means, normal q, l and points. */
  static GmmEval.Input gmm(Random random, int d, int k, int n) {
    return new GmmEval.Input(normal(random, k), uniform(random, k, d), normal(random, k, d),
        normal(random, k, d * (d - 1) / 2), normal(random, n, d), 1.0, 0);
  }

  /** Random parameters and state, and a random one-hot-bits sequence of c characters of b bits. */
  static LstmEval.Input lstm(Random random, int l, int c, int b) {
    double[][] sequence = new double[c][b];
    for (double[] character : sequence) {
      for (int i = 0; i < b; i++) {
        character[i] = random.nextBoolean() ? 1 : 0;
      }
    }
    return new LstmEval.Input(uniform(random, 2 * l, 4 * b), uniform(random, 3, b),
        uniform(random, 2 * l, b), sequence);
  }

  private static double[] normal(Random random, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = random.nextGaussian();
    }
    return v;
  }

  private static double[][] normal(Random random, int rows, int cols) {
    double[][] m = new double[rows][];
    for (int i = 0; i < rows; i++) {
      m[i] = normal(random, cols);
    }
    return m;
  }

  private static double[][] uniform(Random random, int rows, int cols) {
    double[][] m = new double[rows][];
    for (int i = 0; i < rows; i++) {
      m[i] = random.doubles(cols).toArray();
    }
    return m;
  }
}
