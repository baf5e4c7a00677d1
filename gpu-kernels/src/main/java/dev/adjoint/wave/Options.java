package dev.adjoint.wave;

/**
 * Propagator settings, as JUDI's {@code Options}.
 *
 * @param spaceOrder the finite-difference order in space: 2, 4 or 8 (default 8)
 * @param subsampling keep every {@code k}-th forward snapshot for gradients (default 1: all);
 *     {@code k} divides the wavefield's memory by {@code k} and approximates the imaging sum
 * @param device where to run (default: {@code -Dadjoint.wave.device}, else {@link Device#AUTO})
 * @param maxVelocity the largest velocity (km/s) the time step must keep stable, or 0 for the
 *     model's own; raise it when later models (an inversion's iterates) may be faster
 * @param checkpoints 0 to store the forward wavefield for gradients (default), or how many
 *     forward states to keep and recompute from (binomial checkpointing, Revolve; JUDI's
 *     {@code optimal_checkpointing}): memory of {@code 2 checkpoints + 1} snapshots, bitwise the
 *     same gradients, more forward steps
 */
public record Options(int spaceOrder, int subsampling, Device device, double maxVelocity, int checkpoints) {
  /** Validates the settings. */
  public Options {
    if (spaceOrder != 2 && spaceOrder != 4 && spaceOrder != 8) {
      throw new IllegalArgumentException("space order must be 2, 4 or 8, got " + spaceOrder);
    }
    if (subsampling < 1) {
      throw new IllegalArgumentException("subsampling factor must be at least 1, got " + subsampling);
    }
    if (device == null) {
      throw new IllegalArgumentException("device must be AUTO, OPENCL or JAVA, got null");
    }
    if (checkpoints < 0) {
      throw new IllegalArgumentException("checkpoints must be 0 (store the wavefield) or positive, got " + checkpoints);
    }
    if (!(maxVelocity >= 0) || !Double.isFinite(maxVelocity)) {
      throw new IllegalArgumentException("maxVelocity must be finite and >= 0 (km/s; 0: the model's), got "
          + maxVelocity);
    }
  }

  /** Order 8, no subsampling, the device of {@code -Dadjoint.wave.device} (else AUTO). */
  public static Options defaults() {
    return new Options(8, 1, Device.fromSystemProperty(), 0, 0);
  }

  /** With another space order. */
  public Options withSpaceOrder(int order) {
    return new Options(order, subsampling, device, maxVelocity, checkpoints);
  }

  /** With another subsampling factor. */
  public Options withSubsampling(int k) {
    return new Options(spaceOrder, k, device, maxVelocity, checkpoints);
  }

  /** On another device. */
  public Options withDevice(Device d) {
    return new Options(spaceOrder, subsampling, d, maxVelocity, checkpoints);
  }

  /** On the device named {@code name} ("auto", "opencl", "java"). */
  public Options withDevice(String name) {
    return withDevice(Device.parse(name));
  }

  /**
   * Gradients recompute the forward wavefield from {@code n} checkpoints instead of storing it
   * (0: store it).
   */
  public Options withCheckpoints(int n) {
    return new Options(spaceOrder, subsampling, device, maxVelocity, n);
  }

  /** With a time step stable up to {@code kmPerS}. */
  public Options withMaxVelocity(double kmPerS) {
    return new Options(spaceOrder, subsampling, device, kmPerS, checkpoints);
  }
}
