package dev.adjoint.wave;

import dev.adjoint.wave.engine.CheckpointedAdjoint;
import dev.adjoint.wave.engine.Engine;
import dev.adjoint.wave.engine.History;
import dev.adjoint.wave.engine.Propagations;
import dev.adjoint.wave.engine.RunResult;
import dev.adjoint.wave.numerics.PointInterpolation;
import dev.adjoint.wave.numerics.TimeAxis;
import dev.adjoint.wave.numerics.TimeResampling;
import dev.adjoint.wave.numerics.TimeResampling.Layout;

/**
 * The propagations of one shot in the user's units: wavelets and data resampled between the
 * recording's axis and the computational one, gradients restricted to the physical grid, the
 * wavefield stored or checkpointed as the options say. {@link Modelling} checks arguments and
 * calls these.
 */
final class ShotRuns {
  /** A wavelet adjoint (on the recording's axis) and an image (on the physical grid); either may be null. */
  record Adjoints(float[] wavelet, float[] image) {}

  private final Propagator propagator;
  private final TimeAxis computational;
  private final TimeResampling wavelets;
  private final TimeResampling data;
  private final PointInterpolation sources;
  private final PointInterpolation receivers;
  private final int sourceCount;
  private final int receiverCount;

  ShotRuns(Propagator propagator, Geometry geometry, TimeAxis recorded) {
    Model model = propagator.model();
    this.propagator = propagator;
    this.computational = TimeAxis.covering(recorded.end(), propagator.targetTimeStep());
    this.wavelets = new TimeResampling(recorded, Layout.TRACE_MAJOR, computational, Layout.TIME_MAJOR);
    this.data = new TimeResampling(computational, Layout.TIME_MAJOR, recorded, Layout.TRACE_MAJOR);
    var grid = propagator.discretization().grid();
    this.sources = new PointInterpolation(grid, model.origin(), model.spacing(), geometry.sources(), "source");
    this.receivers = new PointInterpolation(grid, model.origin(), model.spacing(), geometry.receivers(), "receiver");
    this.sourceCount = geometry.sourceCount();
    this.receiverCount = geometry.receiverCount();
  }

  TimeAxis computational() {
    return computational;
  }

  /** Snapshots a gradient keeps: every {@code k}-th step's, or the checkpoints' store. */
  int snapshots() {
    int checkpoints = propagator.options().checkpoints();
    return checkpoints > 0 ? CheckpointedAdjoint.slots(checkpoints)
        : Propagations.snapshots(steps(), propagator.options().subsampling());
  }

  boolean checkpointing() {
    return propagator.options().checkpoints() > 0;
  }

  /** {@code F(m) q}, keeping the wavefield in {@code history} when it is not null. */
  float[] forward(String name, float[] m, float[] q, History history) {
    float[] qc = wavelets.apply(q, sourceCount);
    int k = propagator.options().subsampling();
    RunResult r = propagator.run(name, m, dt(), steps(), 1,
        e -> Propagations.forward(e, steps(), sources, qc, receivers, history, k));
    return data.apply(r.output(), receiverCount);
  }

  /** {@code J(q) dm} around the propagator's model, keeping the background's wavefield when {@code history} is given. */
  float[] born(float[] q, float[] dm, History history) {
    return born(background(), q, dm, history);
  }

  /** {@code J(m, q) dm} around model {@code m}, keeping the background's wavefield when {@code history} is given. */
  float[] born(float[] m, float[] q, float[] dm, History history) {
    float[] qc = wavelets.apply(q, sourceCount);
    RunResult r = propagator.run(history == null ? "born" : "born (keeping wavefield)", m, dt(), steps(), 2,
        e -> {
          e.setPerturbation(propagator.bornWeight(dm, dt()));
          return Propagations.born(e, steps(), sources, qc, receivers, history, propagator.options().subsampling());
        });
    return data.apply(r.output(), receiverCount);
  }

  /**
   * The adjoint of {@link #forward} for data adjoint {@code dy}: the wavelet's (if asked) and, with
   * a stored {@code history} or with checkpointing ({@code q} given), the image.
   */
  Adjoints adjoint(String name, float[] m, float[] q, float[] dy, boolean wavelet, History history, boolean image) {
    float[] residual = data.adjoint(dy, receiverCount);
    int k = propagator.options().subsampling();
    RunResult r;
    if (image && checkpointing()) {
      float[] qc = wavelets.apply(q, sourceCount);
      History store = newHistory();
      try {
        r = propagator.run(name + " (checkpointed)", m, dt(), steps(), 2,
            e -> checkpointed(e, false, wavelet, store).run(receivers, residual, sources, qc));
      } finally {
        releaseHistory(store);
      }
    } else {
      History h = image ? history : null;
      r = propagator.run(name, m, dt(), steps(), 1,
          e -> Propagations.adjoint(e, steps(), dt(), receivers, residual, wavelet ? sources : null, h, k));
    }
    return adjoints(r, wavelet, image);
  }

  /** The adjoint of {@link #born} for data adjoint {@code dy}: the wavelet's and the perturbation's (either optional). */
  Adjoints bornAdjoint(float[] q, float[] dm, float[] dy, boolean wavelet, History history, boolean image) {
    float[] residual = data.adjoint(dy, receiverCount);
    int k = propagator.options().subsampling();
    float[] weight = wavelet ? propagator.bornWeight(dm, dt()) : null;
    RunResult r;
    if (image && checkpointing()) {
      float[] qc = wavelets.apply(q, sourceCount);
      History store = newHistory();
      try {
        r = propagator.run("born adjoint (checkpointed)", background(), dt(), steps(), wavelet ? 3 : 2, e -> {
          e.setPerturbation(weight);
          return checkpointed(e, true, wavelet, store).run(receivers, residual, sources, qc);
        });
      } finally {
        releaseHistory(store);
      }
    } else {
      History h = image ? history : null;
      r = propagator.run("born adjoint", background(), dt(), steps(), wavelet ? 2 : 1, e -> {
        e.setPerturbation(weight);
        return Propagations.bornAdjoint(e, steps(), dt(), receivers, residual, wavelet ? sources : null, h, k);
      });
    }
    return adjoints(r, wavelet, image);
  }

  /** A new (or reused) history, or checkpoint store, after checking that it fits. */
  History newHistory() {
    return propagator.newHistory(snapshots(), steps());
  }

  void releaseHistory(History h) {
    propagator.releaseHistory(h);
  }

  private CheckpointedAdjoint checkpointed(Engine e, boolean born, boolean wavelet, History store) {
    Options o = propagator.options();
    return new CheckpointedAdjoint(e, steps(), dt(), born, wavelet, true, store, o.checkpoints(), o.subsampling());
  }

  private Adjoints adjoints(RunResult r, boolean wavelet, boolean image) {
    float[] q = wavelet ? wavelets.adjoint(r.output(), sourceCount) : null;
    float[] g = image ? propagator.discretization().grid().restrictAdjoint(r.gradient()) : null;
    return new Adjoints(q, g);
  }

  private float[] background() {
    return propagator.model().slowness();
  }

  private double dt() {
    return computational.step();
  }

  private int steps() {
    return computational.count();
  }
}
