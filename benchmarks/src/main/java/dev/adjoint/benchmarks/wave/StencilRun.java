package dev.adjoint.benchmarks.wave;

import dev.adjoint.wave.cpu.CpuEngine;
import dev.adjoint.wave.engine.Discretization;
import dev.adjoint.wave.engine.Engine;
import dev.adjoint.wave.engine.Propagations;
import dev.adjoint.wave.numerics.PaddedGrid;
import dev.adjoint.wave.numerics.PointInterpolation;
import dev.adjoint.wave.numerics.Stencil;
import dev.adjoint.wave.opencl.OpenClDevices;
import dev.adjoint.wave.opencl.OpenClEngine;
import java.util.Arrays;

/**
 * Forward time steps on one engine, sized like the C reference kernel: an 8th-order stencil on a
 * grid whose updated interior is {@code n - 8} points per axis (the C kernel's
 * {@code (nx - 8) (nz - 8)}), float32, one source and one receiver. Throughput counts updated
 * points per second.
 */
public final class StencilRun implements AutoCloseable {
  /** Grids: "2d-1000" is 1000 x 1000, "3d-200" is 200^3, both with the 4-point halo inside. */
  public static int[] shape(String grid) {
    return switch (grid) {
      case "2d-1000" -> new int[] {992, 992};
      case "3d-200" -> new int[] {192, 192, 192};
      case "2d-seed" -> new int[] {200, 180};
      default -> throw new IllegalArgumentException("unknown grid " + grid + ": 2d-1000, 3d-200 or 2d-seed");
    };
  }

  private final Engine engine;
  private final PointInterpolation source;
  private final PointInterpolation receiver;
  private final long points;
  private final int steps;
  private final float[] wavelet;

  /**
   * @param grid a name {@link #shape} knows
   * @param engineName "java", "opencl" or "aparapi-jtp"
   * @param steps time steps per {@link #run()}
   */
  public StencilRun(String grid, String engineName, int steps) {
    int[] shape = shape(grid);
    PaddedGrid padded = new PaddedGrid(shape, 0, 4);
    double[] spacing = new double[shape.length];
    Arrays.fill(spacing, 10);
    Discretization disc = new Discretization(padded, Stencil.ofOrder(8), spacing);
    engine = switch (engineName) {
      case "java" -> new CpuEngine(disc);
      case "opencl" -> OpenClEngine.open(disc, OpenClDevices.choose());
      case "aparapi-jtp" -> OpenClEngine.onAparapiThreadPool(disc);
      default -> throw new IllegalArgumentException("unknown engine " + engineName + ": java, opencl, aparapi-jtp");
    };
    double dt = 1.0;
    float[] a = new float[padded.size()];
    for (int c = 0; c < a.length; c++) {
      a[c] = padded.inInterior(c) ? (float) (dt * dt * 1.5 * 1.5) : 0; // 1.5 km/s: stable at 10 m
    }
    engine.setModel(a, new float[padded.size()]);
    float[][] centre = new float[shape.length][1];
    for (int d = 0; d < shape.length; d++) {
      centre[d][0] = (float) (shape[d] / 2 * spacing[d]);
    }
    source = new PointInterpolation(padded, new double[shape.length], spacing, centre, "source");
    receiver = new PointInterpolation(padded, new double[shape.length], spacing, centre, "receiver");
    points = padded.interiorSize();
    this.steps = steps;
    wavelet = new float[steps];
    wavelet[0] = 1;
  }

  /** Runs the time steps; returns a sample so that the work cannot be optimised away. */
  public float run() {
    float[] out = Propagations.forward(engine, steps, source, wavelet, receiver, null, 1).output();
    return out[out.length - 1];
  }

  /** Point updates per run. */
  public long pointUpdates() {
    return points * (steps - 1);
  }

  /** The engine's description. */
  public String device() {
    return engine.description();
  }

  @Override
  public void close() {
    engine.close();
  }
}
