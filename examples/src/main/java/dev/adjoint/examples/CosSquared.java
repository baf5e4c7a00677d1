package dev.adjoint.examples;

import dev.adjoint.annotations.CustomRule;
import dev.adjoint.annotations.Differentiable;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The first example of the JUDI.jl tutorial "Automatic differentiation with JUDI": the gradient of x -> (cos(x) + 1)^2
 * at a random point, three ways that must agree: Adjoint differentiating {@code cos(x) + 1} line
 * by line, Adjoint using a hand-written {@link CustomRule} for {@code mycos(x) = cos(x) + 1}, and
 * the analytic -2 sin(x) (cos(x) + 1).
 */
public final class CosSquared {
  /** Relative agreement required between the three gradients (issue 3 asks for 1e-14). */
  static final double TOLERANCE = 1e-14;

  /** Seed of the random point, so that runs are reproducible. */
  static final long SEED = 20240613L;

  /** How often the custom rule ran, to show that generated code used it. */
  static final AtomicInteger RULE_CALLS = new AtomicInteger();

  private CosSquared() {}

  /** cos(x) + 1, differentiated through its custom rule rather than its body. */
  static double mycos(double x) {
    return Math.cos(x) + 1;
  }

  /** The custom rule for {@link #mycos}: its pullback is -sin(x) dy. */
  @CustomRule(of = "mycos")
  static double mycosPullback(double x, double dy) {
    if (RULE_CALLS.getAndIncrement() == 0) {
      System.out.println("  Using custom AD rule for mycos");
    }
    return -Math.sin(x) * dy;
  }

  /** (cos(x) + 1)^2, differentiated line by line. */
  @Differentiable
  static double loss(double x) {
    double c = Math.cos(x) + 1;
    return c * c;
  }

  /** (mycos(x))^2, differentiated through the custom rule. */
  @Differentiable
  static double lossWithRule(double x) {
    double c = mycos(x);
    return c * c;
  }

  /** The analytic gradient. */
  static double analytic(double x) {
    return -2 * Math.sin(x) * mycos(x);
  }

  public static void main(String[] args) {
    Figures.headless();
    System.out.println("== (cos(x) + 1)^2: Adjoint vs analytic (JUDI AD tutorial)");
    double x0 = new Random(SEED).nextGaussian();
    RULE_CALLS.set(0);
    CosSquaredAdjoint.LossGradient standard = CosSquaredAdjoint.lossGradient(x0);
    CosSquaredAdjoint.LossWithRuleGradient custom = CosSquaredAdjoint.lossWithRuleGradient(x0);
    double truth = analytic(x0);
    double errStandard = relativeError(standard.x(), truth);
    double errCustom = relativeError(custom.x(), truth);
    System.out.printf(Locale.ROOT, "  x0            = %.17g%n", x0);
    System.out.printf(Locale.ROOT, "  True gradient : %.17g%n", truth);
    System.out.printf(Locale.ROOT, "  Standard AD   : %.17g (relative error %.2e)%n", standard.x(), errStandard);
    System.out.printf(Locale.ROOT, "  Custom AD     : %.17g (relative error %.2e)%n", custom.x(), errCustom);
    if (standard.value() != loss(x0) || custom.value() != lossWithRule(x0)) {
      throw new IllegalStateException("the gradients' values differ from the loss");
    }
    if (!(errStandard <= TOLERANCE) || !(errCustom <= TOLERANCE)) {
      throw new IllegalStateException("gradient differs from the analytic -2 sin(x)(cos(x)+1) by more than "
          + TOLERANCE + ": standard " + errStandard + ", custom " + errCustom);
    }
    System.out.printf(Locale.ROOT, "  the custom rule ran %d time(s) for one gradient%n", RULE_CALLS.get());
    if (RULE_CALLS.get() != 1) {
      throw new IllegalStateException("the custom rule for mycos ran " + RULE_CALLS.get() + " times, not once");
    }

    int n = 401;
    double[] xs = new double[n];
    double[] loss = new double[n];
    double[] grad = new double[n];
    double[] exact = new double[n];
    double worst = 0;
    for (int i = 0; i < n; i++) {
      xs[i] = -2 * Math.PI + 4 * Math.PI * i / (n - 1);
      CosSquaredAdjoint.LossGradient g = CosSquaredAdjoint.lossGradient(xs[i]);
      loss[i] = g.value();
      grad[i] = g.x();
      exact[i] = analytic(xs[i]);
      worst = Math.max(worst, Math.abs(grad[i] - exact[i]));
    }
    System.out.printf(Locale.ROOT, "  max |AD - analytic| on [-2pi, 2pi] = %.3e%n", worst);
    if (!(worst <= TOLERANCE * 4)) {
      throw new IllegalStateException("AD gradient differs from the analytic one by " + worst);
    }
    XYChart chart = Figures.lineChart("(cos(x) + 1)^2 and its gradient", "x", "value and derivative");
    Figures.line(chart, "(cos(x) + 1)^2", xs, loss);
    Figures.line(chart, "-2 sin(x)(cos(x) + 1), analytic", xs, exact);
    XYSeries adPoints = chart.addSeries("Adjoint gradient", every(xs, 8), every(grad, 8));
    adPoints.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    adPoints.setMarker(SeriesMarkers.CIRCLE);
    XYSeries point = chart.addSeries("random x0", new double[] {x0}, new double[] {custom.x()});
    point.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    point.setMarker(SeriesMarkers.DIAMOND);
    point.setMarkerColor(java.awt.Color.RED);
    Figures.save(chart, "cos-squared");
  }

  static double relativeError(double a, double b) {
    double scale = Math.max(Math.abs(a), Math.abs(b));
    return scale == 0 ? 0 : Math.abs(a - b) / scale;
  }

  private static double[] every(double[] a, int stride) {
    double[] out = new double[(a.length + stride - 1) / stride];
    for (int i = 0; i < out.length; i++) {
      out[i] = a[i * stride];
    }
    return out;
  }
}
