package dev.adjoint.runtime;

import dev.adjoint.runtime.linalg.Vectors;
import java.util.Random;

/** Inputs and objectives that several runtime tests share. */
public final class Fixtures {
  private Fixtures() {}

  /** n standard normal entries, the same for the same seed. */
  public static double[] gaussian(int n, long seed) {
    return Vectors.gaussian(n, new Random(seed));
  }

  /**
   * The objective of the Zygote post on differentiating a Poisson solve: the spread of the
   * potential about its mean, {@code sum (phi_i - mean phi)^2}.
   */
  public static double spread(double[] phi) {
    double mean = mean(phi);
    double sum = 0;
    for (double v : phi) {
      sum += (v - mean) * (v - mean);
    }
    return sum;
  }

  /** The gradient of {@link #spread}: {@code 2 (phi_i - mean phi)}; the mean's own term sums to zero. */
  public static double[] spreadGradient(double[] phi) {
    double mean = mean(phi);
    double[] bar = new double[phi.length];
    for (int i = 0; i < phi.length; i++) {
      bar[i] = 2 * (phi[i] - mean);
    }
    return bar;
  }

  private static double mean(double[] phi) {
    double mean = 0;
    for (double v : phi) {
      mean += v / phi.length;
    }
    return mean;
  }
}
