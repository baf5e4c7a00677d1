package dev.adjoint.wave.engine;

/**
 * The last history a gradient gave back, kept for the next one of the same size (one per
 * propagator, whatever its engine). An FWI loop
 * takes a gradient per shot and iteration, each with a history of hundreds of megabytes: reusing
 * it saves allocating and zeroing that much every time (about a sixth of a gradient's time on the
 * tutorial's grid). Stale values are harmless, because every step that stores a snapshot writes
 * all of it before anything reads it.
 */
public final class SpareHistory {
  private History spare;

  /** The spare history, whatever its size, or null; the caller owns it from now on. */
  public synchronized History take() {
    History h = spare;
    spare = null;
    return h;
  }

  /** Keeps {@code h} for the next {@link #take}; its previous owner must not use it again. */
  public synchronized void give(History h) {
    spare = h;
  }

  /** Drops the spare, so that its memory can be reclaimed. */
  public synchronized void clear() {
    spare = null;
  }
}
