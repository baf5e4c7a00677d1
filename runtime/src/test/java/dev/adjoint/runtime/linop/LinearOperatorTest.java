package dev.adjoint.runtime.linop;

import static dev.adjoint.runtime.Fixtures.gaussian;
import static dev.adjoint.runtime.linop.LinearOperator.ElementType.COMPLEX;
import static dev.adjoint.runtime.linop.LinearOperator.ElementType.REAL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.runtime.check.DotProductResult;
import dev.adjoint.runtime.check.GradCheck;
import dev.adjoint.runtime.check.RuleCheck;
import dev.adjoint.runtime.check.RuleCheckResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class LinearOperatorTest {

  static double[][] randomMatrix(int m, int n, long seed) {
    double[][] a = new double[m][];
    for (int i = 0; i < m; i++) {
      a[i] = gaussian(n, seed * 1000 + i);
    }
    return a;
  }

  /** An operator written by a user against the interface alone, to exercise the default methods. */
  static final class Doubling implements LinearOperator {
    private final int n;

    Doubling(int n) {
      this.n = n;
    }

    @Override public int domainSize() { return n; }
    @Override public int rangeSize() { return n; }
    @Override public ElementType domainType() { return REAL; }
    @Override public ElementType rangeType() { return REAL; }

    @Override
    public double[] apply(double[] x) {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = 2 * x[i];
      }
      return y;
    }

    @Override
    public double[] applyAdjoint(double[] y) {
      return apply(y);
    }
  }

  static Stream<Arguments> operators() {
    int n = 128;
    LinearOperator dftReal = LinearOperators.dft(n, REAL);
    LinearOperator dft = LinearOperators.dft(n);
    LinearOperator romberg = LinearOperators.romberg(n, new Random(1));
    LinearOperator restrict = LinearOperators.randomRestriction(n, 40, new Random(2));
    LinearOperator matrix = LinearOperators.matrix(randomMatrix(30, 20, 3));
    LinearOperator diag = LinearOperators.diagonal(gaussian(n, 4), COMPLEX);
    return Stream.of(
        Arguments.of("identity real", LinearOperators.identity(17)),
        Arguments.of("identity complex", LinearOperators.identity(17, COMPLEX)),
        Arguments.of("diagonal real", LinearOperators.diagonal(gaussian(25, 5))),
        Arguments.of("diagonal complex", diag),
        Arguments.of("dense 30x20", matrix),
        Arguments.of("dft complex", dft),
        Arguments.of("dft real domain", dftReal),
        Arguments.of("dft odd size", LinearOperators.dft(15)),
        Arguments.of("restriction complex", restrict),
        Arguments.of("restriction real", LinearOperators.restriction(10, new int[] {0, 3, 9}, REAL)),
        Arguments.of("romberg complex", romberg),
        Arguments.of("romberg real", LinearOperators.romberg(64, REAL, new Random(6))),
        Arguments.of("tutorial R*F", dftReal.then(romberg)),
        Arguments.of("restricted dft", dft.then(restrict)),
        Arguments.of("times", restrict.times(romberg).times(dft)),
        Arguments.of("sum", dft.plus(romberg).plus(diag)),
        Arguments.of("scaled", matrix.scale(-2.5)),
        Arguments.of("adjoint view", dftReal.then(romberg).adjoint()),
        Arguments.of("normal operator", matrix.then(matrix.adjoint()).plus(LinearOperators.identity(20))),
        Arguments.of("user-defined inside composition", new Doubling(20).then(matrix).scale(0.5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operators")
  void everyOperatorPassesTheDotProductTest(String name, LinearOperator op) {
    DotProductResult r = GradCheck.dotProduct(op::apply, op::applyAdjoint, op.domainLength(), new Random(42));
    assertTrue(r.within(1e-12), name + ": " + r);
    DotProductResult viaAdd = GradCheck.dotProduct(
        x -> {
          double[] out = new double[op.rangeLength()];
          op.applyAdd(x, out);
          return out;
        },
        y -> {
          double[] out = new double[op.domainLength()];
          op.applyAdjointAdd(y, out);
          return out;
        },
        op.domainLength(), new Random(43));
    assertTrue(viaAdd.within(1e-12), name + " (accumulating forms): " + viaAdd);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operators")
  void applyLeavesItsArgumentUnchanged(String name, LinearOperator op) {
    double[] x = gaussian(op.domainLength(), 7);
    double[] y = gaussian(op.rangeLength(), 8);
    double[] x0 = x.clone();
    double[] y0 = y.clone();
    op.apply(x);
    op.applyAdjoint(y);
    assertArrayEquals(x0, x, 0.0, name);
    assertArrayEquals(y0, y, 0.0, name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operators")
  void customRuleMatchesFiniteDifferencesAndAccumulates(String name, LinearOperator op) {
    RuleCheckResult r = RuleCheck.check(op::apply,
        (x, dy, xBar) -> LinearOperator.applyPullback(op, x, dy, xBar), gaussian(op.domainLength(), 9));
    assertTrue(r.passed(), name + ": " + r);
    RuleCheckResult adj = RuleCheck.check(op::applyAdjoint,
        (y, dx, yBar) -> LinearOperator.applyAdjointPullback(op, y, dx, yBar), gaussian(op.rangeLength(), 10));
    assertTrue(adj.passed(), name + " (adjoint rule): " + adj);
  }

  // ---------------------------------------------------------------- DFT

  /** The textbook sum, O(n^2), for reference. */
  static double[] naiveDft(double[] z, int n) {
    double[] out = new double[2 * n];
    for (int k = 0; k < n; k++) {
      for (int j = 0; j < n; j++) {
        double t = -2 * Math.PI * j * k / n;
        double c = Math.cos(t);
        double s = Math.sin(t);
        out[2 * k] += z[2 * j] * c - z[2 * j + 1] * s;
        out[2 * k + 1] += z[2 * j] * s + z[2 * j + 1] * c;
      }
    }
    return out;
  }

  @Test
  void dftMatchesTheOrthonormalSum() {
    for (int n : new int[] {1, 8, 12, 15, 128}) {
      double[] z = gaussian(2 * n, n);
      double[] expected = naiveDft(z, n);
      for (int i = 0; i < expected.length; i++) {
        expected[i] /= Math.sqrt(n);
      }
      assertArrayEquals(expected, LinearOperators.dft(n).apply(z), 1e-12, "n = " + n);
    }
  }

  @Test
  void dftOfRealSignalEqualsDftOfItsComplexEmbedding() {
    int n = 24;
    double[] x = gaussian(n, 11);
    double[] z = new double[2 * n];
    for (int j = 0; j < n; j++) {
      z[2 * j] = x[j];
    }
    assertArrayEquals(LinearOperators.dft(n).apply(z), LinearOperators.dft(n, REAL).apply(x), 1e-13);
  }

  @Test
  void dftAdjointIsItsInverse() {
    LinearOperator f = LinearOperators.dft(100);
    double[] z = gaussian(200, 12);
    assertArrayEquals(z, f.applyAdjoint(f.apply(z)), 1e-13);
    assertArrayEquals(z, f.apply(f.applyAdjoint(z)), 1e-13);
    LinearOperator fr = LinearOperators.dft(100, REAL);
    double[] x = gaussian(100, 13);
    assertArrayEquals(x, fr.applyAdjoint(fr.apply(x)), 1e-13);
  }

  // ---------------------------------------------------------------- Romberg and restriction

  static double norm(double[] v) {
    double s = 0;
    for (double e : v) {
      s += e * e;
    }
    return Math.sqrt(s);
  }

  @Test
  void rombergIsUnitary() {
    LinearOperator r = LinearOperators.romberg(128, new Random(14));
    double[] z = gaussian(256, 15);
    assertEquals(norm(z), norm(r.apply(z)), 1e-12 * norm(z));
    assertArrayEquals(z, r.applyAdjoint(r.apply(z)), 1e-12);
  }

  @Test
  void rombergMapsRealVectorsToRealVectors() {
    int n = 64;
    double[] x = gaussian(n, 16);
    double[] z = new double[2 * n];
    for (int j = 0; j < n; j++) {
      z[2 * j] = x[j];
    }
    double[] complexOut = LinearOperators.romberg(n, new Random(17)).apply(z);
    double[] realOut = LinearOperators.romberg(n, REAL, new Random(17)).apply(x);
    for (int j = 0; j < n; j++) {
      assertEquals(0, complexOut[2 * j + 1], 1e-12, "imaginary part " + j);
      assertEquals(complexOut[2 * j], realOut[j], 1e-12);
    }
  }

  @Test
  void rombergIsNotTheIdentityAndDependsOnTheSeed() {
    double[] z = gaussian(64, 18);
    double[] a = LinearOperators.romberg(32, new Random(1)).apply(z);
    double[] b = LinearOperators.romberg(32, new Random(2)).apply(z);
    double[] a2 = LinearOperators.romberg(32, new Random(1)).apply(z);
    assertArrayEquals(a, a2, 0.0);
    assertTrue(norm(difference(a, b)) > 0.1 * norm(z));
    assertTrue(norm(difference(a, z)) > 0.1 * norm(z));
  }

  static double[] difference(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }

  @Test
  void restrictionKeepsTheChosenComplexEntries() {
    LinearOperator r = LinearOperators.restriction(5, new int[] {1, 4}, COMPLEX);
    double[] z = {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5};
    assertArrayEquals(new double[] {1, 1.5, 4, 4.5}, r.apply(z), 0.0);
    assertArrayEquals(new double[] {0, 0, 7, 8, 0, 0, 0, 0, 9, 10}, r.applyAdjoint(new double[] {7, 8, 9, 10}), 0.0);
    assertEquals(2, r.rangeSize());
    assertEquals(4, r.rangeLength());
  }

  @Test
  void randomRestrictionDrawsDistinctIndicesReproducibly() {
    LinearOperator a = LinearOperators.randomRestriction(50, 20, REAL, new Random(19));
    LinearOperator b = LinearOperators.randomRestriction(50, 20, REAL, new Random(19));
    double[] x = new double[50];
    for (int i = 0; i < 50; i++) {
      x[i] = i;
    }
    double[] kept = a.apply(x);
    assertArrayEquals(kept, b.apply(x), 0.0);
    for (int k = 1; k < kept.length; k++) {
      assertTrue(kept[k] > kept[k - 1], "increasing and distinct");
    }
    assertThrows(IllegalArgumentException.class, () -> LinearOperators.randomRestriction(5, 6, new Random(1)));
    assertThrows(IllegalArgumentException.class,
        () -> LinearOperators.restriction(5, new int[] {3, 2}, REAL));
  }

  // ---------------------------------------------------------------- algebra

  @Test
  void thenAppliesThisFirstAndTimesAppliesTheArgumentFirst() {
    double[][] a = randomMatrix(4, 3, 20);
    double[][] b = randomMatrix(2, 4, 21);
    LinearOperator opA = LinearOperators.matrix(a);
    LinearOperator opB = LinearOperators.matrix(b);
    double[] x = gaussian(3, 22);
    double[] expected = opB.apply(opA.apply(x));
    assertArrayEquals(expected, opA.then(opB).apply(x), 1e-14);
    assertArrayEquals(expected, opB.times(opA).apply(x), 1e-14);
    assertEquals(3, opA.then(opB).domainSize());
    assertEquals(2, opA.then(opB).rangeSize());
  }

  @Test
  void denseMatrixMultipliesRowsByColumns() {
    LinearOperator m = LinearOperators.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});
    assertArrayEquals(new double[] {14, 32}, m.apply(new double[] {1, 2, 3}), 0.0);
    assertArrayEquals(new double[] {9, 12, 15}, m.applyAdjoint(new double[] {1, 2}), 0.0);
  }

  @Test
  void sumScaleAndAdjointViewCompute() {
    LinearOperator m = LinearOperators.matrix(new double[][] {{1, 2}, {3, 4}});
    LinearOperator d = LinearOperators.diagonal(new double[] {10, 20});
    double[] x = {1, -1};
    assertArrayEquals(new double[] {9, -21}, m.plus(d).apply(x), 0.0);
    assertArrayEquals(new double[] {2, 2}, m.scale(-2).apply(x), 0.0);
    assertArrayEquals(m.applyAdjoint(x), m.adjoint().apply(x), 0.0);
    assertArrayEquals(m.apply(x), m.adjoint().applyAdjoint(x), 0.0);
    assertSame(m, m.adjoint().adjoint());
  }

  @Test
  void accumulatingFormsAddIntoTheirOutput() {
    LinearOperator f = LinearOperators.dft(16, REAL);
    double[] x = gaussian(16, 23);
    double[] start = gaussian(32, 24);
    double[] out = start.clone();
    f.applyAdd(x, out);
    double[] fx = f.apply(x);
    for (int i = 0; i < out.length; i++) {
      assertEquals(start[i] + fx[i], out[i], 1e-14);
    }
    double[] userOut = new double[] {1, 1};
    new Doubling(2).applyAdd(new double[] {3, 4}, userOut);
    assertArrayEquals(new double[] {7, 9}, userOut, 0.0);
  }

  @Test
  void shapeMismatchesAreRejectedWithReadableMessages() {
    LinearOperator dft = LinearOperators.dft(8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dft.apply(new double[8]));
    assertTrue(e.getMessage().contains("length 8") && e.getMessage().contains("16"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> dft.applyAdjoint(new double[15]));
    assertThrows(IllegalArgumentException.class, () -> dft.applyAdd(new double[16], new double[8]));
    // complex range into a real domain of the same size
    assertThrows(IllegalArgumentException.class, () -> dft.then(LinearOperators.identity(8)));
    assertThrows(IllegalArgumentException.class, () -> dft.then(LinearOperators.identity(9, COMPLEX)));
    assertThrows(IllegalArgumentException.class, () -> dft.plus(LinearOperators.dft(8, REAL)));
    assertThrows(IllegalArgumentException.class, () -> LinearOperators.matrix(new double[][] {{1, 2}, {3}}));
    assertThrows(IllegalArgumentException.class, () -> dft.scale(Double.NaN));
  }

  @Test
  void sizesCountElementsAndLengthsCountDoubles() {
    LinearOperator f = LinearOperators.dft(10, REAL);
    assertEquals(10, f.domainSize());
    assertEquals(10, f.domainLength());
    assertEquals(10, f.rangeSize());
    assertEquals(20, f.rangeLength());
    assertEquals(REAL, f.adjoint().rangeType());
    assertEquals(COMPLEX, f.adjoint().domainType());
  }

  // ---------------------------------------------------------------- the rule

  @Test
  void pullbackAddsTheAdjointAndSkipsNull() {
    LinearOperator m = LinearOperators.matrix(new double[][] {{1, 2}, {3, 4}, {5, 6}});
    double[] xBar = {1, 1};
    LinearOperator.applyPullback(m, new double[] {0, 0}, new double[] {1, 0, -1}, xBar);
    assertArrayEquals(new double[] {1 - 4, 1 - 4}, xBar, 0.0);
    LinearOperator.applyPullback(m, new double[] {0, 0}, new double[] {1, 0, -1}, null);
    double[] yBar = new double[3];
    LinearOperator.applyAdjointPullback(m, new double[3], new double[] {1, 1}, yBar);
    assertArrayEquals(new double[] {3, 7, 11}, yBar, 0.0);
  }

  @Test
  void ruleHasTheAbiSignatureAndIsAnnotated() throws Exception {
    var method = LinearOperator.class.getDeclaredMethod("applyPullback",
        LinearOperator.class, double[].class, double[].class, double[].class);
    assertEquals(void.class, method.getReturnType());
    assertTrue(java.lang.reflect.Modifier.isStatic(method.getModifiers()));
    // @CustomRule has CLASS retention, so look for it in the class file rather than by reflection.
    try (InputStream in = LinearOperator.class.getResourceAsStream("LinearOperator.class")) {
      String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(bytes.contains("Ldev/adjoint/annotations/CustomRule;"));
      assertTrue(bytes.contains("RuntimeInvisibleAnnotations"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The tutorial's loss 0.5 |A x - b|^2 + 0.5 |x|^2 with A = R*F: its gradient assembled from the
   * rule (A' r + x) matches central differences and the analytic formula.
   */
  @Test
  void tutorialLossGradientThroughTheRule() {
    int n = 128;
    LinearOperator a = LinearOperators.dft(n, REAL).then(LinearOperators.romberg(n, new Random(25)));
    double[] b = a.apply(gaussian(n, 26));
    double[] x0 = gaussian(n, 27);
    double[] r = a.apply(x0);
    for (int i = 0; i < r.length; i++) {
      r[i] -= b[i];
    }
    double[] grad = x0.clone(); // d(0.5|x|^2) = x, then the rule adds A' (A x - b)
    LinearOperator.applyPullback(a, x0, r, grad);
    GradCheck.assertGradient(x -> {
      double[] res = a.apply(x);
      double s = 0;
      for (int i = 0; i < res.length; i++) {
        s += (res[i] - b[i]) * (res[i] - b[i]);
      }
      for (double v : x) {
        s += v * v;
      }
      return 0.5 * s;
    }, x0, grad, 1e-6);
    // A is unitary on real vectors (A'A = I), so the gradient is 2 x0 - A'b.
    double[] atb = a.applyAdjoint(b);
    for (int i = 0; i < n; i++) {
      assertEquals(2 * x0[i] - atb[i], grad[i], 1e-12);
    }
  }
}
