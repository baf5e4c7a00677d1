package dev.adjoint.runtime.check;

import dev.adjoint.runtime.linalg.Vectors;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * Tests for hand-written pushforwards ({@code @CustomRule(form = PUSHFORWARD)} methods), in the
 * spirit of ChainRulesTestUtils' {@code test_frule}. Two checks, at random directions:
 *
 * <ul>
 *   <li>against the primal: {@code pushforward(x, dx)} against the central difference of
 *       {@code f} along {@code dx}, relative to the larger norm;
 *   <li>against the pullback: the map {@code dx -> pushforward(x, dx)} is the Jacobian {@code J}
 *       and the pullback is {@code J'}, so the dot-product test {@code <J u, v> = <u, J' v>} holds
 *       to rounding. This is what keeps the forward and reverse modes of one function in step.
 * </ul>
 */
public final class PushforwardCheck {
  private PushforwardCheck() {}

  /**
   * The outcome of a check.
   *
   * @param differenceError the largest relative distance between the pushforward and the central
   *     difference over the trials
   * @param adjointness the dot-product test of the pushforward against the pullback
   * @param preserves whether the pushforward left its arguments unchanged
   */
  public record Result(double differenceError, DotProductResult adjointness, boolean preserves) {
    /** Whether both errors are within their tolerances and the arguments were left alone. */
    public boolean passed(double differenceTolerance, double adjointTolerance) {
      return preserves && differenceError <= differenceTolerance && adjointness.within(adjointTolerance);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "against central differences: relative error %.3e; against the pullback: %s%s",
          differenceError, adjointness, preserves ? "" : "; it changed its arguments");
    }
  }

  /** Runs both checks at {@code x} over {@code trials} random directions drawn from {@code rnd}. */
  public static Result check(Function<double[], double[]> f, ArrayPushforward pushforward, ArrayPullback pullback,
      double[] x, int trials, Random rnd) {
    return check(f, pushforward, pullback, x, trials, rnd, GradCheck.DEFAULT_STEP);
  }

  /**
   * {@link #check} with the central differences' {@code step}: larger than the default for a
   * function computed in float, or exactly linear in {@code x}.
   */
  public static Result check(Function<double[], double[]> f, ArrayPushforward pushforward, ArrayPullback pullback,
      double[] x, int trials, Random rnd, double step) {
    double worst = 0;
    boolean preserves = true;
    for (int t = 0; t < trials; t++) {
      double[] dx = Vectors.gaussian(x.length, rnd);
      double[] xCopy = x.clone();
      double[] dxCopy = dx.clone();
      double[] tangent = pushforward.apply(xCopy, dxCopy);
      preserves &= java.util.Arrays.equals(xCopy, x) && java.util.Arrays.equals(dxCopy, dx);
      double[] difference = RuleCheck.directionalDerivative(f, x, dx, step);
      Vectors.requireLength("the pushforward's tangent", tangent.length, difference.length);
      double scale = Math.max(Vectors.norm2(tangent), Vectors.norm2(difference));
      double err = scale == 0 ? 0 : Vectors.norm2(Vectors.difference(tangent, difference)) / scale;
      worst = Double.isNaN(err) ? Double.NaN : Math.max(worst, err);
    }
    DotProductResult adjointness = GradCheck.dotProduct(dx -> pushforward.apply(x.clone(), dx), dy -> {
      double[] xBar = new double[x.length];
      pullback.accumulate(x.clone(), dy, xBar);
      return xBar;
    }, x.length, rnd);
    return new Result(worst, adjointness, preserves);
  }

  /**
   * Runs {@link #check} over {@link RuleCheck#DEFAULT_TRIALS} reproducible directions and throws
   * an {@link AssertionError} unless the central differences agree to {@code differenceTolerance}
   * and the dot-product test to {@code adjointTolerance}.
   */
  public static Result assertPushforward(Function<double[], double[]> f, ArrayPushforward pushforward,
      ArrayPullback pullback, double[] x, double differenceTolerance, double adjointTolerance) {
    Result r = check(f, pushforward, pullback, x, RuleCheck.DEFAULT_TRIALS, new Random(GradCheck.DEFAULT_SEED));
    if (!r.passed(differenceTolerance, adjointTolerance)) {
      throw new AssertionError("pushforward check failed (tolerances " + differenceTolerance + ", "
          + adjointTolerance + "): " + r);
    }
    return r;
  }
}
