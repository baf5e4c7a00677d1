package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/** A float model differentiated with respect to its fields: a 2-D kernel and a gain, in float. */
final class FloatModel {
  private final float[][] kernel = {{0.5f, -0.25f}, {0.75f, 0.1f}};
  private float gain = 1.5f;

  @Differentiable(wrt = {"this", "v"})
  float energy(float[] v) {
    float e = 0;
    for (int i = 0; i < kernel.length; i++) {
      float s = 0;
      for (int j = 0; j < v.length; j++) {
        s += kernel[i][j] * v[j];
      }
      e += gain * s * s;
    }
    return e;
  }
}
