package dev.adjoint.wave;

/**
 * What {@link Wave#forward}'s rule keeps between the forward call and the pullback: the data and
 * the {@link KeptWavefield}.
 */
final class ForwardState {
  private final Modelling shot;
  private final ShotRuns runs;
  private final float[] m;
  private final float[] q;
  private final float[] data;
  private final KeptWavefield wavefield;

  private ForwardState(Modelling shot, ShotRuns runs, float[] m, float[] q, KeptWavefield wavefield, float[] data) {
    this.shot = shot;
    this.runs = runs;
    this.m = m;
    this.q = q;
    this.wavefield = wavefield;
    this.data = data;
  }

  /** Runs {@code F(m) q}, keeping what the pullback will need (arguments already checked). */
  static ForwardState run(Modelling shot, ShotRuns runs, float[] m, float[] q) {
    KeptWavefield w = KeptWavefield.allocate(runs);
    float[] d = runs.forward(w.history() == null ? "forward" : "forward (keeping wavefield)", m, q, w.history());
    return new ForwardState(shot, runs, m.clone(), q.clone(), w, d);
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
    ShotRuns.Adjoints r = wavefield.use(image, h -> runs.forward("forward (keeping wavefield)", m, q, h),
        h -> runs.adjoint(image ? "adjoint (imaging)" : "adjoint", m, q, dy, qBar != null, h, image));
    Modelling.addInto(r.wavelet(), qBar);
    Modelling.addInto(r.image(), mBar);
  }
}
