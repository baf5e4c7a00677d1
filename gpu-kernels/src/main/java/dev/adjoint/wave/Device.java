package dev.adjoint.wave;

import java.util.Locale;

/**
 * Where propagators run.
 *
 * <ul>
 *   <li>{@link #AUTO}: an OpenCL GPU when there is one, otherwise the Java path. An OpenCL CPU
 *       device (such as PoCL) is not chosen automatically, because the Java path is faster on
 *       the same cores.
 *   <li>{@link #OPENCL}: OpenCL through Aparapi, on the device named by
 *       {@code -Dadjoint.wave.opencl.device} (a part of its name), else the best one Aparapi
 *       finds. An error if there is none or the kernel does not build.
 *   <li>{@link #JAVA}: the CPU path: the Vector API where the JVM has
 *       {@code jdk.incubator.vector}, else scalar loops, on a persistent pool of
 *       {@code -Dadjoint.wave.threads} threads (default: one per processor).
 * </ul>
 */
public enum Device {
  /** An OpenCL GPU if there is one, else {@link #JAVA}. */
  AUTO,
  /** OpenCL through Aparapi; an error if unavailable. */
  OPENCL,
  /** The CPU path. */
  JAVA;

  /** The system property that chooses the device when {@link Options} does not. */
  public static final String PROPERTY = "adjoint.wave.device";

  /**
   * The device named {@code name}, in any case: "auto", "opencl" or "java".
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Device parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("unknown device '" + name + "': expected auto, opencl or java", e);
    }
  }

  /** The device the system property {@value #PROPERTY} names, or {@link #AUTO}. */
  public static Device fromSystemProperty() {
    String s = System.getProperty(PROPERTY);
    return s == null || s.isBlank() ? AUTO : parse(s);
  }
}
