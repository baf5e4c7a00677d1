package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tangents with respect to fields ({@code wrt = "this"}): the fields' tangents come as a
 * {@code Params} record, and the tangent in a random direction is the gradient's dot product with
 * it, to rounding; through a call of another such method ({@code sensitivity} calls
 * {@code predict}), a recursion that is not inlined ({@code unrolled}), a loop over a data set
 * ({@code loss}) and a second model that is passive ({@code distill}). The vector tangents, one
 * {@code Params} record per direction, equal one scalar tangent per direction bit for bit.
 */
class FieldTangentsTest {
  private final Random rnd = new Random(44);
  private final ModelParams model = ModelParamsTest.model(rnd, 3, 4);
  private final ModelParams teacher = ModelParamsTest.model(rnd, 3, 4);
  private final double[] x = Checks.uniform(rnd, 4, -1, 1);
  private final double[] xDot = Checks.uniform(rnd, 4, -1, 1);
  private final ModelParamsAdjoint.Params direction =
      ModelParamsAdjoint.Params.of(model).unflatten(Checks.uniform(rnd, ModelParamsAdjoint.Params.of(model).flatSize(), -1, 1));

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private void assertClose(double expected, double got) {
    assertEquals(expected, got, 1e-12 * (1 + Math.abs(expected)));
  }

  @Test
  void predictsTangentIsItsGradientAlongTheDirection() {
    var g = ModelParamsAdjoint.predictGradient(model, x);
    var t = ModelParamsAdjoint.predictTangent(model, x, xDot, direction);
    assertEquals(model.predict(x), t.value(), 0.0);
    assertClose(dot(g.x(), xDot) + dot(g.self().flatten(), direction.flatten()), t.tangent());
  }

  @Test
  void throughACallOfAnotherFieldMethod() {
    double scale = 0.7;
    var g = ModelParamsAdjoint.sensitivityGradient(model, x, scale);
    var t = ModelParamsAdjoint.sensitivityTangent(model, x, scale, xDot, direction);
    assertClose(dot(g.x(), xDot) + dot(g.self().flatten(), direction.flatten()), t.tangent());
  }

  /** A recursion: each level's fields and their tangents go to the next as hidden arguments. */
  @Test
  void throughARecursionThatPassesTheFields() {
    var g = ModelParamsAdjoint.unrolledGradient(model, x, 3);
    assertClose(dot(g.self().flatten(), direction.flatten()),
        ModelParamsAdjoint.unrolledTangent(model, x, 3, direction).tangent());
  }

  @Test
  void overADataSetAndWithAPassiveSecondModel() {
    double[][] xs = Checks.uniform(rnd, 5, 4, -1, 1);
    double[] ys = Checks.uniform(rnd, 5, -0.5, 0.5);
    var g = ModelParamsAdjoint.lossGradient(model, xs, ys);
    assertClose(dot(g.self().flatten(), direction.flatten()),
        ModelParamsAdjoint.lossTangent(model, xs, ys, direction).tangent());
    var d = ModelParamsAdjoint.distillGradient(model, teacher, x);
    var dt = ModelParamsAdjoint.distillTangent(model, teacher, x, direction);
    assertClose(dot(d.self().flatten(), direction.flatten()), dt.tangent());
  }

  /** Three directions of the fields (and of x), each its own record. */
  private ModelParamsAdjoint.Params[] directions() {
    int n = ModelParamsAdjoint.Params.of(model).flatSize();
    return new ModelParamsAdjoint.Params[] {direction,
        ModelParamsAdjoint.Params.of(model).unflatten(Checks.uniform(rnd, n, -1, 1)),
        ModelParamsAdjoint.Params.of(model).unflatten(Checks.uniform(rnd, n, -1, 1))};
  }

