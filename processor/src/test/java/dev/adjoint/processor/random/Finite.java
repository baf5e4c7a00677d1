package dev.adjoint.processor.random;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

/**
 * Central differences that know when not to be trusted. Each component is differenced with steps
 * h, 2h and 4h; where they disagree beyond their truncation and rounding error, or their
 * differences do not scale as h squared, a kink or a jump (a branch on a value, {@code abs},
 * {@code floor}) lies within 4h and the estimate is not trusted. Otherwise the Richardson
 * extrapolation {@code (4 D(h) - D(2h)) / 3} is an estimate; its error is at most a third of the
 * disagreement.
 *
 * <p>A double program is differenced at three scales, h = 1e-5, 1e-7 and 1e-9: a feature narrower
 * than the step (a smoothed kink, {@code hypot} near its origin) can make the coarse differences
 * agree on a slope the function has only on average. A derivative is right when it matches a
 * trusted estimate at some scale, wrong when it matches none, and skipped where no scale is
 * trusted. In a program that computes in float somewhere, a component is compared within 1%
 * (float's rounding, amplified), against the double step's estimate where that is smooth and else
 * against a step float can resolve, where it is steady on both sides.
 */
final class Finite {
  /** A step, the tolerance that goes with it and the rounding unit of the arithmetic. */
  private record Steps(double step, double tolerance, double epsilon) {}

  private static final Steps DOUBLE = new Steps(1e-5, 1e-5, 2.3e-16);
  private static final Steps FINE = new Steps(1e-7, 1e-5, 2.3e-16);
  private static final Steps FINEST = new Steps(1e-9, 1e-5, 2.3e-16);
  private static final Steps FLOAT = new Steps(1e-3, 2e-3, 1.2e-7);
  /** What a derivative of a program that rounds to float may differ by: a fraction of itself. */
  private static final double FLOAT_SLACK = 1e-2;

  private final boolean inFloat;
  private int compared;
  private int skipped;

  /** @param inFloat whether the program computes in float somewhere */
  Finite(boolean inFloat) {
    this.inFloat = inFloat;
  }

  int compared() {
    return compared;
  }

  int skipped() {
    return skipped;
  }

  /**
   * Estimates of the derivatives of {@code f} at {@code at} in the active components, NaN where
   * they cannot be trusted, each followed by the slack allowed for it (tolerance and rounding): rows
   * 2k and 2k + 1 are the estimates and slacks at the k-th scale.
   */
  double[][] gradient(double[] at, boolean[] active, ToDoubleFunction<double[]> f) {
    List<Steps> scales = inFloat ? List.of(DOUBLE) : List.of(DOUBLE, FINE, FINEST);
    double[][] out = new double[2 * scales.size()][at.length];
    for (int i = 0; i < at.length; i++) {
      if (!active[i]) {
        continue;
      }
      for (int k = 0; k < scales.size(); k++) {
        double[] estimate = estimate(at, i, f, scales.get(k));
        if (inFloat) {
          // float code is a staircase at the double step, so the double step's estimate counts,
          // with float's tolerance, only where it is smooth (the float code may not matter);
          // elsewhere the float step's does: fine steps would see float values as constants
          estimate = Double.isNaN(estimate[0]) ? steadyEstimate(at, i, f, FLOAT) : estimate;
          estimate[1] += FLOAT_SLACK * Math.max(1, Math.abs(estimate[0]));
        }
        out[2 * k][i] = estimate[0];
        out[2 * k + 1][i] = estimate[1];
      }
    }
    return out;
  }

  /**
   * The estimate at steps s, trusted only where the estimates 8 steps to either side agree with it.
   * When the double step has failed, a kink may lie closer than float's step: every step then
   * straddles it, and the three differences agree on an average of the two slopes. Moved off the
   * kink, the estimate sees one slope on each side, and their disagreement shows the kink.
   */
  private static double[] steadyEstimate(double[] at, int i, ToDoubleFunction<double[]> f, Steps s) {
    double[] center = estimate(at, i, f, s);
    double offset = 8 * s.step() * Math.max(1, Math.abs(at[i]));
    for (int side = -1; side <= 1 && !Double.isNaN(center[0]); side += 2) {
      double[] moved = at.clone();
      moved[i] += side * offset;
      double[] beside = estimate(moved, i, f, s);
      double agreed = center[1] + beside[1] + FLOAT_SLACK * Math.max(1, Math.abs(center[0]));
      if (!(Math.abs(beside[0] - center[0]) <= agreed)) {
        center[0] = Double.NaN;
      }
    }
    return center;
  }

  /** {derivative or NaN, allowed error} for component i. */
  private static double[] estimate(double[] at, int i, ToDoubleFunction<double[]> f, Steps s) {
    double h = s.step() * Math.max(1, Math.abs(at[i]));
    double[] d = new double[3];
    double scale = 0;
    for (int k = 0; k < 3; k++) {
      double hk = h * (1 << k);
      double[] plus = at.clone();
      double[] minus = at.clone();
      plus[i] += hk;
      minus[i] -= hk;
      double fp = f.applyAsDouble(plus);
      double fm = f.applyAsDouble(minus);
      d[k] = (fp - fm) / (2 * hk);
      scale = Math.max(scale, Math.max(Math.abs(fp), Math.abs(fm)));
    }
    double noise = 8 * s.epsilon() * Math.max(1, scale) / h;
    // D(2h) - D(h) is 3 c h^2 and D(4h) - D(2h) is 12 c h^2 for a smooth function; garbage
    // (a kink, a jump, a frequency the steps cannot resolve) rarely passes all three tests
    double allowed = s.tolerance() * Math.max(1, Math.abs(d[0])) + 4 * noise;
    boolean smooth = Double.isFinite(d[0]) && Double.isFinite(d[1]) && Double.isFinite(d[2])
        && Math.abs(d[1] - d[0]) <= allowed && Math.abs(d[2] - d[1]) <= 4 * allowed
        && Math.abs(d[2] - d[1] - 4 * (d[1] - d[0])) <= allowed;
    double reference = (4 * d[0] - d[1]) / 3;
    return new double[] {smooth ? reference : Double.NaN, s.tolerance() * Math.max(1, Math.abs(reference)) + noise};
  }

  /** Null when {@code derivative} matches a trusted estimate of each component of {@code reference}, else why not. */
  String compare(double[] derivative, double[][] reference, boolean[] active, IntFunction<String> name) {
    for (int i = 0; i < derivative.length; i++) {
      if (!active[i]) {
        continue;
      }
      double got = derivative[i];
      double firstTrusted = Double.NaN;
      boolean matches = false;
      for (int k = 0; k < reference.length; k += 2) {
        double ref = reference[k][i];
        if (!Double.isNaN(ref)) {
          firstTrusted = Double.isNaN(firstTrusted) ? ref : firstTrusted;
          matches |= Math.abs(got - ref) <= reference[k + 1][i];
        }
      }
      if (Double.isNaN(firstTrusted)) {
        skipped++;
        continue;
      }
      compared++;
      if (!matches) {
        return "d/d" + name.apply(i) + ": generated " + got + ", central differences " + firstTrusted;
      }
    }
    return null;
  }
}
