package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CallsTest {
  private final Random rnd = new Random(4004);

  @Test
  void smallCallees() {
    var s = CallsAdjoint.squareGradient(-1.25);
    assertEquals(Calls.square(-1.25), s.value());
    assertEquals(-2.5, s.x(), 1e-12);
    Checks.gradient(v -> Calls.square(v[0]), Flat.of(-1.25), Flat.of(s.x()));
    var c = CallsAdjoint.cubePlusGradient(0.9, 2.0);
    assertEquals(Calls.cubePlus(0.9, 2.0), c.value());
    Checks.gradient(v -> Calls.cubePlus(v[0], v[1]), Flat.of(0.9, 2.0), Flat.of(c.x(), c.y()));
    Checks.rejectsNaNSeed(() -> CallsAdjoint.squarePullback(1, Double.NaN));
    Checks.rejectsNaNSeed(() -> CallsAdjoint.cubePlusPullback(1, 2, Double.NaN));
  }

  @Test
  void callsToTheSameClass() {
    double x = 0.7;
    double y = -0.4;
    var g = CallsAdjoint.sameClassGradient(x, y);
    assertEquals(Calls.sameClass(x, y), g.value());
    Checks.gradient(v -> Calls.sameClass(v[0], v[1]), Flat.of(x, y), Flat.of(g.x(), g.y()));
    Checks.taylor(v -> Calls.sameClass(v[0], v[1]), Flat.of(x, y), Flat.of(g.x(), g.y()), 71);
    Checks.rejectsNaNSeed(() -> CallsAdjoint.sameClassPullback(x, y, Double.NaN));
  }

  @Test
  void callsToOtherClassesWithArrays() {
    double[] a = Checks.uniform(rnd, 5, -1, 1);
    double x = 0.45;
    Object[] before = Checks.snapshot(a);
    var g = CallsAdjoint.otherClassGradient(a, x);
    Checks.assertUnchanged(before, a);
    assertEquals(Calls.otherClass(a, x), g.value());
    Checks.gradient(v -> {
      var r = Flat.read(v);
      return Calls.otherClass(r.vec(5), r.scalar());
    }, Flat.of(a, x), Flat.of(g.a(), g.x()));
    Checks.taylor(v -> {
      var r = Flat.read(v);
      return Calls.otherClass(r.vec(5), r.scalar());
    }, Flat.of(a, x), Flat.of(g.a(), g.x()), 72);
    Checks.rejectsNaNSeed(() -> CallsAdjoint.otherClassPullback(a, x, Double.NaN));
  }

  @Test
  void nonDifferentiableIndexHelper() {
    double[] a = Checks.uniform(rnd, 6, -1, 1);
    for (int shift : new int[] {0, 2, -1}) {
      var g = CallsAdjoint.withIndexHelperGradient(a, shift);
      assertEquals(Calls.withIndexHelper(a, shift), g.value());
      Checks.gradient(v -> Calls.withIndexHelper(v, shift), a.clone(), g.a());
    }
    Checks.rejectsNaNSeed(() -> CallsAdjoint.withIndexHelperPullback(a, 1, Double.NaN));
  }

  @Test
  void wrtRestrictsTheComponentsToAnArray() {
    assertEquals(List.of("value", "b"), Checks.components(CallsAdjoint.OnlyBGradient.class));
    double a = 0.6;
    double c = 1.3;
    double[] b = Checks.uniform(rnd, 4, -1, 1);
    Object[] before = Checks.snapshot(b);
    var g = CallsAdjoint.onlyBGradient(a, b, c);
    Checks.assertUnchanged(before, b);
    assertEquals(Calls.onlyB(a, b, c), g.value());
    Checks.gradient(v -> Calls.onlyB(a, v, c), b.clone(), g.b());
    Checks.rejectsNaNSeed(() -> CallsAdjoint.onlyBPullback(a, b, c, Double.NaN));
  }

  @Test
  void wrtRestrictsTheComponentsToSomeScalars() {
    assertEquals(List.of("value", "x", "z"), Checks.components(CallsAdjoint.SomeScalarsGradient.class));
    double x = 0.3;
    double y = -1.1;
    double z = 0.8;
    var g = CallsAdjoint.someScalarsGradient(x, y, z);
    assertEquals(Calls.someScalars(x, y, z), g.value());
    Checks.gradient(v -> Calls.someScalars(v[0], y, v[1]), Flat.of(x, z), Flat.of(g.x(), g.z()));
    Checks.rejectsNaNSeed(() -> CallsAdjoint.someScalarsPullback(x, y, z, Double.NaN));
  }

  @Test
  void callsAFunctionReturningAnArray() {
    double[] a = Checks.uniform(rnd, 5, -1, 1);
    double x = 0.9;
    Object[] before = Checks.snapshot(a);
    var g = CallsAdjoint.callsArrayFunctionGradient(a, x);
    Checks.assertUnchanged(before, a);
    assertEquals(Calls.callsArrayFunction(a, x), g.value());
    Checks.gradient(v -> {
      var r = Flat.read(v);
      return Calls.callsArrayFunction(r.vec(5), r.scalar());
    }, Flat.of(a, x), Flat.of(g.a(), g.x()));
    Checks.rejectsNaNSeed(() -> CallsAdjoint.callsArrayFunctionPullback(a, x, Double.NaN));
  }

  @Test
  void callsFunctionsReturningMatricesAndVectors() {
    double[][] a = Checks.uniform(rnd, 3, 3, -1, 1);
    double[] v = Checks.uniform(rnd, 3, -1, 1);
    Object[] before = Checks.snapshot(a, v);
    var g = CallsAdjoint.callsMatrixFunctionsGradient(a, v);
    Checks.assertUnchanged(before, a, v);
    assertEquals(Calls.callsMatrixFunctions(a, v), g.value());
    Checks.gradient(x -> {
      var r = Flat.read(x);
      return Calls.callsMatrixFunctions(r.mat(3, 3), r.vec(3));
    }, Flat.of(a, v), Flat.of(g.a(), g.v()));
    Checks.rejectsNaNSeed(() -> CallsAdjoint.callsMatrixFunctionsPullback(a, v, Double.NaN));
  }

  @Test
  void callsAVoidMutatorOfAnotherClass() {
    double[] a = Checks.uniform(rnd, 5, -1, 1);
    double s = 0.7;
    Object[] before = Checks.snapshot(a);
    var g = CallsAdjoint.callsVoidMutatorGradient(a, s);
    Checks.assertUnchanged(before, a);
    assertEquals(Calls.callsVoidMutator(a, s), g.value());
    Checks.gradient(v -> {
      var r = Flat.read(v);
      return Calls.callsVoidMutator(r.vec(5), r.scalar());
    }, Flat.of(a, s), Flat.of(g.a(), g.s()));
    Checks.rejectsNaNSeed(() -> CallsAdjoint.callsVoidMutatorPullback(a, s, Double.NaN));
  }

  @Test
  void callsANestedClass() {
    double[] u = Checks.uniform(rnd, 5, -1, 1);
    double[] f = Checks.uniform(rnd, 5, -1, 1);
    double w = 1.6;
    Object[] before = Checks.snapshot(u, f);
    var g = CallsAdjoint.callsNestedGradient(u, f, w);
    Checks.assertUnchanged(before, u, f);
    assertEquals(Calls.callsNested(u, f, w), g.value());
    Checks.gradient(v -> {
      var r = Flat.read(v);
      return Calls.callsNested(r.vec(5), r.vec(5), r.scalar());
    }, Flat.of(u, f, w), Flat.of(g.u(), g.f(), g.w()));
    Checks.rejectsNaNSeed(() -> CallsAdjoint.callsNestedPullback(u, f, w, Double.NaN));
  }
}
