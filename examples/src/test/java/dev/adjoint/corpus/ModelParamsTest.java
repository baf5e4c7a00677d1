package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.runtime.check.GradCheck;
import dev.adjoint.runtime.optim.Lbfgs;
import dev.adjoint.runtime.optim.Options;
import dev.adjoint.runtime.optim.Result;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class ModelParamsTest {
  private final Random rnd = new Random(6206);
  private final ModelParams model = model(rnd, 3, 4);
  private final double[][] xs = Checks.uniform(rnd, 6, 4, -1, 1);
  private final double[] ys = Checks.uniform(rnd, 6, -0.5, 0.5);

  static ModelParams model(Random rnd, int hidden, int inputs) {
    return new ModelParams(Checks.uniform(rnd, hidden, inputs, -0.8, 0.8), Checks.uniform(rnd, hidden, -0.3, 0.3),
        Checks.uniform(rnd, hidden, -1, 1), 0.15);
  }

  /** The model with these parameters. */
  static ModelParams with(ModelParamsAdjoint.Params p) {
    return new ModelParams(p.w1(), p.b1(), p.w2(), p.b2());
  }

  /** f as a function of the model's flattened parameters. */
  private ToDoubleFunction<double[]> ofParams(java.util.function.ToDoubleFunction<ModelParams> f) {
    ModelParamsAdjoint.Params shape = ModelParamsAdjoint.Params.of(model);
    return theta -> f.applyAsDouble(with(shape.unflatten(theta)));
  }

  private double[] theta() {
    return ModelParamsAdjoint.Params.of(model).flatten();
  }

  @Test
  void gradientWithRespectToTheFieldsAndAnInput() {
    double[] x = xs[0];
    var g = ModelParamsAdjoint.predictGradient(model, x);
    assertEquals(List.of("value", "x", "self"), Checks.components(ModelParamsAdjoint.PredictGradient.class));
    assertEquals(model.predict(x), g.value(), 0.0);
    Checks.gradient(ofParams(m -> m.predict(x)), theta(), g.self().flatten());
    Checks.gradient(v -> model.predict(v), x, g.x());
  }

  @Test
  void lossThroughAnInlinedCallOnThis() {
    var g = ModelParamsAdjoint.lossGradient(model, xs, ys);
    assertEquals(List.of("value", "self"), Checks.components(ModelParamsAdjoint.LossGradient.class));
    assertEquals(model.loss(xs, ys), g.value(), 0.0);
    Checks.gradient(ofParams(m -> m.loss(xs, ys)), theta(), g.self().flatten());
    Checks.taylor(ofParams(m -> m.loss(xs, ys)), theta(), g.self().flatten(), 62);
    GradCheck.assertGradient(ofParams(m -> m.loss(xs, ys)), theta(), g.self().flatten(), 1e-6);
  }

  @Test
  void fieldsAndAParameterTogether() {
    double[] x = xs[1];
    var g = ModelParamsAdjoint.sensitivityGradient(model, x, 1.7);
    assertEquals(List.of("value", "x", "self"), Checks.components(ModelParamsAdjoint.SensitivityGradient.class));
    Checks.gradient(ofParams(m -> m.sensitivity(x, 1.7)), theta(), g.self().flatten());
    Checks.gradient(v -> model.sensitivity(v, 1.7), x, g.x());
  }

  @Test
  void recursiveCallPassesTheFieldsToItsPullback() {
    double[] x = xs[2];
    for (int depth : new int[] {0, 1, 3}) {
      var g = ModelParamsAdjoint.unrolledGradient(model, x, depth);
      assertEquals(model.unrolled(x, depth), g.value(), 0.0);
      Checks.gradient(ofParams(m -> m.unrolled(x, depth)), theta(), g.self().flatten());
    }
  }

  @Test
  void withoutThisTheFieldsStayConstants() {
    double[] x = xs[3];
    var g = ModelParamsAdjoint.inputGradient(model, x);
    assertEquals(List.of("value", "x"), Checks.components(ModelParamsAdjoint.InputGradient.class));
    Checks.gradient(v -> model.input(v), x, g.x());
  }

  @Test
  void anotherModelsFieldsAreConstants() {
    ModelParams teacher = model(new Random(7), 3, 4);
    double[] teacherTheta = ModelParamsAdjoint.Params.of(teacher).flatten();
    double[] x = xs[4];
    var g = ModelParamsAdjoint.distillGradient(model, teacher, x);
    Checks.gradient(ofParams(m -> m.distill(teacher, x)), theta(), g.self().flatten());
    assertArrayEquals(teacherTheta, ModelParamsAdjoint.Params.of(teacher).flatten(), 0.0);
  }

  @Test
  void flattenUnflattenAndCopyInto() {
    var p = ModelParamsAdjoint.Params.of(model);
    assertEquals(3 * 4 + 3 + 3 + 1, p.flatSize());
    double[] flat = p.flatten();
    assertEquals(p.w1()[1][2], flat[4 + 2]);
    assertEquals(p.b2(), flat[flat.length - 1]);
    var back = p.unflatten(flat);
    assertArrayEquals(flat, back.flatten(), 0.0);
    double[] doubled = flat.clone();
    for (int i = 0; i < doubled.length; i++) {
      doubled[i] *= 2;
    }
    double[] b1 = p.b1();
    p.unflatten(doubled).copyInto(model);
    var now = ModelParamsAdjoint.Params.of(model);
    assertSame(b1, now.b1(), "copyInto writes into the model's arrays");
    assertArrayEquals(doubled, now.flatten(), 0.0);
    assertThrows(IllegalArgumentException.class, () -> p.unflatten(new double[3]));
  }

  @Test
  void anOptimizerFitsTheFields() {
    ToDoubleFunction<ModelParams> loss = m -> m.loss(xs, ys);
    double before = loss.applyAsDouble(model);
    Result r = new Lbfgs().minimize((theta, gradOut) -> {
      ModelParamsAdjoint.Params.of(model).unflatten(theta).copyInto(model);
      var g = ModelParamsAdjoint.lossGradient(model, xs, ys);
      System.arraycopy(g.self().flatten(), 0, gradOut, 0, gradOut.length);
      return g.value();
    }, theta(), Options.defaults().withMaxIterations(40));
    assertTrue(r.objective() < 0.1 * before, "L-BFGS on the flattened fields: " + before + " -> " + r.objective());
  }
}
