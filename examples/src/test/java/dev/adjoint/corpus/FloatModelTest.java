package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FloatModelTest {
  @Test
  void floatFieldsGetFloatAdjoints() {
    FloatModel model = new FloatModel();
    float[] v = {0.4f, -0.7f};
    var g = FloatModelAdjoint.energyGradient(model, v);
    assertEquals(model.energy(v), g.value(), 0f);
    var shape = FloatModelAdjoint.Params.of(model);
    double[] theta = shape.flatten();
    assertEquals(5, theta.length);
    Checks.gradient(t -> {
      FloatModel m = new FloatModel();
      shape.unflatten(Checks.toDouble(t)).copyInto(m);
      return m.energy(v);
    }, Checks.toFloat(theta), Checks.toFloat(g.self().flatten()));
    Checks.gradient(x -> model.energy(x), v, g.v());
  }
}
