package dev.adjoint.wave;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dot-product tests of the modelling operators on random inputs, in float32:
 * {@code |<Ax, y> - <x, A'y>| / max(...) <= 5e-4} (JUDI's bound). The adjoints are exact
 * transposes of the discretised operators, so the errors are at the level of float rounding
 * (about 1e-6); the tests print them.
 */
class OperatorDotProductTest {
  static final double BOUND = 5e-4;

  @ParameterizedTest
  @EnumSource(EngineVariant.class)
  void forwardModellingAndItsAdjoint2d(EngineVariant engine) {
    Model model = Fixtures.twoLayers2d(41, 33, 10);
    try (Propagator p = engine.open(model, Options.defaults())) {
      Modelling f = p.modelling(Fixtures.shot(model, 300));
      assertAdjoint("F 2D " + engine, f.forward(Fixtures.gaussian(f.waveletLength(), 1)),
          Fixtures.gaussian(f.dataLength(), 2), Fixtures.gaussian(f.waveletLength(), 1),
          f.adjoint(Fixtures.gaussian(f.dataLength(), 2)));
    }
  }

  @ParameterizedTest
  @EnumSource(EngineVariant.class)
  void bornModellingAndItsAdjoint2d(EngineVariant engine) {
    Model model = Fixtures.twoLayers2d(41, 33, 10);
    try (Propagator p = engine.open(model, Options.defaults())) {
      Modelling f = p.modelling(Fixtures.shot(model, 300));
      float[] q = Wavelets.ricker(300, 1, 0.015);
      float[] dm = Fixtures.gaussian(model.size(), 3);
      float[] dd = Fixtures.gaussian(f.dataLength(), 4);
      assertAdjoint("J 2D " + engine, f.born(q, dm), dd, dm, f.bornAdjoint(q, dd));
    }
  }

  @ParameterizedTest
  @EnumSource(EngineVariant.class)
  void forwardModellingAndItsAdjoint3d(EngineVariant engine) {
    Model model = Fixtures.twoLayers3d(15, 13, 12, 6);
    try (Propagator p = engine.open(model, Options.defaults().withSpaceOrder(4))) {
      Modelling f = p.modelling(Fixtures.shot(model, 150));
      float[] q = Fixtures.gaussian(f.waveletLength(), 5);
      float[] d = Fixtures.gaussian(f.dataLength(), 6);
      assertAdjoint("F 3D " + engine, f.forward(q), d, q, f.adjoint(d));
    }
  }

  @ParameterizedTest
  @EnumSource(EngineVariant.class)
  void bornModellingAndItsAdjoint3d(EngineVariant engine) {
    Model model = Fixtures.twoLayers3d(15, 13, 12, 6);
    try (Propagator p = engine.open(model, Options.defaults())) {
      Modelling f = p.modelling(Fixtures.shot(model, 150));
      float[] q = Wavelets.ricker(150, 1, 0.025);
      float[] dm = Fixtures.gaussian(model.size(), 7);
      float[] dd = Fixtures.gaussian(f.dataLength(), 8);
      assertAdjoint("J 3D " + engine, f.born(q, dm), dd, dm, f.bornAdjoint(q, dd));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4, 8})
  void everySpaceOrderIsAdjoint(int order) {
    Model model = Fixtures.twoLayers2d(37, 29, 8);
    try (Propagator p = EngineVariant.JAVA.open(model, Options.defaults().withSpaceOrder(order))) {
      Modelling f = p.modelling(Fixtures.shot(model, 250));
      float[] q = Fixtures.gaussian(f.waveletLength(), 9);
      float[] d = Fixtures.gaussian(f.dataLength(), 10);
      assertAdjoint("F order " + order, f.forward(q), d, q, f.adjoint(d));
    }
  }

  static void assertAdjoint(String what, float[] ax, float[] y, float[] x, float[] aty) {
    double err = Fixtures.adjointness(ax, y, x, aty);
    System.out.printf("dot test %-20s %.2e%n", what, err);
    assertTrue(err <= BOUND, what + ": dot-product test error " + err);
  }
}
