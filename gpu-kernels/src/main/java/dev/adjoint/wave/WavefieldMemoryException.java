package dev.adjoint.wave;

/**
 * A gradient's stored forward wavefield would not fit in the memory available, found before the
 * propagation starts. The message gives both figures and a subsampling factor that would fit.
 */
public final class WavefieldMemoryException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final long requiredBytes;
  private final long availableBytes;

  WavefieldMemoryException(String message, long requiredBytes, long availableBytes) {
    super(message);
    this.requiredBytes = requiredBytes;
    this.availableBytes = availableBytes;
  }

  /** The bytes the stored wavefield needs. */
  public long requiredBytes() {
    return requiredBytes;
  }

  /** The bytes that were available. */
  public long availableBytes() {
    return availableBytes;
  }
}
