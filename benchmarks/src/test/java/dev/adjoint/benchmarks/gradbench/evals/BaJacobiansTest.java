package dev.adjoint.benchmarks.gradbench.evals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** ba's jacobian in forward mode (one vector tangent per observation) against reverse mode (two pullbacks). */
class BaJacobiansTest {
  @Test
  void theVectorTangentGivesTheReverseModeJacobian() {
    BaEval.Input in = BaEval.replicate(3, 5, 17,
        new double[] {-0.758453, -1.109613, -0.845551, 34.556073, 39.676747, 53.881673, 419.194514, 5.864426,
            -8.51887, 0.087812, 0.002739},
        new double[] {7.203245, 0.001144, 3.023326}, 0.417022, new double[] {271.760969, 834.209256});
    BaEval.SparseMatrix reverse = BaEval.jacobian(in);
    BaEval.SparseMatrix forward = BaEval.jacobianByTangents(in, BaEval.SparseMatrix.allocate(in));
    assertArrayEquals(reverse.rows(), forward.rows());
    assertArrayEquals(reverse.cols(), forward.cols());
    double[] r = reverse.vals();
    double[] f = forward.vals();
    assertEquals(r.length, f.length);
    for (int e = 0; e < r.length; e++) {
      assertEquals(r[e], f[e], 1e-12 * Math.max(1, Math.abs(r[e])), "entry " + e);
    }
  }
}
