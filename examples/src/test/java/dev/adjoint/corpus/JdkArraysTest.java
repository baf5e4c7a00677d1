package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JdkArraysTest {
  private final Random rnd = new Random(1909);

  @Test
  void arraycopyBetweenArraysAndOverlappingRangesOfOne() {
    double[] x = Checks.uniform(rnd, 5, -1, 1);
    double s = 0.8;
    var g = JdkArraysAdjoint.copiesGradient(x, s);
    assertEquals(JdkArrays.copies(x, s), g.value());
    Checks.gradient(v -> {
      var r = Flat.read(v);
      return JdkArrays.copies(r.vec(5), r.scalar());
    }, Flat.of(x, s), Flat.of(g.x(), g.s()));
    Checks.taylor(v -> {
      var r = Flat.read(v);
      return JdkArrays.copies(r.vec(5), r.scalar());
    }, Flat.of(x, s), Flat.of(g.x(), g.s()), 5);
  }

  @Test
  void fillAndResizingCopies() {
    double[] x = Checks.uniform(rnd, 4, -1, 1);
    double v = 0.6;
    var g = JdkArraysAdjoint.fillsAndResizesGradient(x, v);
    assertEquals(JdkArrays.fillsAndResizes(x, v), g.value());
    Checks.gradient(w -> {
      var r = Flat.read(w);
      return JdkArrays.fillsAndResizes(r.vec(4), r.scalar());
    }, Flat.of(x, v), Flat.of(g.x(), g.v()));
    // x[1] and x[2] are overwritten by the fill: they do not reach the result
    assertEquals(0.0, g.x()[1]);
    assertEquals(0.0, g.x()[2]);
  }

  @Test
  void copyIntoAParameterLeavesItAsFoundForTheGradient() {
    double[] x = Checks.uniform(rnd, 4, -1, 1);
    double[] y = Checks.uniform(rnd, 3, -1, 1);
    double[] y0 = y.clone();
    var g = JdkArraysAdjoint.copyIntoParameterGradient(x, y);
    assertArrayEquals(y0, y, "the gradient leaves y as it found it");
    Checks.gradient(w -> {
      var r = Flat.read(w);
      return JdkArrays.copyIntoParameter(r.vec(4), r.vec(3));
    }, Flat.of(x, y), Flat.of(g.x(), g.y()));
    assertEquals(0.0, g.y()[0], "y[0] and y[1] are overwritten before they are read");
  }

  @Test
  void floatArrays() {
    float[] x = {0.3f, -0.7f, 0.9f, 0.2f};
    float s = 1.3f;
    var g = JdkArraysAdjoint.inFloatGradient(x, s);
    assertEquals(JdkArrays.inFloat(x, s), g.value());
    // a = [s, x0, x1, x2]: d/dx_j = 2 x_j (j + 2) for j < 3, d/dx3 = 0, d/ds = 2 s
    assertArrayEquals(new float[] {2 * x[0] * 2, 2 * x[1] * 3, 2 * x[2] * 4, 0f}, g.x(), 1e-5f);
    assertEquals(2 * s, g.s(), 1e-5f);
  }
}