  @Test
  void vectorTangentsAreTheScalarTangentsOfEachDirection() {
    ModelParamsAdjoint.Params[] selfDots = directions();
    double[][] xDots = {xDot, Checks.uniform(rnd, 4, -1, 1), Checks.uniform(rnd, 4, -1, 1)};
    double[][] xs = Checks.uniform(rnd, 5, 4, -1, 1);
    double[] ys = Checks.uniform(rnd, 5, -0.5, 0.5);
    double scale = 0.7;
    double[] before = selfDots[1].flatten();
    var predict = ModelParamsAdjoint.predictTangents(model, x, xDots, selfDots);
    var sensitivity = ModelParamsAdjoint.sensitivityTangents(model, x, scale, xDots, selfDots);
    var unrolled = ModelParamsAdjoint.unrolledTangents(model, x, 3, selfDots);
    var loss = ModelParamsAdjoint.lossTangents(model, xs, ys, selfDots);
    var distill = ModelParamsAdjoint.distillTangents(model, teacher, x, selfDots);
    for (int d = 0; d < selfDots.length; d++) {
      assertEquals(ModelParamsAdjoint.predictTangent(model, x, xDots[d], selfDots[d]).tangent(),
          predict.tangents()[d], 0.0, "predict, direction " + d);
      assertEquals(ModelParamsAdjoint.sensitivityTangent(model, x, scale, xDots[d], selfDots[d]).tangent(),
          sensitivity.tangents()[d], 0.0, "sensitivity, direction " + d);
      assertEquals(ModelParamsAdjoint.unrolledTangent(model, x, 3, selfDots[d]).tangent(),
          unrolled.tangents()[d], 0.0, "unrolled, direction " + d);
      assertEquals(ModelParamsAdjoint.lossTangent(model, xs, ys, selfDots[d]).tangent(),
          loss.tangents()[d], 0.0, "loss, direction " + d);
      assertEquals(ModelParamsAdjoint.distillTangent(model, teacher, x, selfDots[d]).tangent(),
          distill.tangents()[d], 0.0, "distill, direction " + d);
    }
    assertArrayEquals(before, selfDots[1].flatten(), 0.0, "the records are left as they were");
  }

  @Test
  void aFieldTangentOfAnotherShapeIsRejectedByName() {
    ModelParamsAdjoint.Params[] selfDots = directions();
    double[][] w1 = selfDots[1].w1().clone();
    w1[2] = new double[1];
    selfDots[1] = new ModelParamsAdjoint.Params(w1, selfDots[1].b1(), selfDots[1].w2(), selfDots[1].b2());
    var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ModelParamsAdjoint.lossTangents(model, new double[][] {x}, new double[] {0.1}, selfDots));
    assertEquals("lossTangents: selfDots[d].w1()[2] has length 1, expected 4", e.getMessage());
  }

  /**
   * The HVP of a field method takes the fields' values and tangents explicitly, after the
   * parameters: against central differences of the gradient along the same direction.
   */
  @Test
  void aFieldMethodsHvpIsTheDerivativeOfItsGradient() {
    ModelParamsAdjoint.Params at = ModelParamsAdjoint.Params.of(model);
    ModelParamsAdjoint.Params v = direction;
    var hvp = ModelParamsAdjointAdjoint.predictHvp(model, x, at.w1(), at.b1(), at.w2(), at.b2(), xDot, v.w1(),
        v.b1(), v.w2(), v.b2());
    double h = 1e-5;
    double[] base = at.flatten(); // a copy: the record holds the model's own arrays
    double[] plus = gradientAt(base, v.flatten(), h);
    double[] minus = gradientAt(base, v.flatten(), -h);
    at.unflatten(base).copyInto(model);
    double[] hv = new ModelParamsAdjoint.Params(hvp.thisW1(), hvp.thisB1(), hvp.thisW2(), hvp.thisB2()).flatten();
    for (int i = 0; i < hv.length; i++) {
      double fd = (plus[i] - minus[i]) / (2 * h);
      assertEquals(fd, hv[i], 1e-6 * (1 + Math.abs(fd)), "entry " + i);
    }
  }

  /** The fields' gradient of predict at the fields {@code base + t v} and {@code x + t xDot}. */
  private double[] gradientAt(double[] base, double[] v, double t) {
    double[] f = base.clone();
    for (int i = 0; i < f.length; i++) {
      f[i] += t * v[i];
    }
    ModelParamsAdjoint.Params.of(model).unflatten(f).copyInto(model);
    double[] shifted = x.clone();
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] += t * xDot[i];
    }
    return ModelParamsAdjoint.predictGradient(model, shifted).self().flatten();
  }
}
