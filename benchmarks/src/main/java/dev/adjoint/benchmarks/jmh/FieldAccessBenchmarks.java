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
 * The gradient of one model whose data lives in private fields (read by the adjoint through
 * {@code static final VarHandle}s) and of the same model with package-private fields (read
 * directly): the ratio shows what the handles cost once the JIT has compiled the sweep.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 2, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class FieldAccessBenchmarks {
  private static final int SAMPLES = 2_000;
  private static final int DIM = 16;

  PrivateFieldModel privateModel;
  PackageFieldModel packageModel;
  double[] w;

  @Setup
  public void setUp() {
    Random rnd = new Random(42);
    double[] features = new double[SAMPLES * DIM];
    double[] labels = new double[SAMPLES];
    for (int i = 0; i < features.length; i++) {
      features[i] = rnd.nextGaussian();
    }
    for (int i = 0; i < SAMPLES; i++) {
      labels[i] = rnd.nextBoolean() ? 1 : -1;
    }
    privateModel = new PrivateFieldModel(features, labels, DIM, 0.5);
    packageModel = new PackageFieldModel(features, labels, DIM, 0.5);
    w = new double[DIM];
    for (int j = 0; j < DIM; j++) {
      w[j] = 0.1 * rnd.nextGaussian();
    }
  }

  @Benchmark
  public Object privateFields() {
    return PrivateFieldModelAdjoint.lossGradient(privateModel, w, 0.2);
  }

  @Benchmark
  public Object packagePrivateFields() {
    return PackageFieldModelAdjoint.lossGradient(packageModel, w, 0.2);
  }
}
