package dev.adjoint.wave.cpu;

import dev.adjoint.wave.Device;
import dev.adjoint.wave.engine.Discretization;
import dev.adjoint.wave.engine.Engine;
import dev.adjoint.wave.engine.History;
import dev.adjoint.wave.engine.Injection;
import dev.adjoint.wave.engine.RunResult;
import dev.adjoint.wave.engine.RunSpec;
import dev.adjoint.wave.numerics.PointInterpolation;
import java.util.Arrays;

/**
 * The Java path: wavefields on the heap, each step split by rows over {@link WorkerPool}'s
 * threads, with the Vector API kernel where the JVM has the module and scalar loops otherwise.
 * Injection and sampling touch a few points per step and run on the calling thread.
 */
public final class CpuEngine implements Engine {
  /** Set to {@code false} to use the scalar kernel even where the Vector API is available. */
  public static final String VECTOR_PROPERTY = "adjoint.wave.vector";

  private final RowLayout layout;
  private final RowKernel kernel;
  private final WorkerPool pool;
  private final int size;
  private float[] a;
  private float[] damping;
  private float[] perturbation;
  private final float[][][] levels = new float[MAX_FIELDS][][];
  private final boolean[] swapped = new boolean[MAX_FIELDS];
  private float[] scratch;
  private RunSpec run;
  private HeapHistory history;
  private float[] gradient;
  private float[] output;

  /** An engine for {@code disc}, with the kernel {@link #vectorAvailable()} allows. */
  public CpuEngine(Discretization disc) {
    this.layout = new RowLayout(disc);
    this.kernel = vectorAvailable() ? VectorKernels.create(layout) : new ScalarRows(layout);
    this.pool = WorkerPool.shared();
    this.size = disc.grid().size();
  }

