package dev.adjoint.wave.opencl;

import com.aparapi.Range;
import com.aparapi.device.JavaDevice;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.exception.CompileFailedException;
import com.aparapi.internal.kernel.KernelManager;
import dev.adjoint.wave.Device;
import dev.adjoint.wave.engine.Discretization;
import dev.adjoint.wave.engine.Engine;
import dev.adjoint.wave.engine.History;
import dev.adjoint.wave.engine.RunResult;
import dev.adjoint.wave.engine.RunSpec;
import dev.adjoint.wave.numerics.PaddedGrid;
import dev.adjoint.wave.numerics.PointInterpolation;

/**
 * The OpenCL path: {@link WaveKernel} on one OpenCL device through Aparapi, with explicit buffer
 * management. Wavefields, coefficients and the snapshots stay on the device for a whole run: a
 * run puts its inputs once, executes a kernel per step (and per injection and sampling), and gets
 * its outputs once. Time levels rotate by offsets into one array, not by swapping arrays.
 *
 * <p>A history lives on the device while runs use it; when a run needs another history, the
 * resident one is copied back to the host first and restored when it is needed again.
 */
public final class OpenClEngine implements Engine {
  private final WaveKernel kernel = new WaveKernel();
  private final com.aparapi.device.Device device;
  private final String name;
  private final int local;
  private final int size;
  private final boolean[] swapped = new boolean[MAX_FIELDS];
  private DeviceHistory resident;
  private RunSpec run;
  private InjectionArrays injections;

  /**
   * The most floats one kernel array may hold: Aparapi 3.0.2 keeps an array's size in bytes in an
   * {@code int}, so 2 GiB is the limit whatever the device allows.
   */
  static final long MAX_ARRAY_FLOATS = Integer.MAX_VALUE / 4;

  private OpenClEngine(Discretization disc, com.aparapi.device.Device device, String name) {
    this.device = device;
    this.name = name;
    this.local = (int) Math.min(256, Math.max(1, device.getMaxWorkGroupSize()));
    PaddedGrid g = disc.grid();
    this.size = g.size();
    if ((long) 2 * MAX_FIELDS * size > maxArrayFloats()) {
      throw new OpenClUnavailableException("the grid's " + size + " points need wavefield buffers of "
          + 2L * MAX_FIELDS * size * 4 + " bytes, more than one OpenCL buffer may hold here ("
          + maxArrayFloats() * 4 + " bytes): use the Java path");
    }
    // Aparapi's put and get act only when the kernel's preferred device is an OpenCL one: make it ours.
    KernelManager.instance().setPreferredDevices(kernel,
        new java.util.LinkedHashSet<>(java.util.List.of(device)));
    boolean threeD = g.dimensions() == 3;
    WaveKernel k = kernel;
    k.setExplicit(true);
    k.threeD = threeD ? 1 : 0;
    k.radius = g.halo();
    k.nx = g.padded(0);
    k.strideY = threeD ? g.stride(1) : 0;
    k.strideZ = g.stride(g.dimensions() - 1);
    k.interiorX = g.padded(0) - 2 * g.halo();
    k.interiorY = threeD ? g.padded(1) - 2 * g.halo() : 1;
    k.size = size;
    k.centre = disc.centre();
    k.cx = disc.coefficients(0);
    k.cy = threeD ? disc.coefficients(1) : new float[g.halo() + 1];
    k.cz = disc.coefficients(g.dimensions() - 1);
    k.a = new float[size];
    k.damping = new float[size];
    k.bornWeight = new float[size];
    k.fields = new float[Math.multiplyExact(2 * MAX_FIELDS, size)];
    k.scratch = new float[size];
    k.gradient = new float[size];
    for (Object array : new Object[] {k.cx, k.cy, k.cz, k.a, k.damping, k.bornWeight, k.fields, k.scratch,
        k.gradient, k.snapshots, k.nodes, k.nodeStart, k.nodePoint, k.nodeWeight, k.inputs, k.sampleIndex,
        k.sampleWeight, k.outputs}) {
      put(array);
    }
  }

