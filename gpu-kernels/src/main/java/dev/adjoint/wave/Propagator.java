package dev.adjoint.wave;

import dev.adjoint.wave.engine.Discretization;
import dev.adjoint.wave.engine.Engine;
import dev.adjoint.wave.engine.History;
import dev.adjoint.wave.engine.SpareHistory;
import dev.adjoint.wave.numerics.Damping;
import dev.adjoint.wave.numerics.PaddedGrid;
import dev.adjoint.wave.numerics.Stencil;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The wave-equation solver for one model grid and one set of {@link Options}: the padded grid,
 * the stencil and the device engine, shared by the {@link Modelling} operators of every shot.
 *
 * <pre>{@code
 * try (Propagator p = Propagator.open(model, Options.defaults())) {
 *   Modelling f = p.modelling(geometry);
 *   float[] d = f.forward(q);
 * }
 * }</pre>
 *
 * <p>Propagations through one propagator run one at a time. {@link #records()} lists those that
 * ran, with their times. Closing releases device memory; a propagator that is not closed releases
 * it when it becomes unreachable.
 */
public final class Propagator implements AutoCloseable {
  /** The computational step is this fraction of the stability limit, as Devito's default is about. */
  static final double CFL_FRACTION = 0.75;

  private static final Cleaner CLEANER = Cleaner.create();

  private final Model model;
  private final Options options;
  private final Discretization disc;
  private final Engine engine;
  private final float[] eta;
  private final List<PropagationRecord> records = Collections.synchronizedList(new ArrayList<>());
  private final Cleaner.Cleanable cleanable;
  private final SpareHistory spareHistory = new SpareHistory();
  private volatile boolean closed;

  private Propagator(Model model, Options options) {
    this.model = model;
    this.options = options;
    Stencil stencil = Stencil.ofOrder(options.spaceOrder());
    PaddedGrid grid = new PaddedGrid(model.shape(), model.absorbingLayer(), stencil.radius());
    this.disc = new Discretization(grid, stencil, model.spacing());
    this.eta = Damping.profile(grid, model.spacing());
    this.engine = Devices.open(disc, options.device());
    Engine e = engine;
    this.cleanable = CLEANER.register(this, e::close);
  }

  /**
   * A propagator for {@code model}'s grid and spacing. The model's slowness is the background of
   * the Born operators and, with {@link Options#maxVelocity()}, sets the time step.
   *
   * @throws IllegalArgumentException for an unknown device name in the system property
   * @throws dev.adjoint.wave.opencl.OpenClUnavailableException when OpenCL is forced and unusable
   */
  public static Propagator open(Model model, Options options) {
    return new Propagator(model, options);
  }

  /** Forward modelling and its derivatives for one shot. */
  public Modelling modelling(Geometry geometry) {
    return new Modelling(this, geometry);
  }

  /** The model. */
  public Model model() {
    return model;
  }

  /** The options. */
  public Options options() {
    return options;
  }

  /** Where propagations run, e.g. "Java: Vector API, 16 float lanes, 2 threads". */
  public String device() {
    return engine.description();
  }

  /** The kind of device the engine is ({@link Device#JAVA} or {@link Device#OPENCL}). */
  public Device deviceKind() {
    return engine.device();
  }

  /**
   * The largest stable time step (ms) for velocities up to {@code maxVelocity} km/s on this grid
   * and stencil.
   */
  public double stabilityLimit(double maxVelocity) {
    return disc.stencil().stabilityLimit(model.spacing(), maxVelocity);
  }

  /**
   * The time step the propagations aim for: {@value #CFL_FRACTION} of the stability limit of the
   * larger of the model's maximum velocity and {@link Options#maxVelocity()}.
   */
  public double targetTimeStep() {
    return CFL_FRACTION * stabilityLimit(Math.max(model.maxVelocity(), options.maxVelocity()));
  }

  /** Bytes of one wavefield snapshot on the padded grid. */
  public long snapshotBytes() {
    return disc.fieldBytes();
  }

  /** The propagations run so far (or since {@link #clearRecords()}), oldest first. */
  public List<PropagationRecord> records() {
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  /** Forgets the records. */
  public void clearRecords() {
    records.clear();
  }

  @Override
  public void close() {
    closed = true;
    spareHistory.clear();
    cleanable.clean();
  }

  Discretization discretization() {
    return disc;
  }

  Engine engine() {
    return engine;
  }

  /**
   * Runs {@code body} on the engine after loading the coefficients of slowness {@code m} for time
   * step {@code dt}, and records it.
   */
  synchronized <T> T run(String operation, float[] m, double dt, int steps, int wavefields, Function<Engine, T> body) {
    if (closed) {
      throw new IllegalStateException("this Propagator is closed; open a new one");
    }
    PaddedGrid grid = disc.grid();
    float[] padded = grid.extend(m);
    float[] a = new float[padded.length];
    float[] eps = new float[padded.length];
    for (int c = 0; c < padded.length; c++) {
      // a = 0 outside the interior keeps the spare columns at zero (see PaddedGrid)
      a[c] = grid.inInterior(c) ? (float) (dt * dt / padded[c]) : 0f;
      eps[c] = (float) (eta[c] * dt / (2 * padded[c]));
    }
    engine.setModel(a, eps);
    long start = System.nanoTime();
    T result = body.apply(engine);
    double seconds = (System.nanoTime() - start) / 1e9;
    records.add(new PropagationRecord(operation, engine.description(), disc.grid().interiorSize(), steps, wavefields,
        seconds));
    return result;
  }

  /** The padded Born weight {@code -dm / dt^2}. */
  float[] bornWeight(float[] dm, double dt) {
    float[] w = disc.grid().extend(dm);
    float scale = (float) (-1 / (dt * dt));
    for (int c = 0; c < w.length; c++) {
      w[c] *= scale;
    }
    return w;
  }

  /**
   * A history of {@code slots} snapshots: the one the last gradient gave back if it has that
   * size, else a new one, after checking that it fits ({@link #requireMemoryFor}).
   */
  History newHistory(int slots, int steps) {
    History h = spareHistory.take();
    if (h != null && h.slots() == slots) {
      return h;
    }
    requireMemoryFor(slots, steps, h == null ? 0 : h.bytes()); // a dropped spare will be collected
    return engine.newHistory(slots);
  }

  /** Gives back a history no longer needed, for the next gradient. */
  void releaseHistory(History h) {
    spareHistory.give(h);
  }

  /**
   * Throws a {@link WavefieldMemoryException} if a history of {@code snapshots} snapshots would
   * not fit in the JVM's free heap (plus {@code reclaimable} bytes about to be released, less a
   * margin for the rest of the run) or on the device.
   */
  void requireMemoryFor(int snapshots, int steps, long reclaimable) {
    long need = snapshots * disc.fieldBytes();
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()) + reclaimable;
    long room = free - 8 * disc.fieldBytes(); // working fields and coefficient arrays
    String where = "the JVM has";
    if (engine.deviceBytesForHistory() < room) {
      room = engine.deviceBytesForHistory();
      where = "the OpenCL device has";
    }
    if (need > room) {
      long perSnapshot = disc.fieldBytes();
      long fit = Math.max(1, room / perSnapshot);
      long k = Math.max(2, (steps - 2) / Math.max(1, fit - 1) + 1);
      throw new WavefieldMemoryException(String.format(
          "the forward wavefield for this gradient needs %s (%d snapshots of %d padded grid points in float32), "
              + "but %s %s free (JVM -Xmx %s); recompute it from checkpoints with Options.withCheckpoints(%d) "
              + "or fewer, keep every k-th snapshot with Options.withSubsampling(%d) or more, give the JVM more "
              + "heap, or use a smaller model or absorbing layer",
          bytes(need), snapshots, disc.grid().size(), where, bytes(Math.max(0, room)), bytes(rt.maxMemory()),
          Math.max(1, (fit - 1) / 2), k),
          need, Math.max(0, room));
    }
  }

  static String bytes(long b) {
    return b >= 1L << 30 ? String.format("%.2f GiB", b / (double) (1L << 30))
        : String.format("%.1f MiB", b / (double) (1L << 20));
  }
}
