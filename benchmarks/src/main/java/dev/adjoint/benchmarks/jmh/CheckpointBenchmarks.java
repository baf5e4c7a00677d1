package dev.adjoint.benchmarks.jmh;

import dev.adjoint.examples.wave.Tutorial;
import dev.adjoint.wave.Modelling;
import dev.adjoint.wave.Options;
import dev.adjoint.wave.Propagator;
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
 * The FWI gradient on the JUDI tutorial's grid (963 steps) with the forward wavefield stored
 * ({@code checkpoints = 0}, 963 snapshots) or recomputed from 10, 20 or 50 checkpoints (21, 41,
 * 101 snapshots). Revolve predicts the forward steps: {@code 962 + advances} beyond the stored
 * run's, with 3,484, 2,633 and 1,872 advances.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class CheckpointBenchmarks {
  @Param({"0", "10", "20", "50"})
  public int checkpoints;

  Propagator propagator;
  Modelling shot;
  float[] m;
  float[] q;
  float[] residual;

  @Setup
  public void setUp() {
    propagator = Propagator.open(Tutorial.model(Tutorial.trueVelocity()), Options.defaults().withCheckpoints(checkpoints));
    shot = propagator.modelling(Tutorial.shot(600));
    m = propagator.model().slowness();
    q = Tutorial.wavelet();
    residual = shot.forward(m, q);
  }

  @TearDown
  public void tearDown() {
    propagator.close();
  }

  @Benchmark
  public float[] fwiGradient() {
    return shot.gradient(m, q, residual);
  }
}
