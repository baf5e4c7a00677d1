package dev.adjoint.wave;

import dev.adjoint.annotations.CustomRule;
import dev.adjoint.runtime.rules.Rrule;

/**
 * The propagators as functions that {@code @Differentiable} code can call, each with a stateful
 * {@link CustomRule} (ChainRules' {@code rrule}): the forward run keeps the wavefield, and the
 * pullback runs the adjoint propagation. These are JUDI's four rules:
 *
 * <ol>
 *   <li>{@code d(F q)/dq}: {@link #forward}'s pullback adds {@code F(m)' dy} to {@code q}'s adjoint;
 *   <li>{@code d(F q)/dm}: it adds {@code J(m, q)' dy} to {@code m}'s adjoint, the FWI gradient of
 *       whatever misfit the caller computes from the data;
 *   <li>{@code d(J dm)/d(dm)}: {@link #born}'s pullback adds {@code J' dy} to {@code dm}'s adjoint;
 *   <li>{@code d(J(q) dm)/dq}: it adds the transposed derivative of the Born data with respect to
 *       the wavelet to {@code q}'s adjoint.
 * </ol>
 *
 * <p>Each has a pushforward too ({@code form = PUSHFORWARD}, ChainRules' {@code frule}), for
 * tangents and Gauss-Newton products {@code J v}: {@code d(F(m) q) = F(m) dq + J(m, q) dm}
 * and {@code d(J(q) dm) = J(q) d(dm) + J(dq) dm}.
 *
 * <p>A pullback computes only the adjoints the caller asks for: an argument that is not
 * differentiated (its adjoint array is null) costs no propagation, and likewise a pushforward runs
 * no propagation for a tangent that is null or zero. Every rule keeps the forward
 * wavefield in memory between the forward call and the pullback ({@link Modelling#wavefieldBytes()},
 * less with {@link Options#withSubsampling}).
 *
 * <pre>{@code
 * @Differentiable
 * static float misfit(Modelling f, float[] m, float[] q, float[] observed) {
 *   float[] d = Wave.forward(f, m, q);
 *   float s = 0;
 *   for (int i = 0; i < d.length; i++) { float r = d[i] - observed[i]; s += 0.5f * r * r; }
 *   return s;
 * }
 * }</pre>
 */
public final class Wave {
  private Wave() {}

  /** {@code F(m) q}: the data of wavelet {@code q} in model {@code m} ({@link Modelling#forward(float[], float[])}). */
  public static float[] forward(Modelling f, float[] m, float[] q) {
    return f.forward(m, q);
  }

  /** The rule of {@link #forward}: rules 1 and 2. */
  @CustomRule(of = "forward")
  public static Rrule<float[]> forwardRule(Modelling f, float[] m, float[] q) {
    ForwardState state = f.forwardKeeping(m, q);
    return Rrule.of(state.data(), (dy, adjoints) -> {
      state.pullback(dy, (float[]) adjoints[0], (float[]) adjoints[1]);
      return null;
    });
  }

  /**
   * The pushforward of {@link #forward}: {@code F(m) qDot + J(m, q) mDot}, one forward run for the
   * wavelet's tangent and one Born run for the model's (a null or zero tangent skips its run).
   */
  @CustomRule(of = "forward", form = CustomRule.Form.PUSHFORWARD)
  public static float[] forwardPushforward(Modelling f, float[] m, float[] q, float[] mDot, float[] qDot) {
    Modelling.requireLength("mDot", mDot, m.length);
    Modelling.requireLength("qDot", qDot, q.length);
    float[] fromWavelet = isZero(qDot) ? null : f.forward(m, qDot);
    float[] fromModel = isZero(mDot) ? null : f.born(m, q, mDot);
    return sum(f, fromWavelet, fromModel);
  }

  /**
   * {@code J(q) dm}: the Born data of perturbation {@code dm} around the propagator's model, for
   * wavelet {@code q} ({@link Modelling#born}).
   */
  public static float[] born(Modelling f, float[] q, float[] dm) {
    return f.born(q, dm);
  }

  /** The rule of {@link #born}: rules 3 and 4. */
  @CustomRule(of = "born")
  public static Rrule<float[]> bornRule(Modelling f, float[] q, float[] dm) {
    BornState state = f.bornKeeping(q, dm);
    return Rrule.of(state.data(), (dy, adjoints) -> {
      state.pullback(dy, (float[]) adjoints[0], (float[]) adjoints[1]);
      return null;
    });
  }

  /**
   * The pushforward of {@link #born}, which is bilinear: {@code J(q) dmDot + J(qDot) dm}, a Born run
   * for each tangent that is not null or zero.
   */
  @CustomRule(of = "born", form = CustomRule.Form.PUSHFORWARD)
  public static float[] bornPushforward(Modelling f, float[] q, float[] dm, float[] qDot, float[] dmDot) {
    Modelling.requireLength("qDot", qDot, q.length);
    Modelling.requireLength("dmDot", dmDot, dm.length);
    float[] fromPerturbation = isZero(dmDot) ? null : f.born(q, dmDot);
    float[] fromWavelet = isZero(qDot) ? null : f.born(qDot, dm);
    return sum(f, fromPerturbation, fromWavelet);
  }

  private static boolean isZero(float[] tangent) {
    if (tangent == null) {
      return true;
    }
    for (float t : tangent) {
      if (t != 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code a + b} as data of {@code f}'s shot, either term null for zero (and then not copied). */
  private static float[] sum(Modelling f, float[] a, float[] b) {
    if (a == null || b == null) {
      return a != null ? a : b != null ? b : new float[f.dataLength()];
    }
    for (int i = 0; i < a.length; i++) {
      a[i] += b[i];
    }
    return a;
  }
}
