package dev.adjoint.wave.engine;

/**
 * Storage for the forward wavefield that a gradient needs: {@code slots} snapshots of the second
 * time difference {@code u^{n+1} - 2 u^n + u^{n-1}} on the padded grid, one per stored step.
 * Where it lives (Java heap, device memory) is the engine's business.
 */
public interface History {
  /** The number of snapshots. */
  int slots();

  /** The bytes it holds. */
  long bytes();
}
