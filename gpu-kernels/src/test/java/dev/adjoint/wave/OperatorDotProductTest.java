package dev.adjoint.wave;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dot-product tests of the modelling operators on random inputs, in float32:
 * {@code |<Ax, y> - <x, A'y>| / max(...) <= 5e-4} (JUDI's bound). The adjoints are exact
 * transposes of the discretised operators, so the errors are at the level of float rounding.
 */
class OperatorDotProductTest {
  static final double BOUND = 5e-4;

  @ParameterizedTest
  @EnumSource(value = Device.class, names = {"JAVA", "OPENCL"})
  void forwardAndAdjointAreAdjoint2d(Device device) {
    Model model = Fixtures.twoLayers2d(41, 33, 10);
    try (Propagator p = Propagator.open(model, Options.defaults().withDevice(device))) {
      Modelling f = p.modelling(Fixtures.shot(model, 300));
      float[] q = Fixtures.gaussian(f.waveletLength(), 1);
      float[] d = Fixtures.gaussian(f.dataLength(), 2);
      double err = Fixtures.adjointness(f.forward(q), d, q, f.adjoint(d));
      System.out.printf("F 2D %s: %.2e%n", device, err);
      assertTrue(err < BOUND, "F dot test " + err);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Device.class, names = {"JAVA", "OPENCL"})
  void bornAndItsAdjointAreAdjoint2d(Device device) {
    Model model = Fixtures.twoLayers2d(41, 33, 10);
    try (Propagator p = Propagator.open(model, Options.defaults().withDevice(device))) {
      Modelling f = p.modelling(Fixtures.shot(model, 300));
      float[] q = org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> Wavelets.ricker(300, 1, 0.015));
      float[] dm = Fixtures.gaussian(model.size(), 3);
      float[] dd = Fixtures.gaussian(f.dataLength(), 4);
      double err = Fixtures.adjointness(f.born(q, dm), dd, dm, f.bornAdjoint(q, dd));
      System.out.printf("J 2D %s: %.2e%n", device, err);
      assertTrue(err < BOUND, "J dot test " + err);
    }
  }
}