  /**
   * Builds the kernel for {@code disc} on {@code device}.
   *
   * @throws OpenClUnavailableException if the kernel does not build there
   */
  public static OpenClEngine open(Discretization disc, OpenCLDevice device) {
    OpenClEngine engine = new OpenClEngine(disc, device, "OpenCL: " + OpenClDevices.describe(device));
    try {
      engine.kernel.compile(device);
    } catch (CompileFailedException | RuntimeException | LinkageError e) {
      engine.close();
      throw new OpenClUnavailableException("the wave kernel did not build on " + OpenClDevices.describe(device)
          + ": " + e, e);
    }
    return engine;
  }

  /**
   * The same kernel on Aparapi's own Java thread pool instead of OpenCL: only to measure that
   * mode against the others (it is several times slower than the Java path).
   */
  public static OpenClEngine onAparapiThreadPool(Discretization disc) {
    return new OpenClEngine(disc, JavaDevice.THREAD_POOL, "Aparapi Java thread pool");
  }

  @Override
  public String description() {
    return name;
  }

  @Override
  public Device device() {
    return Device.OPENCL;
  }

  @Override
  public void setModel(float[] a, float[] damping) {
    System.arraycopy(a, 0, kernel.a, 0, size);
    System.arraycopy(damping, 0, kernel.damping, 0, size);
    put(kernel.a);
    put(kernel.damping);
  }

  @Override
  public void setPerturbation(float[] weight) {
    if (weight == null) {
      java.util.Arrays.fill(kernel.bornWeight, 0f);
    } else {
      System.arraycopy(weight, 0, kernel.bornWeight, 0, size);
    }
    put(kernel.bornWeight);
  }

  @Override
  public long deviceBytesForHistory() {
    long own = 4L * size * (2L * MAX_FIELDS + 6); // fields, coefficients, scratch, gradient
    long global = device instanceof OpenCLDevice d ? d.getGlobalMemSize() - own : Long.MAX_VALUE;
    return Math.max(0, Math.min(global, 4 * maxArrayFloats()));
  }

  /** The largest kernel array: Aparapi's limit, and the device's largest allocation. */
  private long maxArrayFloats() {
    long cap = MAX_ARRAY_FLOATS;
    if (device instanceof OpenCLDevice d && d.getMaxMemAllocSize() > 0) {
      cap = Math.min(cap, d.getMaxMemAllocSize() / 4);
    }
    return cap;
  }

  @Override
  public History newHistory(int slots) {
    long elements = (long) slots * size;
    if (elements > maxArrayFloats()) {
      throw new IllegalArgumentException("the OpenCL path keeps a history in one buffer of at most "
          + maxArrayFloats() + " floats; " + slots + " snapshots of " + size + " points need " + elements
          + ": raise the subsampling factor or use checkpoints");
    }
    return new DeviceHistory(slots, new float[(int) Math.max(1, elements)]);
  }




  @Override
  public void begin(RunSpec spec) {
    run = spec;
    useHistory((DeviceHistory) spec.history());
    WaveKernel k = kernel;
    injections = InjectionArrays.concatenate(spec.injections());
    k.nodes = injections.nodes();
    k.nodeStart = injections.nodeStart();
    k.nodePoint = injections.nodePoint();
    k.nodeWeight = injections.nodeWeight();
    k.inputs = injections.values();
    PointInterpolation out = spec.sampling();
    k.corners = out == null ? 1 : out.corners();
    k.sampleIndex = out == null ? new int[1] : out.index();
    k.sampleWeight = out == null ? new float[1] : out.weight();
    k.outputs = new float[Math.max(1, spec.outputLength())];
    for (Object array : new Object[] {k.nodes, k.nodeStart, k.nodePoint, k.nodeWeight, k.inputs, k.sampleIndex,
        k.sampleWeight, k.outputs}) {
      put(array);
    }
    execute(WaveKernel.CLEAR_FIELDS, 2 * spec.fields() * size);
    if (spec.gradient()) {
      execute(WaveKernel.CLEAR_GRADIENT, size);
    }
    java.util.Arrays.fill(swapped, false);
  }

