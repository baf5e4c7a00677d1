package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.annotations.Differentiable;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * GradBench's {@code saddle} (Pearlmutter and Siskind): {@code min over x of max over y of f(x, y)}
 * ({@link SaddleCost}), both by {@link GradientDescent} from the same start. The inner maximum is a
 * differentiable method that runs the descent itself, taking f's gradient in y at every step; the
 * outer descent differentiates through all of it. The two methods here differ in how they take the
 * inner gradient (two tangents, or f's generated gradient); the outer derivative of either is
 * generated in either mode, giving the four variants ff, fr, rf and rr.
 */
final class Saddle {
  private Saddle() {}

  /** max over y of f(x, y) from the start (s1, s2), the inner gradient by tangents. */
  @Differentiable(wrt = {"x1", "x2"})
  static double maxByTangents(double x1, double x2, double s1, double s2) {
    double y1 = s1;
    double y2 = s2;
    double fy = -SaddleCost.f(x1, x2, y1, y2);
    double g1 = SaddleCostAdjoint.fPushforwardInto(x1, x2, y1, y2, 0, 0, 1, 0, null);
    double g2 = SaddleCostAdjoint.fPushforwardInto(x1, x2, y1, y2, 0, 0, 0, 1, null);
    double eta = GradientDescent.FIRST_STEP;
    int accepted = 0;
    while (Math.sqrt(g1 * g1 + g2 * g2) > GradientDescent.TOLERANCE) {
      if (accepted == 10) {
        eta = eta * 2;
        accepted = 0;
      } else {
        double next1 = y1 + eta * g1; // a step down -f is a step up f
        double next2 = y2 + eta * g2;
        if (Math.sqrt((next1 - y1) * (next1 - y1) + (next2 - y2) * (next2 - y2)) <= GradientDescent.TOLERANCE) {
          break;
        }
        double fNext = -SaddleCost.f(x1, x2, next1, next2);
        if (fNext < fy) {
          y1 = next1;
          y2 = next2;
          fy = fNext;
          g1 = SaddleCostAdjoint.fPushforwardInto(x1, x2, y1, y2, 0, 0, 1, 0, null);
          g2 = SaddleCostAdjoint.fPushforwardInto(x1, x2, y1, y2, 0, 0, 0, 1, null);
          accepted++;
        } else {
          eta = eta / 2;
          accepted = 0;
        }
      }
    }
    return SaddleCost.f(x1, x2, y1, y2);
  }

  /** max over y of f(x, y) from the start (s1, s2), the inner gradient by f's generated gradient. */
  @Differentiable(wrt = {"x1", "x2"})
  static double maxByGradient(double x1, double x2, double s1, double s2) {
    double y1 = s1;
    double y2 = s2;
    double fy = -SaddleCost.f(x1, x2, y1, y2);
    double[] g = SaddleCostAdjoint.fPullbackInto(x1, x2, y1, y2, 1);
    double eta = GradientDescent.FIRST_STEP;
    int accepted = 0;
    while (Math.sqrt(g[2] * g[2] + g[3] * g[3]) > GradientDescent.TOLERANCE) {
      if (accepted == 10) {
        eta = eta * 2;
        accepted = 0;
      } else {
        double next1 = y1 + eta * g[2];
        double next2 = y2 + eta * g[3];
        if (Math.sqrt((next1 - y1) * (next1 - y1) + (next2 - y2) * (next2 - y2)) <= GradientDescent.TOLERANCE) {
          break;
        }
        double fNext = -SaddleCost.f(x1, x2, next1, next2);
        if (fNext < fy) {
          y1 = next1;
          y2 = next2;
          fy = fNext;
          g = SaddleCostAdjoint.fPullbackInto(x1, x2, y1, y2, 1);
          accepted++;
        } else {
          eta = eta / 2;
          accepted = 0;
        }
      }
    }
    return SaddleCost.f(x1, x2, y1, y2);
  }

  /** The saddle point [x1, x2, y1, y2] from start s, with the outer and inner modes as GradBench names them. */
  static double[] solve(String modes, double[] s) {
    boolean outerForward = modes.charAt(0) == 'f';
    boolean innerForward = modes.charAt(1) == 'f';
    ToDoubleFunction<double[]> inner = innerForward
        ? x -> maxByTangents(x[0], x[1], s[0], s[1]) : x -> maxByGradient(x[0], x[1], s[0], s[1]);
    double[] x = GradientDescent.argmin(inner, p -> innerGradient(outerForward, innerForward, p, s), s);
    // the second step: the maximum over y at that x, f's gradient in y by the outer mode
    Function<double[], double[]> fGradient = outerForward
        ? y -> new double[] {SaddleCostAdjoint.fTangent(x[0], x[1], y[0], y[1], 0, 0, 1, 0).tangent(),
            SaddleCostAdjoint.fTangent(x[0], x[1], y[0], y[1], 0, 0, 0, 1).tangent()}
        : y -> {
          SaddleCostAdjoint.FGradient g = SaddleCostAdjoint.fGradient(x[0], x[1], y[0], y[1]);
          return new double[] {g.y1(), g.y2()};
        };
    double[] y = GradientDescent.argmax(y0 -> SaddleCost.f(x[0], x[1], y0[0], y0[1]), fGradient, s);
    return new double[] {x[0], x[1], y[0], y[1]};
  }

  /** The gradient in x of the inner maximum: two tangents, or one reverse sweep. */
  private static double[] innerGradient(boolean outerForward, boolean innerForward, double[] x, double[] s) {
    if (outerForward && innerForward) {
      return new double[] {SaddleAdjoint.maxByTangentsTangent(x[0], x[1], s[0], s[1], 1, 0).tangent(),
          SaddleAdjoint.maxByTangentsTangent(x[0], x[1], s[0], s[1], 0, 1).tangent()};
    } else if (outerForward) {
      return new double[] {SaddleAdjoint.maxByGradientTangent(x[0], x[1], s[0], s[1], 1, 0).tangent(),
          SaddleAdjoint.maxByGradientTangent(x[0], x[1], s[0], s[1], 0, 1).tangent()};
    } else if (innerForward) {
      SaddleAdjoint.MaxByTangentsGradient g = SaddleAdjoint.maxByTangentsGradient(x[0], x[1], s[0], s[1]);
      return new double[] {g.x1(), g.x2()};
    }
    SaddleAdjoint.MaxByGradientGradient g = SaddleAdjoint.maxByGradientGradient(x[0], x[1], s[0], s[1]);
    return new double[] {g.x1(), g.x2()};
  }
}
