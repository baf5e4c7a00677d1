package dev.adjoint.wave;

import dev.adjoint.wave.engine.History;
import dev.adjoint.wave.numerics.TimeAxis;

/**
 * The modelling operators of one shot, as JUDI's {@code judiModeling} and {@code judiJacobian},
 * on plain {@code float[]} arrays:
 *
 * <ul>
 *   <li>{@link #forward}: {@code d = F(m) q = P_r A(m)^-1 P_s' q}, wavelet to data;
 *   <li>{@link #adjoint}: {@code F(m)' d}, data to wavelet;
 *   <li>{@link #born}: {@code J dm}, the Born (linearised) data of a model perturbation around the
 *       propagator's model or any other;
 *   <li>{@link #bornAdjoint}: {@code J' dd}, the RTM image / gradient of a data residual, by the
 *       adjoint-state imaging condition;
 *   <li>{@link #gradient}: {@code J(m, q)' r} around any model, the FWI gradient of a residual.
 * </ul>
 *
 * <p>Wavelets ({@code q}, one trace per source) and data ({@code d}, one trace per receiver) are
 * sampled on the {@link Geometry}'s axis, {@code samples()} values per trace, trace after trace.
 * Inside, they are resampled to the computational step the stability condition allows (cubic
 * interpolation) and back, with the exact adjoint of that resampling, so every pair above is an
 * exact adjoint pair up to float rounding (with {@link Options#withSubsampling} above 1 the
 * imaging sum of {@link #bornAdjoint} and {@link #gradient} is approximated, so those two are
 * not). Models, perturbations and gradients are physical grid
 * arrays ({@link Model}'s layout); a gradient includes the absorbing layer's contribution, summed
 * onto the edge points it repeats.
 *
 * <p>Arguments are checked before anything runs: lengths, finite values, and a velocity the time
 * step keeps stable.
 */
public final class Modelling {
  private final Propagator propagator;
  private final Geometry geometry;
  private final TimeAxis recorded;
  private final ShotRuns runs;

  Modelling(Propagator propagator, Geometry geometry) {
    Model model = propagator.model();
    if (geometry.dimensions() != model.dimensions()) {
      throw new IllegalArgumentException("the geometry has " + geometry.dimensions()
          + " coordinates per point but the model is " + model.dimensions() + "D");
    }
    this.propagator = propagator;
    this.geometry = geometry;
    this.recorded = new TimeAxis(geometry.dt(), geometry.samples());
    this.runs = new ShotRuns(propagator, geometry, recorded);
  }

  /** The shot's geometry. */
  public Geometry geometry() {
    return geometry;
  }

  /** The propagator it runs on. */
  public Propagator propagator() {
    return propagator;
  }

  /** The computational time step, ms. */
  public double timeStep() {
    return runs.computational().step();
  }

  /** The number of computational time samples. */
  public int timeSteps() {
    return runs.computational().count();
  }

  /** The length of a wavelet array: sources times samples. */
  public int waveletLength() {
    return Math.multiplyExact(geometry.sourceCount(), recorded.count());
  }

  /** The length of a data array: receivers times samples. */
  public int dataLength() {
    return Math.multiplyExact(geometry.receiverCount(), recorded.count());
  }

  /**
   * The bytes of the forward wavefield a gradient keeps ({@link #gradient}, {@link #bornAdjoint},
   * and the rules of {@link Wave}): every (or every k-th) snapshot, or with
   * {@link Options#withCheckpoints} the checkpoints.
   */
  public long wavefieldBytes() {
    return runs.snapshots() * propagator.snapshotBytes();
  }

  /** {@code F q} around the propagator's model. */
  public float[] forward(float[] q) {
    return forward(propagator.model().slowness(), q);
  }

  /** {@code F(m) q}: the data of wavelet {@code q} in model {@code m}. */
  public float[] forward(float[] m, float[] q) {
    checkModel(m);
    checkWavelet(q);
    return runs.forward("forward", m, q, null);
  }

  /** {@code F' d} around the propagator's model. */
  public float[] adjoint(float[] d) {
    return adjoint(propagator.model().slowness(), d);
  }

  /** {@code F(m)' d}: the adjoint of {@link #forward(float[], float[])} in {@code q}. */
  public float[] adjoint(float[] m, float[] d) {
    checkModel(m);
    checkData("d", d);
    return runs.adjoint("adjoint", m, null, d, true, null, false).wavelet();
  }