  @Override
  public void step(int field, int secondDifferenceSlot, int sourceSlot, int imagingSlot, float imagingWeight) {
    WaveKernel k = kernel;
    k.currentOffset = offset(field, true);
    k.olderOffset = offset(field, false);
    k.differenceSlot = secondDifferenceSlot;
    k.sourceSlot = sourceSlot;
    k.imagingSlot = imagingSlot;
    k.imagingWeight = imagingWeight;
    k.mode = WaveKernel.STEP;
    int lx = Math.min(local, 64);
    int gx = (k.interiorX + lx - 1) / lx * lx; // padded: Aparapi skips items past a partial group
    kernel.execute(device.createRange2D(gx, k.interiorY * interiorZ(), lx, 1));
    swapped[field] = !swapped[field];
  }

  @Override
  public void inject(int field, int set, int t, int secondDifferenceSlot) {
    kernel.currentOffset = offset(field, true);
    kernel.differenceSlot = secondDifferenceSlot;
    kernel.nodeBase = injections.nodeBase(set);
    kernel.inputBase = injections.valueBase(set) + t * run.injections().get(set).points().points();
    execute(WaveKernel.INJECT, injections.nodeCount(set));
  }

  @Override
  public void saveField(int field, History store, int checkpoint) {
    copyField(WaveKernel.SAVE, field, store, checkpoint);
  }

  @Override
  public void restoreField(int field, History store, int checkpoint) {
    copyField(WaveKernel.RESTORE, field, store, checkpoint);
  }

  private void copyField(int mode, int field, History store, int checkpoint) {
    useHistory((DeviceHistory) store);
    kernel.currentOffset = offset(field, true);
    kernel.olderOffset = offset(field, false);
    kernel.checkpointOffset = 2 * checkpoint * size;
    execute(mode, size);
  }

  @Override
  public void sample(int field, int t) {
    kernel.currentOffset = offset(field, true);
    kernel.outputBase = t * run.sampling().points();
    execute(WaveKernel.SAMPLE, run.sampling().points());
  }

  @Override
  public RunResult end() {
    float[] output = new float[run.outputLength()];
    if (output.length > 0) {
      kernel.get(kernel.outputs);
      System.arraycopy(kernel.outputs, 0, output, 0, output.length);
    }
    float[] gradient = null;
    if (run.gradient()) {
      kernel.get(kernel.gradient);
      gradient = kernel.gradient.clone();
    }
    run = null;
    if (device instanceof OpenCLDevice && !kernel.isRunningCL()) {
      // Aparapi fell back to its Java thread pool: correct, but slow and not what was chosen.
      throw new OpenClUnavailableException("the wave kernel stopped running on " + name
          + " and Aparapi fell back to Java threads; see Aparapi's log for the OpenCL error");
    }
    return new RunResult(output, gradient);
  }

  @Override
  public void close() {
    kernel.dispose();
  }

  private int interiorZ() {
    return (size / kernel.strideZ) - 2 * kernel.radius;
  }

  /** The offset of the current (or older) level of {@code field} in the fields array. */
  private int offset(int field, boolean current) {
    int level = swapped[field] == current ? 0 : 1;
    return (2 * field + level) * size;
  }

  private void execute(int mode, int count) {
    if (count == 0) {
      return;
    }
    kernel.mode = mode;
    kernel.count = count;
    int global = (int) (((long) count + local - 1) / local * local);
    Range range = device.createRange(global, local);
    kernel.execute(range);
  }

  private void put(Object array) {
    if (array instanceof float[] f) {
      kernel.put(f);
    } else {
      kernel.put((int[]) array);
    }
  }

  /** Makes {@code h} the kernel's snapshot array, saving the one it replaces to the host. */
  private void useHistory(DeviceHistory h) {
    if (h == null || h == resident) {
      return;
    }
    if (resident != null) {
      kernel.get(resident.values);
    }
    kernel.snapshots = h.values;
    put(h.values);
    resident = h;
  }

  /** A history as one flat array, on the device while in use. */
  private static final class DeviceHistory implements History {
    final int slots;
    final float[] values;

    DeviceHistory(int slots, float[] values) {
      this.slots = slots;
      this.values = values;
    }

    @Override
    public int slots() {
      return slots;
    }

    @Override
    public long bytes() {
      return 4L * values.length;
    }
  }
}
