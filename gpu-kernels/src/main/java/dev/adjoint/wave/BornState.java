package dev.adjoint.wave;

import dev.adjoint.wave.engine.History;

/**
 * What {@link Wave#born}'s rule keeps between the forward call and the pullback: the Born data
 * and, unless the options checkpoint, the background wavefield, reused and rebuilt as
 * {@link ForwardState}'s is.
 */
final class BornState {
  private final Modelling shot;
  private final ShotRuns runs;
  private final float[] q;
  private final float[] dm;
  private final float[] data;
  private History history;

  private BornState(Modelling shot, ShotRuns runs, float[] q, float[] dm, History history, float[] data) {
    this.shot = shot;
    this.runs = runs;
    this.q = q;
    this.dm = dm;
    this.history = history;
    this.data = data;
  }

  /** Runs {@code J(q) dm}, keeping what the pullback will need (arguments already checked). */
  static BornState run(Modelling shot, ShotRuns runs, float[] q, float[] dm) {
    History h = runs.checkpointing() ? null : runs.newHistory();
    return new BornState(shot, runs, q.clone(), dm.clone(), h, runs.born(q, dm, h));
  }

  float[] data() {
    return data;
  }

  /**
   * Adds {@code J' dy} into {@code dmBar} and the transposed derivative of {@code J(q) dm} with
   * respect to {@code q} into {@code qBar} (either may be null).
   */
  void pullback(float[] dy, float[] qBar, float[] dmBar) {
    shot.checkData("dy", dy);
    Modelling.requireLength("qBar", qBar, q.length);
    Modelling.requireLength("dmBar", dmBar, dm.length);
    if (qBar == null && dmBar == null) {
      return;
    }
    boolean image = dmBar != null;
    if (image && !runs.checkpointing() && history == null) {
      history = runs.newHistory();
      runs.born(q, dm, history);
    }
    ShotRuns.Adjoints r = runs.bornAdjoint(q, dm, dy, qBar != null, history, image);
    if (image && history != null) {
      runs.releaseHistory(history);
      history = null;
    }
    Modelling.addInto(r.wavelet(), qBar);
    Modelling.addInto(r.image(), dmBar);
  }
}
