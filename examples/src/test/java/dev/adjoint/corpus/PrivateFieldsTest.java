package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PrivateFieldsTest {
  private final Random rnd = new Random(6106);

  @Test
  void privateInstanceStaticAndNestedFields() {
    PrivateFields model = new PrivateFields(new double[] {0.4, -0.7, 1.1, 0.3}, 1.5f, 0.2, -0.1);
    double[] x = Checks.uniform(rnd, 4, -1, 1);
    var g = PrivateFieldsAdjoint.scoreGradient(model, x);
    assertEquals(model.score(x), g.value(), 0.0);
    Checks.gradient(v -> model.score(v), x, g.x());
    Checks.taylor(v -> model.score(v), x, g.x(), 61);
  }

  @Test
  void fieldsAreReadWhenTheMethodRunsNotWhenTheHandleIsMade() {
    PrivateFields model = new PrivateFields(new double[] {0.4, -0.7}, 1f, 0.2, 0.0);
    double[] x = {0.3, -0.4};
    double before = PrivateFieldsAdjoint.twiceGradient(model, x).x()[0];
    model.setBias(1.3);
    PrivateFields.setScale(3);
    try {
      var g = PrivateFieldsAdjoint.twiceGradient(model, x);
      assertEquals(model.twice(x), g.value(), 0.0);
      Checks.gradient(v -> model.twice(v), x, g.x());
      assertEquals(false, before == g.x()[0], "the new bias and scale change the gradient");
    } finally {
      PrivateFields.setScale(2);
    }
  }

  @Test
  void staticMethodReadsPrivateStaticFields() {
    var g = PrivateFieldsAdjoint.scaledGradient(0.7);
    assertEquals(PrivateFields.scaled(0.7), g.value(), 0.0);
    assertEquals(2 * 2 * 0.7 * 2.0, g.x(), 1e-15);
  }
}
