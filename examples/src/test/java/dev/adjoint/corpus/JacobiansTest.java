package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The generated dense Jacobians, in both modes: a tall one (two inputs, many outputs: forward) and
 * a wide one (many inputs, three outputs: reverse), against central differences, with the
 * arguments left as they were.
 */
class JacobiansTest {
  @Test
  void aTallJacobianByColumns() {
    double t = 0.7;
    double s = -0.4;
    int m = 9;
    double[][] j = JacobiansAdjoint.curveJacobian(t, s, m);
    assertEquals(m, j.length);
    double h = 1e-6;
    for (int i = 0; i < m; i++) {
      double dt = (Jacobians.curve(t + h, s, m)[i] - Jacobians.curve(t - h, s, m)[i]) / (2 * h);
      double ds = (Jacobians.curve(t, s + h, m)[i] - Jacobians.curve(t, s - h, m)[i]) / (2 * h);
      assertArrayEquals(new double[] {dt, ds}, j[i], 1e-8, "row " + i);
    }
  }

  /** An array input in forward mode: one direction per entry in one vector sweep. */
  @Test
  void aTallJacobianOfAnArrayByOneVectorSweep() {
    double[] x = Checks.uniform(new java.util.Random(5), 4, -1, 1);
    double[] before = x.clone();
    double c = 0.6;
    double[][] j = JacobiansAdjoint.pairsJacobian(x, c);
    assertArrayEquals(before, x, 0.0, "x unchanged although pairs writes into it");
    assertEquals(2 * x.length + 1, j.length);
    double h = 1e-6;
    for (int k = 0; k <= x.length; k++) {
      double[] xp = x.clone();
      double[] xm = x.clone();
      double cp = k < x.length ? c : c + h;
      double cm = k < x.length ? c : c - h;
      if (k < x.length) {
        xp[k] += h;
        xm[k] -= h;
      }
      double[] yp = Jacobians.pairs(xp, cp);
      double[] ym = Jacobians.pairs(xm, cm);
      for (int i = 0; i < j.length; i++) {
        assertEquals((yp[i] - ym[i]) / (2 * h), j[i][k], 1e-7, "d output " + i + " / d input " + k);
      }
    }
  }

  @Test
  void aWideJacobianByRowsLeavesItsArgumentsAlone() {
    double[] x = Checks.uniform(new java.util.Random(3), 7, -1, 1);
    double[] before = x.clone();
    double c = 1.3;
    double[][] j = JacobiansAdjoint.momentsJacobian(x, c);
    assertArrayEquals(before, x, 0.0, "x unchanged although moments scales it in place");
    assertEquals(3, j.length);
    double h = 1e-6;
    for (int k = 0; k <= x.length; k++) {
      double[] xp = x.clone();
      double[] xm = x.clone();
      double cp = c;
      double cm = c;
      if (k < x.length) {
        xp[k] += h;
        xm[k] -= h;
      } else {
        cp += h;
        cm -= h;
      }
      double[] yp = Jacobians.moments(xp, cp);
      double[] ym = Jacobians.moments(xm, cm);
      for (int i = 0; i < 3; i++) {
        assertEquals((yp[i] - ym[i]) / (2 * h), j[i][k], 1e-7, "d output " + i + " / d input " + k);
      }
    }
  }
}
