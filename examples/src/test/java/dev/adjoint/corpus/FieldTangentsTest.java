package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tangents with respect to fields ({@code wrt = "this"}): the fields' tangents come as a
 * {@code Params} record, and the tangent in a random direction is the gradient's dot product with
 * it, to rounding; through a call of another such method ({@code sensitivity} calls
 * {@code predict}), a recursion that is not inlined ({@code unrolled}), a loop over a data set
 * ({@code loss}) and a second model that is passive ({@code distill}).
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
}
