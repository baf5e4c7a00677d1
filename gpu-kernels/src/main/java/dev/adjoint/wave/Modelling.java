package dev.adjoint.wave;

import dev.adjoint.wave.engine.History;
import dev.adjoint.wave.engine.Propagations;
import dev.adjoint.wave.engine.RunResult;
import dev.adjoint.wave.numerics.PaddedGrid;
import dev.adjoint.wave.numerics.PointInterpolation;
import dev.adjoint.wave.numerics.TimeAxis;
import dev.adjoint.wave.numerics.TimeResampling;
import dev.adjoint.wave.numerics.TimeResampling.Layout;

/**
 * The modelling operators of one shot, as JUDI's {@code judiModeling} and {@code judiJacobian},
 * on plain {@code float[]} arrays:
 *
 * <ul>
 *   <li>{@link #forward}: {@code d = F(m) q = P_r A(m)^-1 P_s' q}, wavelet to data;
 *   <li>{@link #adjoint}: {@code F(m)' d}, data to wavelet;
 *   <li>{@link #born}: {@code J dm}, the Born (linearised) data of a model perturbation around the
 *       propagator's model;
 *   <li>{@link #bornAdjoint}: {@code J' dd}, the RTM image / gradient of a data residual, by the
 *       adjoint-state imaging condition;
 *   <li>{@link #gradient}: {@code J(m, q)' r} around any model, the FWI gradient of a residual.
 * </ul>
 *
 * <p>Wavelets ({@code q}, one trace per source) and data ({@code d}, one trace per receiver) are
 * sampled on the {@link Geometry}'s axis, {@code samples()} values per trace, trace after trace.
 * Inside, they are resampled to the computational step the stability condition allows (cubic
 * interpolation) and back, with the exact adjoint of that resampling, so every pair above is an
 * exact adjoint pair up to float rounding. Models, perturbations and gradients are physical grid
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
  private final TimeAxis computational;
  private final TimeResampling wavelets;
  private final TimeResampling data;
  private final PointInterpolation sources;
  private final PointInterpolation receivers;

  Modelling(Propagator propagator, Geometry geometry) {
    Model model = propagator.model();
    if (geometry.dimensions() != model.dimensions()) {
      throw new IllegalArgumentException("the geometry has " + geometry.dimensions()
          + " coordinates per point but the model is " + model.dimensions() + "D");
    }
    this.propagator = propagator;
    this.geometry = geometry;
    this.recorded = new TimeAxis(geometry.dt(), geometry.samples());
    this.computational = TimeAxis.covering(recorded.end(), propagator.targetTimeStep());
    this.wavelets = new TimeResampling(recorded, Layout.TRACE_MAJOR, computational, Layout.TIME_MAJOR);
    this.data = new TimeResampling(computational, Layout.TIME_MAJOR, recorded, Layout.TRACE_MAJOR);
    PaddedGrid grid = propagator.discretization().grid();
    this.sources = new PointInterpolation(grid, model.origin(), model.spacing(), geometry.sources(), "source");
    this.receivers = new PointInterpolation(grid, model.origin(), model.spacing(), geometry.receivers(), "receiver");
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
    return computational.step();
  }

  /** The number of computational time samples. */
  public int timeSteps() {
    return computational.count();
  }

  /** The length of a wavelet array: sources times samples. */
  public int waveletLength() {
    return geometry.sourceCount() * recorded.count();
  }

  /** The length of a data array: receivers times samples. */
  public int dataLength() {
    return geometry.receiverCount() * recorded.count();
  }

  /**
   * The bytes of the forward wavefield a gradient keeps ({@link #gradient}, {@link #bornAdjoint},
   * and the rules of {@link Wave}), with the options' subsampling.
   */
  public long wavefieldBytes() {
    return snapshots() * propagator.snapshotBytes();
  }

  /** {@code F q} around the propagator's model. */
  public float[] forward(float[] q) {
    return forward(propagator.model().slowness(), q);
  }

  /** {@code F(m) q}: the data of wavelet {@code q} in model {@code m}. */
  public float[] forward(float[] m, float[] q) {
    checkModel(m);
    checkWavelet(q);
    float[] qc = wavelets.apply(q, geometry.sourceCount());
    RunResult r = propagator.run("forward", m, timeStep(), timeSteps(), 1,
        e -> Propagations.forward(e, timeSteps(), sources, qc, receivers, null, 1));
    return data.apply(r.output(), geometry.receiverCount());
  }

  /** {@code F' d} around the propagator's model. */
  public float[] adjoint(float[] d) {
    return adjoint(propagator.model().slowness(), d);
  }

  /** {@code F(m)' d}: the adjoint of {@link #forward(float[], float[])} in {@code q}. */
  public float[] adjoint(float[] m, float[] d) {
    checkModel(m);
    checkData("d", d);
    return adjointRun("adjoint", m, data.adjoint(d, geometry.receiverCount()), true, null).wavelet;
  }

  /** {@code J dm}: Born data of perturbation {@code dm} around the propagator's model, for wavelet {@code q}. */
  public float[] born(float[] q, float[] dm) {
    return bornRun(q, dm, null);
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
    checkData("residual", residual);
    ForwardState s = forwardKeeping(m, q);
    float[] g = new float[m.length];
    s.pullback(residual, g, null);
    return g;
  }

  // ---------------------------------------------------------------- states kept for the rules

  /** Forward modelling that keeps the wavefield a pullback needs. */
  ForwardState forwardKeeping(float[] m, float[] q) {
    checkModel(m);
    checkWavelet(q);
    History h = newHistory();
    float[] qc = wavelets.apply(q, geometry.sourceCount());
    int k = subsampling();
    RunResult r = propagator.run("forward (keeping wavefield)", m, timeStep(), timeSteps(), 1,
        e -> Propagations.forward(e, timeSteps(), sources, qc, receivers, h, k));
    return new ForwardState(m.clone(), q.clone(), h, data.apply(r.output(), geometry.receiverCount()));
  }

  /** Born modelling that keeps the background wavefield a pullback needs. */
  BornState bornKeeping(float[] q, float[] dm) {
    History h = newHistory();
    float[] dd = bornRun(q, dm, h);
    return new BornState(q.clone(), dm.clone(), h, dd);
  }

  /**
   * The forward data and what its pullback needs. The first pullback gives the wavefield back to
   * the engine for the next gradient; a second pullback (rare: generated code pulls back once)
   * propagates forward again to rebuild it.
   */
  final class ForwardState {
    private final float[] m;
    private final float[] q;
    private History history;
    private final float[] data;

    ForwardState(float[] m, float[] q, History history, float[] data) {
      this.m = m;
      this.q = q;
      this.history = history;
      this.data = data;
    }

    float[] data() {
      return data;
    }

    /** Adds {@code J' dy} into {@code mBar} and {@code F' dy} into {@code qBar} (either may be null). */
    void pullback(float[] dy, float[] mBar, float[] qBar) {
      checkData("dy", dy);
      requireLength("mBar", mBar, m.length);
      requireLength("qBar", qBar, waveletLength());
      if (mBar == null && qBar == null) {
        return;
      }
      if (mBar != null && history == null) {
        history = forwardKeeping(m, q).history;
      }
      AdjointResult r = adjointRun("adjoint (imaging)", m, Modelling.this.data.adjoint(dy, geometry.receiverCount()),
          qBar != null, mBar != null ? history : null);
      if (mBar != null) {
        propagator.releaseHistory(history);
        history = null;
      }
      addInto(r.wavelet, qBar);
      addInto(r.image, mBar);
    }
  }

  /** The Born data and what its pullback needs; its wavefield is reused as {@link ForwardState}'s is. */
  final class BornState {
    private final float[] q;
    private final float[] dm;
    private History history;
    private final float[] data;

    BornState(float[] q, float[] dm, History history, float[] data) {
      this.q = q;
      this.dm = dm;
      this.history = history;
      this.data = data;
    }

    float[] data() {
      return data;
    }

    /**
     * Adds {@code J' dy} into {@code dmBar} and the derivative of {@code J(q) dm} with respect to
     * {@code q}, transposed, into {@code qBar} (either may be null).
     */
    void pullback(float[] dy, float[] qBar, float[] dmBar) {
      checkData("dy", dy);
      requireLength("qBar", qBar, q.length);
      requireLength("dmBar", dmBar, dm.length);
      if (qBar == null && dmBar == null) {
        return;
      }
      float[] residual = Modelling.this.data.adjoint(dy, geometry.receiverCount());
      if (dmBar != null && history == null) {
        history = bornKeeping(q, dm).history;
      }
      History h = dmBar != null ? history : null;
      boolean wavelet = qBar != null;
      double dt = timeStep();
      RunResult r = propagator.run("born adjoint", propagator.model().slowness(), dt, timeSteps(), wavelet ? 2 : 1,
          e -> {
            e.setPerturbation(wavelet ? propagator.bornWeight(dm, dt) : null);
            return Propagations.bornAdjoint(e, timeSteps(), dt, receivers, residual, wavelet ? sources : null, h,
                subsampling());
          });
      if (wavelet) {
        addInto(wavelets.adjoint(r.output(), geometry.sourceCount()), qBar);
      }
      if (h != null) {
        addInto(propagator.discretization().grid().restrictAdjoint(r.gradient()), dmBar);
        propagator.releaseHistory(h);
        history = null;
      }
    }
  }

  // ---------------------------------------------------------------- runs

  private record AdjointResult(float[] wavelet, float[] image) {}

  private AdjointResult adjointRun(String name, float[] m, float[] residual, boolean wavelet, History history) {
    int k = subsampling();
    double dt = timeStep();
    RunResult r = propagator.run(name, m, dt, timeSteps(), 1, e -> Propagations.adjoint(e, timeSteps(), dt, receivers,
        residual, wavelet ? sources : null, history, k));
    float[] q = wavelet ? wavelets.adjoint(r.output(), geometry.sourceCount()) : null;
    float[] image = history != null ? propagator.discretization().grid().restrictAdjoint(r.gradient()) : null;
    return new AdjointResult(q, image);
  }

  private float[] bornRun(float[] q, float[] dm, History history) {
    checkWavelet(q);
    checkPerturbation(dm);
    float[] qc = wavelets.apply(q, geometry.sourceCount());
    double dt = timeStep();
    RunResult r = propagator.run(history == null ? "born" : "born (keeping wavefield)", propagator.model().slowness(),
        dt, timeSteps(), 2, e -> {
          e.setPerturbation(propagator.bornWeight(dm, dt));
          return Propagations.born(e, timeSteps(), sources, qc, receivers, history, subsampling());
        });
    return data.apply(r.output(), geometry.receiverCount());
  }

  private History newHistory() {
    return propagator.newHistory(snapshots(), timeSteps());
  }

  private int snapshots() {
    return Propagations.snapshots(timeSteps(), subsampling());
  }

  private int subsampling() {
    return propagator.options().subsampling();
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

  private void checkData(String name, float[] d) {
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

  private static void requireLength(String name, float[] a, int expected) {
    if (a != null && a.length != expected) {
      throw new IllegalArgumentException(name + " has length " + a.length + ", expected " + expected);
    }
  }

  private static void addInto(float[] from, float[] into) {
    if (from == null || into == null) {
      return;
    }
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }
}
