package dev.adjoint.examples.wave;

import dev.adjoint.annotations.Differentiable;
import dev.adjoint.wave.Modelling;
import dev.adjoint.wave.Wave;

/**
 * The JUDI tutorial's network with the Born operator as its middle layer,
 * {@code W3 (J (W1 x + b1) + b2) + b3}, and Flux's mean squared error against {@code y}. Weights
 * are flat row-major matrices: {@code w1[i * nIn + j]} is {@code W1[i, j]}. The processor
 * differentiates it with respect to everything but the wavelet, through the Born rules.
 */
final class BornNetworkLoss {
  private BornNetworkLoss() {}

  @Differentiable(wrt = {"x", "y", "w1", "b1", "b2", "w3", "b3"})
  static float loss(Modelling j, float[] q, float[] x, float[] y, float[] w1, float[] b1, float[] b2, float[] w3,
      float[] b3) {
    int nIn = x.length;
    int model = b1.length;
    float[] dm = new float[model];
    for (int i = 0; i < model; i++) {
      float s = b1[i];
      for (int k = 0; k < nIn; k++) {
        s += w1[i * nIn + k] * x[k];
      }
      dm[i] = s;
    }
    float[] d = Wave.born(j, q, dm);
    int samples = d.length;
    int nOut = b3.length;
    float loss = 0;
    for (int o = 0; o < nOut; o++) {
      float s = b3[o];
      for (int i = 0; i < samples; i++) {
        s += w3[o * samples + i] * (d[i] + b2[i]);
      }
      float r = s - y[o];
      loss += r * r;
    }
    return loss / nOut;
  }
}
