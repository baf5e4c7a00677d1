package dev.adjoint.wave;

import dev.adjoint.wave.engine.History;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The forward wavefield a rule keeps from its forward call for its pullback (none when the
 * options checkpoint: the pullback recomputes it). The first pullback that images hands it back
 * for the next gradient to reuse; a later one (rare: generated code pulls back once) rebuilds it.
 */
final class KeptWavefield {
  private final ShotRuns runs;
  private History history;

  private KeptWavefield(ShotRuns runs, History history) {
    this.runs = runs;
    this.history = history;
  }

  /** A wavefield to fill in the forward call, or none when checkpointing. */
  static KeptWavefield allocate(ShotRuns runs) {
    return new KeptWavefield(runs, runs.checkpointing() ? null : runs.newHistory());
  }

  /** The history the forward call fills (null when checkpointing). */
  History history() {
    return history;
  }

  /**
   * Runs {@code adjoint} with the wavefield, after {@code rebuild} has refilled it if it was
   * handed back already, and hands it back when the run imaged with it.
   */
  ShotRuns.Adjoints use(boolean image, Consumer<History> rebuild, Function<History, ShotRuns.Adjoints> adjoint) {
    if (image && !runs.checkpointing() && history == null) {
      history = runs.newHistory();
      rebuild.accept(history);
    }
    ShotRuns.Adjoints r = adjoint.apply(history);
    if (image && history != null) {
      runs.releaseHistory(history);
      history = null;
    }
    return r;
  }
}
