package dev.adjoint.benchmarks.jmh;

import dev.adjoint.benchmarks.wave.StencilRun;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward propagation throughput, one operation = {@value #STEPS_2D} time steps of the 2D
 * 1000 x 1000 grid or {@value #STEPS_3D} of the 3D 200^3 grid (8th order, float32), on the Java
 * path, OpenCL (PoCL on a CPU machine) and Aparapi's Java thread pool. Mpts/s = updated points
 * per operation ({@code 992^2 x 99} and {@code 192^3 x 19}) / time; {@code benchmarks/wave/compare.sh}
 * runs it next to the C reference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class WaveBenchmarks {
  static final int STEPS_2D = 100;
  static final int STEPS_3D = 20;

  @Param({"2d-1000", "3d-200"})
  public String grid;

  @Param({"java", "opencl", "aparapi-jtp"})
  public String engine;

  StencilRun run;

  @Setup
  public void setUp() {
    int steps = grid.startsWith("3d") ? STEPS_3D : STEPS_2D;
    run = new StencilRun(grid, engine, engine.equals("aparapi-jtp") ? steps / 5 : steps);
  }

  @TearDown
  public void tearDown() {
    run.close();
  }

  @Benchmark
  public float forward() {
    return run.run();
  }
}
