package dev.adjoint.wave.engine;

import dev.adjoint.wave.Device;

/**
 * The device-specific half of a propagator: wavefields in device memory and the kernels that
 * update them. {@link Propagations} drives the time loops through these primitives, so that the
 * physics is written once for every device.
 *
 * <p>A run is {@link #begin}, then steps, injections and samplings, then {@link #end}. Each
 * wavefield holds two time levels; {@link #step} computes the next level into the older one and
 * swaps their roles. The kernels are those of {@link Discretization}.
 *
 * <p>Slots: a history snapshot number {@code >= 0}, {@link #SCRATCH} (one field-sized buffer of
 * the engine's own), or {@link #NONE}.
 */
public interface Engine extends AutoCloseable {
  /** No slot. */
  int NONE = -1;
  /** The engine's scratch buffer. */
  int SCRATCH = -2;
  /** The most wavefields a run uses. */
  int MAX_FIELDS = 3;

  /** The device, e.g. "OpenCL: NVIDIA H200 (GPU)" or "Java: Vector API, 16 lanes, 2 threads". */
  String description();

  /** Which kind of device this engine is. */
  Device device();

  /**
   * Sets {@code a = dt^2 / m} and the damping factors {@code eps} on the padded grid, for the
   * runs that follow.
   */
  void setModel(float[] a, float[] damping);

  /** Sets the Born source weight {@code -dm / dt^2} on the padded grid (null: none). */
  void setPerturbation(float[] weight);

  /**
   * Bytes of device memory left for a history, beyond what the engine's own buffers take, or
   * {@link Long#MAX_VALUE} where histories live on the Java heap.
   */
  long deviceBytesForHistory();

  /** Allocates a history of {@code slots} snapshots (see {@link SpareHistory} for reuse). */
  History newHistory(int slots);

  /** Starts a run: zeroes its wavefields (and gradient) and loads its input. */
  void begin(RunSpec spec);

  /**
   * Advances one wavefield by one time step.
   *
   * @param field which wavefield
   * @param secondDifferenceSlot where to write {@code u+ - 2u + u-} (before injection), or NONE
   * @param sourceSlot the slot whose values, times the Born weight, are the source density, or NONE
   * @param imagingSlot the snapshot to image with, or NONE: {@code gradient += weight * snapshot * u}
   *     with the current level {@code u} (before the step)
   * @param imagingWeight the weight of the imaging term
   */
  void step(int field, int secondDifferenceSlot, int sourceSlot, int imagingSlot, float imagingWeight);

  /**
   * Adds injected set {@code set}'s values at time {@code t} into the current level of
   * {@code field} (the one the last step computed), each node's value times {@code a / (1 + eps)},
   * and into {@code secondDifferenceSlot} too unless it is NONE.
   */
  void inject(int field, int set, int t, int secondDifferenceSlot);

  /** Copies both time levels of {@code field} to checkpoint {@code checkpoint} of {@code store} (slots 2c, 2c + 1). */
  void saveField(int field, History store, int checkpoint);

  /** Copies checkpoint {@code checkpoint} of {@code store} back into both time levels of {@code field}. */
  void restoreField(int field, History store, int checkpoint);

  /** Samples the current level of {@code field} into output time slot {@code t}. */
  void sample(int field, int t);

  /** Ends the run and returns its output (and gradient). */
  RunResult end();

  /** Releases device memory. */
  @Override
  void close();
}
