package dev.adjoint.wave.opencl;

/** There is no usable OpenCL device, or the wave kernel does not build or run on it. */
public final class OpenClUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message that says what was missing. */
  public OpenClUnavailableException(String message) {
    super(message);
  }

  /** With a message and the failure behind it. */
  public OpenClUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
