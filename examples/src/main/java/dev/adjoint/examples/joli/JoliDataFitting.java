package dev.adjoint.examples.joli;

import dev.adjoint.runtime.linalg.Vectors;
import dev.adjoint.annotations.Differentiable;
import dev.adjoint.examples.Figures;
import dev.adjoint.runtime.check.DotProductResult;
import dev.adjoint.runtime.check.GradCheck;
import dev.adjoint.runtime.check.RuleCheck;
import dev.adjoint.runtime.check.RuleCheckResult;
import dev.adjoint.runtime.check.TaylorResult;
import dev.adjoint.runtime.linop.LinearOperator;
import dev.adjoint.runtime.linop.LinearOperator.ElementType;
import dev.adjoint.runtime.linop.LinearOperators;
import dev.adjoint.runtime.optim.ConjugateGradient;
import dev.adjoint.runtime.optim.Objective;
import dev.adjoint.runtime.optim.Options;
import dev.adjoint.runtime.optim.Result;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The second example of the JUDI.jl tutorial "Automatic differentiation with JUDI": data fitting with a matrix-free
 * linear operator whose derivative comes from one rule for every operator.
 *
 * <p>{@code A = R*F} maps a real signal of N = 128 samples to 128 complex measurements (stored
 * interleaved, re/im): {@code F} is the orthonormal DFT ({@code joDFT}) and {@code R} JOLI's
 * {@code joRomberg}, a unitary random convolution on complex vectors. With a random signal
 * {@code x} and data {@code b = A x}, the loss
 *
 * <pre>  loss(x) = 0.5 |A x - b|^2 + 0.5 |x|^2</pre>
 *
 * <p>is plain Java below. Adjoint differentiates its loops line by line and the call
 * {@code a.apply(x)} through the custom rule on {@code LinearOperator.apply}, whose pullback is
 * {@code A' dy}; the operator's own code is never differentiated. Because {@code A' A = I}, the
 * Hessian is {@code 2 I}, the minimiser is {@code x / 2}, and conjugate gradients finish in one
 * iteration, as Optim.jl did in the tutorial.
 */
public final class JoliDataFitting {
  /** Signal length, as in the tutorial. */
  static final int N = 128;

  /** Seed of the operator's random phases and signs and of the random vectors. */
  static final long SEED = 20240613L;

  /** Relative 2-norm error allowed between the generated gradient and A'(A x0 - b) + x0. */
  static final double GRADIENT_TOLERANCE = 1e-13;

  /** Relative error allowed in the dot-product tests, which are exact up to rounding. */
  static final double DOT_TOLERANCE = 1e-12;

  /** Optim.jl's {@code g_tol} in the tutorial: on the gradient's infinity norm. */
  static final double G_TOL = 1e-12;

  /** The minimiser must equal x / 2 to this, in the infinity norm. */
  static final double MINIMIZER_TOLERANCE = 1e-12;

  // The tutorial's figures, printed next to ours.
  static final double TUTORIAL_GRADIENT_ERROR = 6.845562607034591e-15;
  static final double TUTORIAL_INITIAL_OBJECTIVE = 2.078016e+02;
  static final double TUTORIAL_FINAL_OBJECTIVE = 2.996845e+01;
  static final double TUTORIAL_GRADIENT_NORM = 3.191891e-15;
  static final int TUTORIAL_ITERATIONS = 1;
  static final int TUTORIAL_F_CALLS = 3;
  static final int TUTORIAL_G_CALLS = 2;

  private JoliDataFitting() {}

  /**
   * The data-fitting problem: the operator, the true signal {@code x}, the data {@code b = A x},
   * the point {@code x0} where the gradient is compared, and the optimizer's start.
   */
  record Problem(LinearOperator a, double[] x, double[] b, double[] x0, double[] start) {}

  /** The tutorial's setup, drawn reproducibly from {@code seed}. */
  static Problem problem(long seed) {
    Random rnd = new Random(seed);
    LinearOperator f = LinearOperators.dft(N, ElementType.REAL);
    LinearOperator r = LinearOperators.romberg(N, rnd);
    LinearOperator a = f.then(r); // JOLI's R*F
    double[] x = gaussian(N, rnd);
    return new Problem(a, x, a.apply(x), gaussian(N, rnd), gaussian(N, rnd));
  }

  /** loss(x) = 0.5 |A x - b|^2 + 0.5 |x|^2; differentiated in {@code x} only. */
  @Differentiable(wrt = "x")
  public static double loss(LinearOperator a, double[] x, double[] b) {
    double[] r = a.apply(x);
    double misfit = 0;
    for (int i = 0; i < r.length; i++) {
      double d = r[i] - b[i];
      misfit += d * d;
    }
    double norm2 = 0;
    for (int i = 0; i < x.length; i++) {
      norm2 += x[i] * x[i];
    }
    return 0.5 * misfit + 0.5 * norm2;
  }

  /** The gradient by Adjoint: a fresh array. */
  static double[] gradient(LinearOperator a, double[] x, double[] b) {
    return JoliDataFittingAdjoint.lossGradient(a, x, b).x();
  }

  /** The tutorial's analytic gradient {@code A'(A x0 - b) + x0}, computed with the operator alone. */
  static double[] analyticGradient(LinearOperator a, double[] x0, double[] b) {
    double[] residual = a.apply(x0);
    for (int i = 0; i < residual.length; i++) {
      residual[i] -= b[i];
    }
    double[] g = a.applyAdjoint(residual);
    for (int i = 0; i < g.length; i++) {
      g[i] += x0[i];
    }
    return g;
  }

  /** The loss as an optimizer objective: value and gradient from one generated pullback. */
  static Objective objective(LinearOperator a, double[] b) {
    return new Objective() {
      @Override
      public double valueAndGradient(double[] x, double[] gradOut) {
        JoliDataFittingAdjoint.LossGradient g = JoliDataFittingAdjoint.lossGradient(a, x, b);
        System.arraycopy(g.x(), 0, gradOut, 0, gradOut.length);
        return g.value();
      }

      @Override
      public double value(double[] x) {
        return loss(a, x, b);
      }
    };
  }

  /** Optim.jl's {@code ConjugateGradient()} with {@code g_tol = 1e-12, iterations = 200}, tracing every iteration to {@code trace} (null: none). */
  static Result fit(Problem p, PrintStream trace) {
    Options options = Options.defaults().withGradientTolerance(G_TOL).withMaxIterations(200);
    if (trace != null) {
      options = options.withTrace(trace, 1);
    }
    return new ConjugateGradient().minimize(objective(p.a(), p.b()), p.start(), options);
  }

  public static void main(String[] args) {
    Figures.headless();
    System.out.println("== JOLI data fitting (JUDI AD tutorial): loss(x) = 0.5|A x - b|^2 + 0.5|x|^2, A = R*F");
    Problem p = problem(SEED);
    LinearOperator a = p.a();
    System.out.printf(Locale.ROOT, "  A = romberg(%d) * dft(%d, REAL): REAL^%d -> COMPLEX^%d (%d doubles, re/im interleaved)%n",
        N, N, a.domainSize(), a.rangeSize(), a.rangeLength());

    checkOperator(a);
    double[] g = checkGradient(p);
    Result r = checkConjugateGradient(p);
    plot(p, g, r);
  }

  /** The operator and its rule: dot-product tests, unitarity, and the rule against central differences. */
  static void checkOperator(LinearOperator a) {
    Random rnd = new Random(SEED + 1);
    DotProductResult dot = GradCheck.dotProduct(a::apply, a::applyAdjoint, a.domainLength(), rnd);
    System.out.println("  dot-product test of A:            " + dot);
    require(dot.within(DOT_TOLERANCE), "A fails the dot-product test: " + dot);

    double[] u = gaussian(N, rnd);
    double[] back = a.applyAdjoint(a.apply(u));
    double unitary = distance(back, u) / norm(u);
    System.out.printf(Locale.ROOT, "  A'A = I:                          |A'A u - u| / |u| = %.3e%n", unitary);
    require(unitary <= DOT_TOLERANCE, "A'A is not the identity: " + unitary);

    double[] at = gaussian(N, rnd);
    RuleCheckResult rule = RuleCheck.check(a::apply, (x, dy, xBar) -> LinearOperator.applyPullback(a, x, dy, xBar), at);
    System.out.println("  rule LinearOperator.apply:        " + rule);
    require(rule.passed(), rule.message());
    DotProductResult ruleDot = RuleCheck.dotProduct(a::apply,
        (x, dy, xBar) -> LinearOperator.applyPullback(a, x, dy, xBar), at, rnd);
    System.out.println("  rule LinearOperator.apply, dot:   " + ruleDot);
    require(ruleDot.within(DOT_TOLERANCE), "the apply rule fails the dot-product test: " + ruleDot);
  }

  /** The generated gradient at x0 against the analytic one; returns the generated gradient. */
  static double[] checkGradient(Problem p) {
    CountingOperator counting = new CountingOperator(p.a());
    JoliDataFittingAdjoint.LossGradient ad = JoliDataFittingAdjoint.lossGradient(counting, p.x0(), p.b());
    double[] exact = analyticGradient(p.a(), p.x0(), p.b());
    // Often exactly 0: the reverse sweep adds x0 and A'(A x0 - b) from the same operations as the
    // formula, and floating-point addition is commutative.
    double absolute = distance(ad.x(), exact);
    double relative = absolute / norm(exact);
    System.out.printf(Locale.ROOT, "  gradient at a random x0: |g_AD - (A'(A x0 - b) + x0)| = %.3e (tutorial: %.3e),"
        + " relative %.3e (tolerance %.0e)%n", absolute, TUTORIAL_GRADIENT_ERROR, relative, GRADIENT_TOLERANCE);
    System.out.printf(Locale.ROOT, "  one gradient applied A %d time(s) and, through the rule, A' %d time(s)%n",
        counting.forwardCount(), counting.adjointCount());
    require(ad.value() == loss(p.a(), p.x0(), p.b()), "the gradient's value differs from the loss");
    require(relative <= GRADIENT_TOLERANCE, "the generated gradient differs from the analytic one by " + relative);
    require(counting.adjointCount() == 1, "the LinearOperator.apply rule was not used exactly once");

    // Kept out of the call below: a lambda next to an argument typed by the generated class crashes
    // javac 17 once the processor has attributed the class (see the examples' README notes).
    double[] g = ad.x();
    TaylorResult taylor = GradCheck.taylor(x -> loss(p.a(), x, p.b()), p.x0(), g, gaussian(N, new Random(SEED + 2)));
    System.out.printf(Locale.ROOT, "  Taylor test: remainder order %.2f without the gradient, %.2f with it%n",
        taylor.firstOrderRate(), taylor.secondOrderRate());
    require(taylor.isSecondOrder(), "Taylor test failed\n" + taylor.table());
    return g;
  }

  /** Nonlinear CG from a random start, as Optim.jl in the tutorial; prints the trace and the comparison. */
  static Result checkConjugateGradient(Problem p) {
    System.out.printf(Locale.ROOT, "  conjugate gradients, g_tol = %.0e:%n", G_TOL);
    Result r = fit(p, System.out);
    System.out.println(r.summary().indent(2).stripTrailing());
    System.out.printf(Locale.ROOT, "  %-22s %14s %14s%n", "", "Adjoint", "tutorial");
    System.out.printf(Locale.ROOT, "  %-22s %14d %14d%n", "iterations", r.iterations(), TUTORIAL_ITERATIONS);
    System.out.printf(Locale.ROOT, "  %-22s %14.3e %14.3e%n", "initial objective", r.initialObjective(), TUTORIAL_INITIAL_OBJECTIVE);
    System.out.printf(Locale.ROOT, "  %-22s %14.3e %14.3e%n", "final objective", r.objective(), TUTORIAL_FINAL_OBJECTIVE);
    System.out.printf(Locale.ROOT, "  %-22s %14.1e %14.1e%n", "|g(x)|", r.gradientNorm(), TUTORIAL_GRADIENT_NORM);
    System.out.printf(Locale.ROOT, "  %-22s %14d %14d%n", "f(x) calls", r.fCalls(), TUTORIAL_F_CALLS);
    System.out.printf(Locale.ROOT, "  %-22s %14d %14d%n", "grad f(x) calls", r.gCalls(), TUTORIAL_G_CALLS);
    require(r.converged(), "conjugate gradients did not converge:\n" + r.summary());
    // The Hessian is 2 I, so the first line search along -g lands on the minimiser.
    require(r.iterations() == TUTORIAL_ITERATIONS, "conjugate gradients took " + r.iterations() + " iterations, not 1");

    double worst = 0;
    for (int i = 0; i < N; i++) {
      worst = Math.max(worst, Math.abs(r.minimizer()[i] - p.x()[i] / 2));
    }
    System.out.printf(Locale.ROOT, "  recovered vs the exact minimiser x/2 ((A'A + I)^-1 A'b with A'A = I): max error %.3e%n", worst);
    require(worst <= MINIMIZER_TOLERANCE, "the recovered signal is not x/2: error " + worst);
    return r;
  }

  static void plot(Problem p, double[] gradient, Result r) {
    double[] index = new double[N];
    double[] half = new double[N];
    for (int i = 0; i < N; i++) {
      index[i] = i;
      half[i] = p.x()[i] / 2;
    }
    XYChart signal = Figures.lineChart("True and recovered signal (the 0.5|x|^2 term makes the minimiser x/2)",
        "sample", "value");
    Figures.line(signal, "true x", index, p.x());
    Figures.line(signal, "recovered (conjugate gradients)", index, r.minimizer());
    scatter(signal, "x / 2, the exact minimiser", index, half);
    Figures.save(signal, "joli-recovered");

    XYChart grad = Figures.lineChart("Gradient of the loss at a random x0", "sample", "dL/dx(sample)");
    Figures.line(grad, "A'(A x0 - b) + x0, analytic", index, analyticGradient(p.a(), p.x0(), p.b()));
    scatter(grad, "Adjoint (LinearOperator.apply rule)", index, gradient);
    Figures.save(grad, "joli-gradient");
  }

  private static void scatter(XYChart chart, String name, double[] x, double[] y) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.CIRCLE);
  }

  static double[] gaussian(int n, Random rnd) {
    return Vectors.gaussian(n, rnd);
  }

  static double norm(double[] v) {
    return Vectors.norm2(v);
  }

  static double distance(double[] u, double[] v) {
    double s = 0;
    for (int i = 0; i < u.length; i++) {
      s += (u[i] - v[i]) * (u[i] - v[i]);
    }
    return Math.sqrt(s);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }
}
