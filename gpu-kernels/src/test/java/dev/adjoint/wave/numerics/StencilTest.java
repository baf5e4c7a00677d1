package dev.adjoint.wave.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StencilTest {
  @ParameterizedTest
  @ValueSource(ints = {2, 4, 8})
  void secondDerivativeIsExactForPolynomialsUpToItsOrderPlusOne(int order) {
    Stencil s = Stencil.ofOrder(order);
    assertEquals(order / 2, s.radius());
    double h = 0.1;
    for (int degree = 0; degree <= order + 1; degree++) {
      double x = 0.37;
      double approx = s.coefficient(0) * Math.pow(x, degree);
      for (int k = 1; k <= s.radius(); k++) {
        approx += s.coefficient(k) * (Math.pow(x - k * h, degree) + Math.pow(x + k * h, degree));
      }
      approx /= h * h;
      double exact = degree < 2 ? 0 : degree * (degree - 1) * Math.pow(x, degree - 2);
      assertEquals(exact, approx, 1e-8 * Math.max(1, Math.abs(exact)), "order " + order + ", degree " + degree);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4, 8})
  void nyquistSymbolIsTheLargestEigenvalue(int order) {
    Stencil s = Stencil.ofOrder(order);
    double max = 0;
    for (int i = 0; i <= 1000; i++) {
      double theta = Math.PI * i / 1000;
      double symbol = -s.coefficient(0);
      for (int k = 1; k <= s.radius(); k++) {
        symbol -= 2 * s.coefficient(k) * Math.cos(k * theta);
      }
      max = Math.max(max, symbol);
    }
    assertEquals(max, s.nyquistSymbol(), 1e-12);
    assertTrue(s.stabilityLimit(new double[] {10, 10}, 4) > 0);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 6, 10})
  void otherOrdersAreRejected(int order) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stencil.ofOrder(order));
    assertTrue(e.getMessage().contains("[2, 4, 8]"), e.getMessage());
  }
}
