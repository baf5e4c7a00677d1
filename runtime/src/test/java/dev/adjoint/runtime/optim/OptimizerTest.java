package dev.adjoint.runtime.optim;

import dev.adjoint.runtime.linalg.Vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.runtime.linop.LinearOperator;
import dev.adjoint.runtime.linop.LinearOperators;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OptimizerTest {

  static double rosenbrock(double[] x, double[] g) {
    double a = 1 - x[0];
    double b = x[1] - x[0] * x[0];
    g[0] = -2 * a - 400 * x[0] * b;
    g[1] = 200 * b;
    return a * a + 100 * b * b;
  }

  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of(new GradientDescent(), 200_000),
        Arguments.of(new ConjugateGradient(), 1000),
        Arguments.of(new Lbfgs(), 1000),
        Arguments.of(new Lbfgs(1), 1000));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void rosenbrockConvergesToOneOne(Optimizer opt, int maxIterations) {
    double[] x0 = {-1.2, 1.0};
    Result r = opt.minimize(OptimizerTest::rosenbrock, x0,
        Options.defaults().withGradientTolerance(1e-8).withMaxIterations(maxIterations));
    assertEquals(Status.CONVERGED, r.status(), r.summary());
    assertArrayEquals(new double[] {1, 1}, r.minimizer(), 1e-6, r.summary());
    assertTrue(r.gradientNorm() <= 1e-8, r.summary());
    assertTrue(r.objective() < 1e-12, r.summary());
    assertArrayEquals(new double[] {-1.2, 1.0}, x0, 0.0, "the start is left unchanged");
  }

  @Test
  void quasiNewtonAndConjugateGradientBeatGradientDescentOnRosenbrock() {
    Options o = Options.defaults().withMaxIterations(200_000);
    int gd = new GradientDescent().minimize(OptimizerTest::rosenbrock, new double[] {-1.2, 1}, o).iterations();
    int cg = new ConjugateGradient().minimize(OptimizerTest::rosenbrock, new double[] {-1.2, 1}, o).iterations();
    int lbfgs = new Lbfgs().minimize(OptimizerTest::rosenbrock, new double[] {-1.2, 1}, o).iterations();
    assertTrue(lbfgs < 100 && cg < 200 && gd > 10 * cg, "GD " + gd + ", CG " + cg + ", L-BFGS " + lbfgs);
  }

  /** f = 0.5 x'Qx - b'x with Q = U diag(1..kappa) U' for a random orthogonal U. */
  static final class Quadratic implements Objective {
    final double[][] q;
    final double[] b;

    Quadratic(int n, double kappa, long seed) {
      Random rnd = new Random(seed);
      double[][] u = new double[n][n];
      for (int i = 0; i < n; i++) { // Gram-Schmidt on random vectors
        for (int j = 0; j < n; j++) {
          u[i][j] = rnd.nextGaussian();
        }
        for (int k = 0; k < i; k++) {
          double dot = Vectors.dot(u[i], u[k]);
          Vectors.axpy(-dot, u[k], u[i]);
        }
        double norm = Vectors.norm2(u[i]);
        for (int j = 0; j < n; j++) {
          u[i][j] /= norm;
        }
      }
      q = new double[n][n];
      for (int k = 0; k < n; k++) {
        double lambda = 1 + (kappa - 1) * k / (n - 1.0);
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            q[i][j] += lambda * u[k][i] * u[k][j];
          }
        }
      }
      b = new double[n];
      for (int i = 0; i < n; i++) {
        b[i] = rnd.nextGaussian();
      }
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
      double f = 0;
      for (int i = 0; i < x.length; i++) {
        double qx = Vectors.dot(q[i], x);
        g[i] = qx - b[i];
        f += 0.5 * x[i] * qx - b[i] * x[i];
      }
      return f;
    }
  }

  @Test
  void conjugateGradientSolvesAQuadraticInAtMostNIterations() {
    int n = 20;
    Quadratic f = new Quadratic(n, 100, 1);
    Result r = new ConjugateGradient().minimize(f, new double[n],
        Options.defaults().withGradientTolerance(1e-9));
    assertEquals(Status.CONVERGED, r.status(), r.summary());
    assertTrue(r.iterations() <= n, r.summary());
    double[] g = new double[n];
    f.valueAndGradient(r.minimizer(), g);
    assertTrue(Vectors.normInf(g) <= 1e-9);
  }

  @Test
  void gradientDescentNeedsManyMoreIterationsOnTheSameQuadratic() {
    int n = 20;
    Quadratic f = new Quadratic(n, 100, 1);
    Result r = new GradientDescent().minimize(f, new double[n],
        Options.defaults().withGradientTolerance(1e-9).withMaxIterations(100_000));
    assertEquals(Status.CONVERGED, r.status(), r.summary());
    assertTrue(r.iterations() > 2 * n, r.summary());
  }

  /**
   * The JUDI tutorial's problem: 0.5 |A x - b|^2 + 0.5 |x|^2 with A = R*F unitary, whose Hessian is
   * 2 I. As with Optim.jl, conjugate gradients converge in one iteration with 3 f calls and 2
   * gradient calls.
   */
  @Test
  void tutorialProblemConvergesInOneConjugateGradientIteration() {
    int n = 128;
    LinearOperator a = LinearOperators.dft(n, LinearOperator.ElementType.REAL)
        .then(LinearOperators.romberg(n, new Random(2)));
    Random rnd = new Random(3);
    double[] xTrue = new double[n];
    double[] x0 = new double[n];
    for (int i = 0; i < n; i++) {
      xTrue[i] = rnd.nextGaussian();
      x0[i] = rnd.nextGaussian();
    }
    double[] b = a.apply(xTrue);
    Objective loss = (x, g) -> {
      double[] r = a.apply(x);
      double s = 0;
      for (int i = 0; i < r.length; i++) {
        r[i] -= b[i];
        s += r[i] * r[i];
      }
      System.arraycopy(x, 0, g, 0, n);
      LinearOperator.applyPullback(a, x, r, g);
      return 0.5 * s + 0.5 * Vectors.dot(x, x);
    };
    Result r = new ConjugateGradient().minimize(loss, x0, Options.defaults().withGradientTolerance(1e-12));
    assertEquals(Status.CONVERGED, r.status(), r.summary());
    assertEquals(1, r.iterations(), r.summary());
    assertEquals(3, r.fCalls(), r.summary());
    assertEquals(2, r.gCalls(), r.summary());
    // The minimiser of |x|^2 - x.A'b + const is A'b / 2 = xTrue / 2.
    for (int i = 0; i < n; i++) {
      assertEquals(xTrue[i] / 2, r.minimizer()[i], 1e-12);
    }
  }

  // ---------------------------------------------------------------- trace, counts, statuses

  static final Pattern TRACE_LINE = Pattern.compile(
      "^\\s*(\\d+)\\s+(-?\\d\\.\\d{6}e[+-]\\d{2})\\s+(\\d\\.\\d{6}e[+-]\\d{2})\\s+(\\d+\\.\\d{4})$");

  @Test
  void traceListsIterationObjectiveGradientNormAndTime() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Result r = new Lbfgs().minimize(OptimizerTest::rosenbrock, new double[] {-1.2, 1},
        Options.defaults().withTrace(out, 5));
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertTrue(lines[0].matches("^\\s*Iter\\s+Function value\\s+Gradient norm\\s+Time \\(s\\)$"), lines[0]);
    List<Integer> iterations = new ArrayList<>();
    double previousTime = 0;
    for (int i = 1; i < lines.length; i++) {
      Matcher m = TRACE_LINE.matcher(lines[i]);
      assertTrue(m.matches(), "line " + i + ": '" + lines[i] + "'");
      iterations.add(Integer.parseInt(m.group(1)));
      double time = Double.parseDouble(m.group(4));
      assertTrue(time >= previousTime, "time is monotone");
      previousTime = time;
    }
    assertEquals(0, iterations.get(0));
    for (int i = 0; i + 1 < iterations.size(); i++) {
      assertEquals(0, iterations.get(i) % 5, "every 5th iteration: " + iterations);
    }
    assertEquals(r.iterations(), iterations.get(iterations.size() - 1), "the last line is the final iterate");
    Matcher last = TRACE_LINE.matcher(lines[lines.length - 1]);
    assertTrue(last.matches());
    assertEquals(r.objective(), Double.parseDouble(last.group(2)), 1e-6 * Math.abs(r.objective()) + 1e-300);
  }

  @Test
  void listenerSeesTheStartAndEveryIterate() {
    List<Integer> iterations = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    Result r = new Lbfgs().minimize(OptimizerTest::rosenbrock, new double[] {-1.2, 1},
        Options.defaults().withMaxIterations(7).withListener((k, f, g, x) -> {
          iterations.add(k);
          values.add(f);
          assertEquals(f, rosenbrock(x, new double[2]), 1e-12 * Math.max(1, Math.abs(f)), "x is the iterate");
        }));
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), iterations);
    assertEquals(r.objective(), values.get(values.size() - 1), 0);
    assertEquals(r.initialObjective(), values.get(0), 0);
  }

  @Test
  void noTraceUnlessAsked() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new ConjugateGradient().minimize(OptimizerTest::rosenbrock, new double[] {-1.2, 1},
        Options.defaults().withTrace(out, 0));
    assertEquals(0, bytes.size());
  }

  /** Counts calls independently of the optimizers' own counters. */
  static final class Counting implements Objective {
    int values;
    int gradients;

    @Override
    public double valueAndGradient(double[] x, double[] g) {
      gradients++;
      return rosenbrock(x, g);
    }

    @Override
    public double value(double[] x) {
      values++;
      return rosenbrock(x, new double[2]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void callCountsMatchWhatTheObjectiveSaw(Optimizer opt, int maxIterations) {
    Counting f = new Counting();
    Result r = opt.minimize(f, new double[] {-1.2, 1}, Options.defaults().withMaxIterations(maxIterations));
    assertEquals(f.gradients, r.gCalls(), r.summary());
    assertEquals(f.values + f.gradients, r.fCalls(), r.summary());
    assertTrue(r.gCalls() >= r.iterations() + 1, r.summary());
    assertTrue(r.fCalls() >= r.gCalls());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void iterationLimitIsReported(Optimizer opt, int ignored) {
    Result r = opt.minimize(OptimizerTest::rosenbrock, new double[] {-1.2, 1}, Options.defaults().withMaxIterations(3));
    assertEquals(Status.MAX_ITERATIONS, r.status());
    assertEquals(3, r.iterations());
    assertTrue(r.objective() < r.initialObjective(), r.summary());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void wrongGradientMakesTheLineSearchFail(Optimizer opt, int ignored) {
    Objective wrongSign = (x, g) -> {
      g[0] = -2 * x[0];
      return x[0] * x[0];
    };
    Result r = opt.minimize(wrongSign, new double[] {1});
    assertEquals(Status.LINE_SEARCH_FAILED, r.status(), r.summary());
    assertEquals(0, r.iterations());
  }

  @Test
  void startingAtTheMinimumTakesNoIterations() {
    Result r = new Lbfgs().minimize(OptimizerTest::rosenbrock, new double[] {1, 1});
    assertEquals(Status.CONVERGED, r.status());
    assertEquals(0, r.iterations());
    assertEquals(1, r.fCalls());
    assertEquals(1, r.gCalls());
  }

  @Test
  void nonFiniteStartIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new ConjugateGradient().minimize((x, g) -> Double.NaN, new double[] {0}));
  }

  @Test
  void summaryIsReadable() {
    Result r = new ConjugateGradient().minimize(OptimizerTest::rosenbrock, new double[] {-1.2, 1});
    String s = r.summary();
    assertTrue(s.contains("Status: success (CONVERGED)"), s);
    assertTrue(s.contains("Conjugate gradient"), s);
    assertTrue(s.contains("Iterations:    " + r.iterations()), s);
    assertTrue(s.contains("f(x) calls:    " + r.fCalls()), s);
    assertTrue(s.contains("grad f(x) calls: " + r.gCalls()), s);
    assertTrue(s.contains("|g(x)|inf = "), s);
  }

  @Test
  void optionsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> Options.defaults().withGradientTolerance(-1));
    assertThrows(IllegalArgumentException.class, () -> Options.defaults().withMaxIterations(-1));
    assertThrows(IllegalArgumentException.class, () -> Options.defaults().withTrace(System.out, -2));
    assertThrows(IllegalArgumentException.class, () -> new Lbfgs(0));
    Options o = Options.defaults();
    assertEquals(1e-8, o.gradientTolerance());
    assertEquals(1000, o.maxIterations());
  }

  @Test
  void cubicInterpolationIsExactOnAQuadratic() {
    // phi(a) = (a - 2)^2: values 4 and 1, slopes -4 and 2 at a = 0 and 3
    assertEquals(2.0, StrongWolfe.cubicMinimizer(0, 4, -4, 3, 1, 2), 1e-14);
  }
}
