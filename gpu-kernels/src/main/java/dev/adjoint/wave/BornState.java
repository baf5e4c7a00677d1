package dev.adjoint.wave;

/**
 * What {@link Wave#born}'s rule keeps between the forward call and the pullback: the Born data
 * and the background's {@link KeptWavefield}.
 */
final class BornState {
  private final Modelling shot;
  private final ShotRuns runs;
  private final float[] q;
  private final float[] dm;
  private final float[] data;
  private final KeptWavefield wavefield;

  private BornState(Modelling shot, ShotRuns runs, float[] q, float[] dm, KeptWavefield wavefield, float[] data) {
    this.shot = shot;
    this.runs = runs;
    this.q = q;
    this.dm = dm;
    this.wavefield = wavefield;
    this.data = data;
  }

  /** Runs {@code J(q) dm}, keeping what the pullback will need (arguments already checked). */
  static BornState run(Modelling shot, ShotRuns runs, float[] q, float[] dm) {
    KeptWavefield w = KeptWavefield.allocate(runs);
    return new BornState(shot, runs, q.clone(), dm.clone(), w, runs.born(q, dm, w.history()));
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
    ShotRuns.Adjoints r = wavefield.use(image, h -> runs.born(q, dm, h),
        h -> runs.bornAdjoint(q, dm, dy, qBar != null, h, image));
    Modelling.addInto(r.wavelet(), qBar);
    Modelling.addInto(r.image(), dmBar);
  }
}
