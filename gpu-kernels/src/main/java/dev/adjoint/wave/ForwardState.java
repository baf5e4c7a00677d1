package dev.adjoint.wave;

import dev.adjoint.wave.engine.History;

/**
 * What {@link Wave#forward}'s rule keeps between the forward call and the pullback: the data and,
 * unless the options checkpoint, the forward wavefield. The first pullback gives the wavefield
 * back for the next gradient to reuse; a second pullback (rare: generated code pulls back once)
 * propagates forward again to rebuild it. With checkpointing the pullback recomputes the
 * wavefield from checkpoints itself.
 */
final class ForwardState {
  private final Modelling shot;
  private final ShotRuns runs;
  private final float[] m;
  private final float[] q;
  private final float[] data;
  private History history;

  private ForwardState(Modelling shot, ShotRuns runs, float[] m, float[] q, History history, float[] data) {
    this.shot = shot;
    this.runs = runs;
    this.m = m;
    this.q = q;
    this.history = history;
    this.data = data;
  }

  /** Runs {@code F(m) q}, keeping what the pullback will need (arguments already checked). */
  static ForwardState run(Modelling shot, ShotRuns runs, float[] m, float[] q) {
    History h = runs.checkpointing() ? null : runs.newHistory();
    float[] d = runs.forward(h == null ? "forward" : "forward (keeping wavefield)", m, q, h);
    return new ForwardState(shot, runs, m.clone(), q.clone(), h, d);
  }

  float[] data() {
    return data;
  }

  /** Adds {@code J(m, q)' dy} into {@code mBar} and {@code F(m)' dy} into {@code qBar} (either may be null). */
  void pullback(float[] dy, float[] mBar, float[] qBar) {
    shot.checkData("dy", dy);
    Modelling.requireLength("mBar", mBar, m.length);
    Modelling.requireLength("qBar", qBar, q.length);
    if (mBar == null && qBar == null) {
      return;
    }
    boolean image = mBar != null;
    if (image && !runs.checkpointing() && history == null) {
      history = runs.newHistory();
      runs.forward("forward (keeping wavefield)", m, q, history);
    }
    ShotRuns.Adjoints r = runs.adjoint(image ? "adjoint (imaging)" : "adjoint", m, q, dy, qBar != null, history, image);
    if (image && history != null) {
      runs.releaseHistory(history);
      history = null;
    }
    Modelling.addInto(r.wavelet(), qBar);
    Modelling.addInto(r.image(), mBar);
  }
}
