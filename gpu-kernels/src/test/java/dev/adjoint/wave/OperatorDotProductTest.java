package dev.adjoint.wave;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dot-product tests of the modelling operators on random inputs, in float32:
 * {@code |<Ax, y> - <x, A'y>| / max(...)}, which JUDI bounds by 5e-4. The adjoints here are exact
 * transposes of the discretised operators, so the errors are float rounding (up to about 3e-6 on
 * these grids) and the bound is 2e-5: an error in a boundary time sample or in the absorbing layer
 * would show; the tests print the errors.
 */
class OperatorDotProductTest {
  static final double BOUND = 2e-5;

  static Stream<Arguments> enginesAndDimensions() {
    return Stream.of(EngineVariant.values()).flatMap(e -> Stream.of(Arguments.of(e, 2), Arguments.of(e, 3)));
  }

  @ParameterizedTest
  @MethodSource("enginesAndDimensions")
  void forwardModellingAndItsAdjoint(EngineVariant engine, int dims) {
    Model model = model(dims);
    try (Propagator p = engine.open(model, Options.defaults().withSpaceOrder(dims == 3 ? 4 : 8))) {
      Modelling f = p.modelling(Fixtures.shot(model, duration(dims)));
      float[] q = Fixtures.gaussian(f.waveletLength(), 1);
      float[] d = Fixtures.gaussian(f.dataLength(), 2);
      assertAdjoint("F " + dims + "D " + engine, f.forward(q), d, q, f.adjoint(d));
    }
  }

  @ParameterizedTest
  @MethodSource("enginesAndDimensions")
  void bornModellingAndItsAdjoint(EngineVariant engine, int dims) {
    Model model = model(dims);
    try (Propagator p = engine.open(model, Options.defaults())) {
      Modelling f = p.modelling(Fixtures.shot(model, duration(dims)));
      float[] q = Wavelets.ricker(duration(dims), 1, dims == 3 ? 0.025 : 0.015);
      float[] dm = Fixtures.gaussian(model.size(), 3);
      float[] dd = Fixtures.gaussian(f.dataLength(), 4);
      assertAdjoint("J " + dims + "D " + engine, f.born(q, dm), dd, dm, f.bornAdjoint(q, dd));
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

  private static Model model(int dims) {
    return dims == 3 ? Fixtures.twoLayers3d(15, 13, 12, 6) : Fixtures.twoLayers2d(41, 33, 10);
  }

  private static double duration(int dims) {
    return dims == 3 ? 150 : 300;
  }

  static void assertAdjoint(String what, float[] ax, float[] y, float[] x, float[] aty) {
    double err = Fixtures.adjointness(ax, y, x, aty);
    System.out.printf("dot test %-20s %.2e%n", what, err);
    assertTrue(err <= BOUND, what + ": dot-product test error " + err);
  }
}
