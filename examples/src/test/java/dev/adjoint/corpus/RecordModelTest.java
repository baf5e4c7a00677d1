package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecordModelTest {
  private final RecordModel model = new RecordModel(new double[] {0.4, -0.6, 0.2}, 0.15);
  private final double[] x = {0.5, -0.3, 0.8};

  @Test
  void componentsReadByNameAndByAccessorGetAdjoints() {
    var g = RecordModelAdjoint.predictGradient(model, x);
    assertEquals(model.predict(x), g.value(), 0.0);
    var shape = RecordModelAdjoint.Params.of(model);
    Checks.gradient(t -> {
      var p = shape.unflatten(t);
      return new RecordModel(p.w(), p.b()).predict(x);
    }, shape.flatten(), g.self().flatten());
    Checks.gradient(v -> model.predict(v), x, g.x());
  }

  @Test
  void accessorsOfAnotherRecordAreConstants() {
    var g = RecordModelAdjoint.shiftedGradient(model, x);
    assertEquals(RecordModel.shifted(model, x), g.value(), 0.0);
    Checks.gradient(v -> RecordModel.shifted(model, v), x, g.x());
  }
}
