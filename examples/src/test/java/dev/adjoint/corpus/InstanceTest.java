package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstanceTest {
  private final Random rnd = new Random(6006);
  private final Instance model = new Instance(new double[] {0.3, -0.8, 0.5, 0.2}, 0.1, 3);

  @Test
  void instanceMethodTakesTheReceiverFirst() {
    double x = 0.65;
    double[] weights = model.weights.clone();
    var g = InstanceAdjoint.predictGradient(model, x);
    assertEquals(model.predict(x), g.value());
    assertEquals(List.of("value", "x"), Checks.components(InstanceAdjoint.PredictGradient.class),
        "fields are constants, so the receiver has no component");
    Checks.gradient(v -> model.predict(v[0]), Flat.of(x), Flat.of(g.x()));
    assertArrayEquals(weights, model.weights, 0.0);
    Checks.rejectsNaNSeed(() -> InstanceAdjoint.predictPullback(model, x, Double.NaN));
  }

  @Test
  void fieldsChangeTheGradientAsConstants() {
    Instance other = new Instance(new double[] {1.0, 2.0, -1.0}, -0.2, 2);
    double x = 0.4;
    var g = InstanceAdjoint.predictGradient(other, x);
    assertEquals(other.predict(x), g.value());
    // degree 2: y = bias + w0 + w1 x, so dy/dx = w1 (1 - tanh^2).
    double t = Math.tanh(-0.2 + 1.0 + 2.0 * x);
    assertEquals(2.0 * (1 - t * t), g.x(), 1e-12);
  }

  @Test
  void instanceMethodCallingAnotherOnThis() {
    double[] xs = Checks.uniform(rnd, 5, -1, 1);
    double[] ys = Checks.uniform(rnd, 5, -0.5, 0.5);
    Object[] before = Checks.snapshot(xs, ys);
    var g = InstanceAdjoint.lossGradient(model, xs, ys);
    Checks.assertUnchanged(before, xs, ys);
    assertEquals(model.loss(xs, ys), g.value());
    Checks.gradient(v -> {
      var r = Flat.read(v);
      return model.loss(r.vec(5), r.vec(5));
    }, Flat.of(xs, ys), Flat.of(g.xs(), g.ys()));
    Checks.taylor(v -> {
      var r = Flat.read(v);
      return model.loss(r.vec(5), r.vec(5));
    }, Flat.of(xs, ys), Flat.of(g.xs(), g.ys()), 91);
    Checks.rejectsNaNSeed(() -> InstanceAdjoint.lossPullback(model, xs, ys, Double.NaN));
  }

  @Test
  void instanceMethodReturningAnArray() {
    double x = 0.35;
    double[] seed = Checks.gaussian(rnd, model.weights.length);
    var p = InstanceAdjoint.featuresPullback(model, x, seed);
    assertArrayEquals(model.features(x), p.value());
    Checks.pullback(v -> model.features(v[0]), Flat.of(x), seed, Flat.of(p.x()), 92);
    double[] nan = seed.clone();
    nan[0] = Double.NaN;
    Checks.rejectsNaNSeed(() -> InstanceAdjoint.featuresPullback(model, x, nan));
  }

  @Test
  void recursiveInstanceMethod() {
    Instance model = new Instance(new double[] {0.3, -1.2, 0.8, 0.5}, 0.25, 4);
    for (int k : new int[] {0, 3, 4}) {
      var g = InstanceAdjoint.hornerGradient(model, 0.9, k);
      assertEquals(model.horner(0.9, k), g.value(), 0.0);
      Checks.gradient(v -> model.horner(v[0], k), Flat.of(0.9), Flat.of(g.x()));
    }
    Checks.taylor(v -> model.horner(v[0], 0), Flat.of(0.9), Flat.of(InstanceAdjoint.hornerGradient(model, 0.9, 0).x()), 170);
  }
}
