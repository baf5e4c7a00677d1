package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** See {@link Recursion}: the build runs these with three call-recording budgets. */
class RecursionTest {

  @Test
  void determinantByMinors() {
    for (int n : new int[] {1, 2, 3, 5}) {
      double[] a = Checks.uniform(new Random(90 + n), n * n, -1, 1);
      var g = RecursionAdjoint.detGradient(a, n);
      assertEquals(Recursion.det(a, n), g.value(), 0.0);
      Checks.gradient(v -> Recursion.det(v, n), a.clone(), g.a());
      // the gradient of a determinant is its cofactor matrix
      if (n == 2) {
        assertArrayEquals(new double[] {a[3], -a[2], -a[1], a[0]}, g.a(), 1e-15);
      }
    }
    double[] a = Checks.uniform(new Random(95), 16, -1, 1);
    var g = RecursionAdjoint.detGradient(a, 4);
    Checks.taylor(v -> Recursion.det(v, 4), a.clone(), g.a(), 95);
  }

  @Test
  void divideAndConquer() {
    for (int n : new int[] {1, 2, 7, 32}) {
      double[] x = Checks.uniform(new Random(100 + n), n, -1, 1);
      var g = RecursionAdjoint.treeGradient(x, 0, n);
      assertEquals(Recursion.tree(x, 0, n), g.value(), 0.0);
      Checks.gradient(v -> Recursion.tree(v, 0, n), x.clone(), g.x());
    }
    double[] x = Checks.uniform(new Random(110), 13, -1, 1);
    Checks.taylor(v -> Recursion.tree(v, 0, 13), x.clone(), RecursionAdjoint.treeGradient(x, 0, 13).x(), 110);
  }

  @Test
  void scalarRecursionWithReassignedParameters() {
    for (int n : new int[] {0, 1, 6, 40}) {
      var g = RecursionAdjoint.dampedGradient(0.7, 1.3, n);
      assertEquals(Recursion.damped(0.7, 1.3, n), g.value(), 0.0);
      Checks.gradient(v -> Recursion.damped(v[0], v[1], n), Flat.of(0.7, 1.3), Flat.of(g.x(), g.c()));
      Checks.rejectsNaNSeed(() -> RecursionAdjoint.dampedPullback(0.7, 1.3, n, Double.NaN));
    }
    var g = RecursionAdjoint.dampedGradient(0.7, 1.3, 9);
    Checks.taylor(v -> Recursion.damped(v[0], v[1], 9), Flat.of(0.7, 1.3), Flat.of(g.x(), g.c()), 120);
  }

  @Test
  void mutualRecursion() {
    for (int n : new int[] {0, 1, 2, 9}) {
      var g = RecursionAdjoint.evenGradient(0.4, n);
      assertEquals(Recursion.even(0.4, n), g.value(), 0.0);
      Checks.gradient(v -> Recursion.even(v[0], n), Flat.of(0.4), Flat.of(g.x()));
      var h = RecursionAdjoint.oddGradient(0.4, n);
      Checks.gradient(v -> Recursion.odd(v[0], n), Flat.of(0.4), Flat.of(h.x()));
    }
    Checks.taylor(v -> Recursion.even(v[0], 9), Flat.of(0.4), Flat.of(RecursionAdjoint.evenGradient(0.4, 9).x()), 130);
  }

  @Test
  void callWritingIntoALocalArray() {
    double[] x = Checks.uniform(new Random(140), 12, -1, 1);
    for (int k : new int[] {0, 1, 11}) {
      var g = RecursionAdjoint.pairsGradient(x, k);
      assertEquals(Recursion.pairs(x, k), g.value(), 0.0);
      Checks.gradient(v -> Recursion.pairs(v, k), x.clone(), g.x());
    }
    Checks.taylor(v -> Recursion.pairs(v, 11), x.clone(), RecursionAdjoint.pairsGradient(x, 11).x(), 141);
  }

  @Test
  void passiveArrayIntoADifferentiatingRecursion() {
    double[] data = Checks.uniform(new Random(150), 10, -1, 1);
    var g = RecursionAdjoint.weightedChainGradient(data, 0.6);
    assertEquals(Recursion.weightedChain(data, 0.6), g.value(), 0.0);
    Checks.gradient(v -> Recursion.weightedChain(data, v[0]), Flat.of(0.6), Flat.of(g.w()));
    // the callee on its own differentiates the array as well
    var h = RecursionAdjoint.chainGradient(data, 0.6, data.length - 1);
    assertEquals(g.w(), h.w(), 1e-14);
    Checks.gradient(v -> Recursion.chain(v, 0.6, data.length - 1), data.clone(), h.data());
  }

  @Test
  void splitRecursionAfterAJointMutatingCall() {
    double[] x = Checks.uniform(new Random(160), 9, -1, 1);
    double[] before = x.clone();
    var g = RecursionAdjoint.smoothedTreeGradient(x);
    assertArrayEquals(before, x, 0.0);
    assertEquals(Recursion.smoothedTree(x), g.value(), 0.0);
    Checks.gradient(Recursion::smoothedTree, x.clone(), g.x());
    Checks.taylor(Recursion::smoothedTree, x.clone(), g.x(), 161);
  }
}
