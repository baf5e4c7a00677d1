package dev.adjoint.benchmarks.jmh;

import dev.adjoint.examples.wave.BornNetwork;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The operators on the JUDI tutorial's grid (120 x 100 at 10 m, 40-point absorbing layer, 1000 ms
 * recorded at 1 ms), on the default device:
 *
 * <ul>
 *   <li>{@code forward}: {@code F(m) q} in the two-layer model (1.4/4.0 km/s);
 *   <li>{@code fwiGradient}: {@code J(m, q)' r}, forward keeping the wavefield, adjoint and imaging
 *       condition, which should cost at most 3 {@code forward}s;
 *   <li>{@code bornNetworkGradient}: the tutorial network's full gradient through {@code J} and
 *       {@code J'} (generated adjoint, both matrix layers included).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class WaveOperatorBenchmarks {
  Propagator layered;
  Modelling shot;
  float[] m;
  float[] q;
  float[] residual;
  Propagator background;
  Modelling born;
  BornNetwork.Network network;

  @Setup
  public void setUp() {
    layered = Propagator.open(Tutorial.model(Tutorial.trueVelocity()), Options.defaults());
    shot = layered.modelling(Tutorial.shot(600));
    m = layered.model().slowness();
    q = Tutorial.wavelet();
    residual = shot.forward(m, q);
    background = Propagator.open(Tutorial.background(), Options.defaults());
    born = background.modelling(Tutorial.shot(600));
    network = BornNetwork.network(born);
  }

  @TearDown
  public void tearDown() {
    layered.close();
    background.close();
  }

  @Benchmark
  public float[] forward() {
    return shot.forward(m, q);
  }

  @Benchmark
  public float[] fwiGradient() {
    return shot.gradient(m, q, residual);
  }

  @Benchmark
  public float bornNetworkGradient() {
    return network.gradient(born).value();
  }
}