  /**
   * Whether the Vector API kernel can run: the JVM has {@code jdk.incubator.vector} and
   * {@value #VECTOR_PROPERTY} is not {@code false}.
   */
  public static boolean vectorAvailable() {
    return !"false".equalsIgnoreCase(System.getProperty(VECTOR_PROPERTY))
        && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  @Override
  public String description() {
    return "Java: " + kernel.description() + ", " + pool.threads() + " thread" + (pool.threads() == 1 ? "" : "s");
  }

  @Override
  public Device device() {
    return Device.JAVA;
  }

  @Override
  public void setModel(float[] a, float[] damping) {
    this.a = a;
    this.damping = damping;
  }

  @Override
  public void setPerturbation(float[] weight) {
    this.perturbation = weight;
  }

  @Override
  public long deviceBytesForHistory() {
    return Long.MAX_VALUE;
  }

  @Override
  public History newHistory(int slots) {
    return new HeapHistory(slots, size);
  }




  @Override
  public void begin(RunSpec spec) {
    run = spec;
    for (int f = 0; f < spec.fields(); f++) {
      if (levels[f] == null) {
        levels[f] = new float[][] {new float[size], new float[size]};
      } else {
        Arrays.fill(levels[f][0], 0f);
        Arrays.fill(levels[f][1], 0f);
      }
      swapped[f] = false;
    }
    history = (HeapHistory) spec.history();
    gradient = spec.gradient() ? new float[size] : null;
    output = new float[spec.outputLength()];
  }

  @Override
  public void step(int field, int secondDifferenceSlot, int sourceSlot, int imagingSlot, float imagingWeight) {
    float[] current = current(field);
    float[] older = older(field);
    Step s = new Step(current, older, a, damping, buffer(secondDifferenceSlot), buffer(sourceSlot),
        perturbation, buffer(imagingSlot), gradient, imagingWeight, offset(secondDifferenceSlot), offset(sourceSlot),
        offset(imagingSlot));
    if (s.source() != null && perturbation == null) {
      throw new IllegalStateException("a Born source needs a perturbation");
    }
    int rows = layout.rows;
    pool.run((part, parts) -> kernel.rows(s, (int) ((long) rows * part / parts), (int) ((long) rows * (part + 1) / parts)));
    swapped[field] = !swapped[field];
  }

  @Override
  public void inject(int field, int set, int t, int secondDifferenceSlot) {
    Injection in = run.injections().get(set);
    PointInterpolation p = in.points();
    float[] values = in.values();
    float[] u = current(field);
    float[] d2 = buffer(secondDifferenceSlot);
    int d2Offset = offset(secondDifferenceSlot);
    int[] nodes = p.nodes();
    int base = t * p.points();
    for (int n = 0; n < nodes.length; n++) {
      float sum = 0;
      for (int e = p.nodeStart()[n]; e < p.nodeStart()[n + 1]; e++) {
        sum += p.nodeWeight()[e] * values[base + p.nodePoint()[e]];
      }
      int c = nodes[n];
      float v = sum * a[c] / (1 + damping[c]);
      u[c] += v;
      if (d2 != null) {
        d2[d2Offset + c] += v;
      }
    }
  }

  @Override
  public void saveField(int field, History store, int checkpoint) {
    HeapHistory h = (HeapHistory) store;
    System.arraycopy(current(field), 0, h.chunk(2 * checkpoint), h.offset(2 * checkpoint), size);
    System.arraycopy(older(field), 0, h.chunk(2 * checkpoint + 1), h.offset(2 * checkpoint + 1), size);
  }

  @Override
  public void restoreField(int field, History store, int checkpoint) {
    HeapHistory h = (HeapHistory) store;
    System.arraycopy(h.chunk(2 * checkpoint), h.offset(2 * checkpoint), current(field), 0, size);
    System.arraycopy(h.chunk(2 * checkpoint + 1), h.offset(2 * checkpoint + 1), older(field), 0, size);
  }

  @Override
  public void sample(int field, int t) {
    PointInterpolation p = run.sampling();
    float[] u = current(field);
    int corners = p.corners();
    for (int q = 0; q < p.points(); q++) {
      float sum = 0;
      for (int k = 0; k < corners; k++) {
        sum += p.weight()[q * corners + k] * u[p.index()[q * corners + k]];
      }
      output[t * p.points() + q] = sum;
    }
  }

  @Override
  public RunResult end() {
    RunResult r = new RunResult(output, gradient);
    run = null;
    history = null;
    gradient = null;
    output = null;
    return r;
  }

  @Override
  public void close() {
    Arrays.fill(levels, null);
    scratch = null;
  }

  private float[] current(int field) {
    return levels[field][swapped[field] ? 0 : 1];
  }

  private float[] older(int field) {
    return levels[field][swapped[field] ? 1 : 0];
  }

  private float[] buffer(int slot) {
    if (slot == NONE) {
      return null;
    }
    if (slot == SCRATCH) {
      if (scratch == null) {
        scratch = new float[size];
      }
      return scratch;
    }
    return history.chunk(slot);
  }

  /** Where point 0 of {@code slot} lies in the array {@link #buffer} returns. */
  private int offset(int slot) {
    return slot >= 0 ? history.offset(slot) : 0;
  }

  /**
   * Snapshots packed into a few large arrays of up to {@value #CHUNK_FLOATS} floats. Large arrays
   * go straight to the old generation (G1's humongous objects), so young collections never copy a
   * history, and the total may exceed a single array's 2^31 limit.
   */
  private static final class HeapHistory implements History {
    private static final int CHUNK_FLOATS = 1 << 28;

    private final int slots;
    private final int size;
    private final int perChunk;
    private final float[][] chunks;

    HeapHistory(int slots, int size) {
      this.slots = slots;
      this.size = size;
      this.perChunk = Math.max(1, CHUNK_FLOATS / size);
      int count = (slots + perChunk - 1) / perChunk;
      this.chunks = new float[count][];
      for (int i = 0; i < count; i++) {
        chunks[i] = new float[Math.multiplyExact(Math.min(perChunk, slots - i * perChunk), size)];
      }
    }

    float[] chunk(int slot) {
      return chunks[slot / perChunk];
    }

    int offset(int slot) {
      return slot % perChunk * size;
    }

    @Override
    public int slots() {
      return slots;
    }

    @Override
    public long bytes() {
      return 4L * slots * size;
    }
  }
}
