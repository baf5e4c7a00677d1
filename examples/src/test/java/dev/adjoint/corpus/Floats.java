package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/** Single precision: float scalars and float[] / float[][] parameters, locals and results. */
final class Floats {
  static final float DAMPING = 0.75f;

  private Floats() {}

  @Differentiable
  static float polynomial(float x, float y) {
    float r = 2f * x * x - x * y + DAMPING * y;
    r -= -x;
    r /= 1f + y * y;
    return r;
  }

  /** Math on floats: abs/max/min have float overloads; the rest go through double and back. */
  @Differentiable
  static float mathInFloat(float x, float y) {
    float a = Math.abs(x) + Math.max(x, y) * Math.min(x, y);
    float b = (float) Math.sin(x) * (float) Math.exp(y);
    return a + b + (float) Math.sqrt(x * x + y * y);
  }

  /** Math.fma's float overload: a float result, float partials. */
  @Differentiable
  static float fusedInFloat(float x, float y) {
    float p = Math.fma(x, y, DAMPING);
    return Math.fma(p, x, y * y);
  }

  /** Widening float to double and narrowing the result back. */
  @Differentiable
  static double mixedPrecision(float x, double y, float[] w) {
    double s = y;
    for (int i = 0; i < w.length; i++) {
      s += (double) w[i] * x + Math.tanh(w[i] * y);
    }
    return s * x;
  }

  @Differentiable
  static float dot(float[] a, float[] b) {
    float s = 0f;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** A float loop with ++, *=, a ternary and an early return. */
  @Differentiable
  static float damped(float x, int n) {
    float v = x;
    for (int i = 0; i < n; i++) {
      v *= DAMPING;
      v += i % 2 == 0 ? 0.1f * x : -0.05f * v * v;
      if (v < 0.2f) {
        return v;
      }
    }
    v++;
    return v;
  }

  /** Returns a float[]: the elementwise softplus of a scaled vector. */
  @Differentiable
  static float[] softplus(float[] a, float beta) {
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (float) Math.log1p(Math.exp(beta * a[i])) / beta;
    }
    return out;
  }

  /** A float[][] parameter and local, reduced in float. */
  @Differentiable
  static float matrixEnergy(float[][] m, float[] v) {
    float[][] p = new float[m.length][v.length];
    float e = 0f;
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < v.length; j++) {
        p[i][j] = m[i][j] * v[j];
        e += p[i][j] * p[i][j];
      }
    }
    return e;
  }

  /** Returns a float[][]: the outer product of two vectors. */
  @Differentiable
  static float[][] outer(float[] u, float[] v) {
    float[][] o = new float[u.length][v.length];
    for (int i = 0; i < u.length; i++) {
      for (int j = 0; j < v.length; j++) {
        o[i][j] = u[i] * v[j];
      }
    }
    return o;
  }
}
