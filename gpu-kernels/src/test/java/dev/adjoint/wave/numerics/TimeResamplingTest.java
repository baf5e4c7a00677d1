package dev.adjoint.wave.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.wave.Fixtures;
import dev.adjoint.wave.numerics.TimeResampling.Layout;
import org.junit.jupiter.api.Test;

class TimeResamplingTest {
  @Test
  void coincidingAxesGiveTheIdentity() {
    TimeAxis axis = new TimeAxis(1.0, 101);
    float[] x = Fixtures.gaussian(3 * 101, 1);
    assertArrayEquals(x, new TimeResampling(axis, Layout.TRACE_MAJOR, axis, Layout.TRACE_MAJOR).apply(x, 3));
  }

  @Test
  void relayoutWithoutResamplingTransposes() {
    TimeAxis axis = new TimeAxis(2.0, 5);
    float[] x = Fixtures.gaussian(2 * 5, 2);
    float[] y = new TimeResampling(axis, Layout.TRACE_MAJOR, axis, Layout.TIME_MAJOR).apply(x, 2);
    for (int k = 0; k < 2; k++) {
      for (int t = 0; t < 5; t++) {
        assertEquals(x[k * 5 + t], y[t * 2 + k]);
      }
    }
  }

  @Test
  void adjointPassesTheDotProductTest() {
    TimeAxis user = new TimeAxis(1.0, 1001);
    TimeAxis computational = TimeAxis.covering(1000, 1.3);
    for (Layout in : Layout.values()) {
      for (Layout out : Layout.values()) {
        TimeResampling r = new TimeResampling(user, in, computational, out);
        float[] x = Fixtures.gaussian(4 * user.count(), 3);
        float[] y = Fixtures.gaussian(4 * computational.count(), 4);
        double lhs = Fixtures.dot(r.apply(x, 4), y);
        double rhs = Fixtures.dot(x, r.adjoint(y, 4));
        assertEquals(lhs, rhs, 1e-6 * Math.abs(lhs), in + " -> " + out);
      }
    }
  }

  @Test
  void cubicResamplingOfASmoothSignalIsAccurate() {
    TimeAxis from = new TimeAxis(1.0, 1001);
    TimeAxis to = TimeAxis.covering(1000, 1.04);
    float[] x = new float[from.count()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.sin(2 * Math.PI * 0.01 * i * from.step());
    }
    float[] y = new TimeResampling(from, Layout.TRACE_MAJOR, to, Layout.TRACE_MAJOR).apply(x, 1);
    double worst = 0;
    for (int j = 0; j < y.length; j++) {
      worst = Math.max(worst, Math.abs(y[j] - Math.sin(2 * Math.PI * 0.01 * j * to.step())));
    }
    assertTrue(worst < 1e-4, "10 Hz sine resampled from 1 ms: error " + worst);
  }

  @Test
  void coveringAxisEndsWhereTheRecordingDoes() {
    TimeAxis a = TimeAxis.covering(1000, 1.04);
    assertEquals(1000, a.end(), 1e-9);
    assertTrue(a.step() <= 1.04);
    assertEquals(963, a.count());
  }

  @Test
  void wrongLengthsAreRejected() {
    TimeAxis axis = new TimeAxis(1.0, 10);
    TimeResampling r = new TimeResampling(axis, Layout.TRACE_MAJOR, axis, Layout.TIME_MAJOR);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.apply(new float[19], 2));
    assertTrue(e.getMessage().contains("19") && e.getMessage().contains("20"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TimeAxis(0, 10));
    assertThrows(IllegalArgumentException.class, () -> new TimeAxis(1, 1));
  }

}