  /** {@code J dm}: Born data of perturbation {@code dm} around the propagator's model, for wavelet {@code q}. */
  public float[] born(float[] q, float[] dm) {
    checkWavelet(q);
    checkPerturbation(dm);
    return runs.born(q, dm, null);
  }

  /**
   * {@code J(m, q) dm}: the Born data of perturbation {@code dm} around any model {@code m}, the
   * derivative of {@link #forward(float[], float[])} in {@code m} along {@code dm}.
   */
  public float[] born(float[] m, float[] q, float[] dm) {
    checkModel(m);
    checkWavelet(q);
    checkPerturbation(dm);
    return runs.born(m, q, dm, null);
  }

  /** {@code J' dd}: the image of residual {@code dd} around the propagator's model, for wavelet {@code q}. */
  public float[] bornAdjoint(float[] q, float[] dd) {
    return gradient(propagator.model().slowness(), q, dd);
  }

  /**
   * {@code J(m, q)' r}: the gradient with respect to {@code m} of {@code <F(m) q, r>}, e.g. of
   * {@code 0.5 |F(m) q - d|^2} for the residual {@code r = F(m) q - d}.
   */
  public float[] gradient(float[] m, float[] q, float[] residual) {
    checkModel(m);
    checkWavelet(q);
    checkData("residual", residual);
    History h = runs.checkpointing() ? null : runs.newHistory();
    try {
      if (h != null) {
        runs.forward("forward (keeping wavefield)", m, q, h);
      }
      return runs.adjoint("adjoint (imaging)", m, q, residual, false, h, true).image();
    } finally {
      if (h != null) {
        runs.releaseHistory(h);
      }
    }
  }

  /** The forward call of {@link Wave#forward}'s rule. */
  ForwardState forwardKeeping(float[] m, float[] q) {
    checkModel(m);
    checkWavelet(q);
    return ForwardState.run(this, runs, m, q);
  }

  /** The forward call of {@link Wave#born}'s rule. */
  BornState bornKeeping(float[] q, float[] dm) {
    checkWavelet(q);
    checkPerturbation(dm);
    return BornState.run(this, runs, q, dm);
  }

  // ---------------------------------------------------------------- argument checks

  private void checkModel(float[] m) {
    Model.requireLength("m", m, propagator.model().size());
    Model.requireSlowness("m", m);
    double v = Model.maxVelocity(m);
    double limit = propagator.stabilityLimit(v);
    if (timeStep() > limit) {
      throw new IllegalArgumentException(String.format("m reaches %.3f km/s, for which the time step of %.4f ms is "
          + "unstable (limit %.4f ms); build the Propagator with Options.withMaxVelocity(%.3f) or more", v, timeStep(),
          limit, v));
    }
  }

  private void checkPerturbation(float[] dm) {
    Model.requireLength("dm", dm, propagator.model().size());
    requireFinite("dm", dm);
  }

  private void checkWavelet(float[] q) {
    if (q == null) {
      throw new IllegalArgumentException("q is null; expected " + waveletLength() + " samples");
    }
    if (q.length != waveletLength()) {
      int per = q.length / geometry.sourceCount();
      String why = q.length % geometry.sourceCount() == 0 && per > recorded.count()
          ? String.format(": the wavelet lasts %.1f ms but the recording time is only %.1f ms; "
              + "make the wavelet with the geometry's recording time", (per - 1) * recorded.step(), recorded.end())
          : "";
      throw new IllegalArgumentException("q has length " + q.length + ", expected " + waveletLength() + " ("
          + geometry.sourceCount() + " source(s) x " + recorded.count() + " samples of " + recorded.step() + " ms)" + why);
    }
    requireFinite("q", q);
  }

  void checkData(String name, float[] d) {
    if (d == null || d.length != dataLength()) {
      throw new IllegalArgumentException(name + " has length " + (d == null ? "null" : d.length) + ", expected "
          + dataLength() + " (" + geometry.receiverCount() + " receivers x " + recorded.count() + " samples)");
    }
    requireFinite(name, d);
  }

  private static void requireFinite(String name, float[] a) {
    for (int i = 0; i < a.length; i++) {
      if (!Float.isFinite(a[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] = " + a[i] + ": values must be finite");
      }
    }
  }

  static void requireLength(String name, float[] a, int expected) {
    if (a != null && a.length != expected) {
      throw new IllegalArgumentException(name + " has length " + a.length + ", expected " + expected);
    }
  }

  static void addInto(float[] from, float[] into) {
    if (from == null || into == null) {
      return;
    }
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }
}
