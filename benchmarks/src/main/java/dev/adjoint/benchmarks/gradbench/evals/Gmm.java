package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.annotations.Differentiable;

/**
 * GradBench's {@code gmm} eval: the negative log-likelihood of a Gaussian mixture model with a
 * Wishart prior on the inverse covariances, as in ADBench. Each component {@code ik} has a weight
 * {@code alpha[ik]}, a mean {@code mu[ik]} and an inverse covariance factor given by the log of its
 * diagonal, {@code q[ik]}, and its strictly lower triangle, {@code l[ik]}, stored column by column.
 */
public final class Gmm {
  private Gmm() {}

  @Differentiable(wrt = {"alpha", "mu", "q", "l"})
  public static double objective(
      double[] alpha, double[][] mu, double[][] q, double[][] l, double[][] x, double gamma, int m) {
    int k = alpha.length;
    int n = x.length;
    int d = x[0].length;

    double[][] qdiags = new double[k][d];
    double[] sumQs = new double[k];
    for (int ik = 0; ik < k; ik++) {
      for (int j = 0; j < d; j++) {
        qdiags[ik][j] = Math.exp(q[ik][j]);
        sumQs[ik] += q[ik][j];
      }
    }

    double[] xcentered = new double[d];
    double[] qxcentered = new double[d];
    double[] mainTerm = new double[k];
    double slse = 0;
    for (int ix = 0; ix < n; ix++) {
      for (int ik = 0; ik < k; ik++) {
        for (int j = 0; j < d; j++) {
          xcentered[j] = x[ix][j] - mu[ik][j];
        }
        qTimesX(qdiags[ik], l[ik], xcentered, qxcentered);
        mainTerm[ik] = alpha[ik] + sumQs[ik] - 0.5 * sqnorm(qxcentered);
      }
      slse += Lse.logsumexp(mainTerm);
    }

    double err = gaussianConstant(n, d) + slse - n * Lse.logsumexp(alpha);
    return err + logWishartPrior(qdiags, sumQs, l, gamma, m);
  }

  /** {@code out = Q x} for the lower-triangular Q with diagonal {@code qdiag} below which is {@code ltri}. */
  @Differentiable
  static void qTimesX(double[] qdiag, double[] ltri, double[] x, double[] out) {
    int d = x.length;
    for (int i = 0; i < d; i++) {
      out[i] = qdiag[i] * x[i];
    }
    int lIndex = 0;
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        out[j] += ltri[lIndex] * x[i];
        lIndex++;
      }
    }
  }

  @Differentiable
  static double sqnorm(double[] x) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += x[i] * x[i];
    }
    return sum;
  }

  @Differentiable(wrt = {"qdiags", "sumQs", "l"})
  static double logWishartPrior(double[][] qdiags, double[] sumQs, double[][] l, double gamma, int m) {
    int k = qdiags.length;
    int d = qdiags[0].length;
    int n = d + m + 1;
    double c = n * d * (Math.log(gamma) - 0.5 * Math.log(2)) - logMultivariateGamma(n, d);
    double out = 0;
    for (int ik = 0; ik < k; ik++) {
      double frobenius = sqnorm(qdiags[ik]) + sqnorm(l[ik]);
      out += 0.5 * gamma * gamma * frobenius - m * sumQs[ik];
    }
    return -out + k * c;
  }

  /** The Gaussian normalisation, {@code -n d / 2 log(2 pi)}. */
  static double gaussianConstant(int n, int d) {
    return -n * d * 0.5 * Math.log(2 * Math.PI);
  }

  /** {@code log Gamma_p(n / 2)}, the log of the multivariate gamma function at a half-integer. */
  static double logMultivariateGamma(int n, int p) {
    double out = 0.25 * p * (p - 1) * Math.log(Math.PI);
    for (int j = 1; j <= p; j++) {
      out += logGammaOfHalf(n + 1 - j);
    }
    return out;
  }

  /** {@code log Gamma(t / 2)} for a positive integer t, exactly by the recurrence Gamma(x+1) = x Gamma(x). */
  static double logGammaOfHalf(int t) {
    double x = t % 2 == 0 ? 1 : 0.5;
    double out = t % 2 == 0 ? 0 : 0.5 * Math.log(Math.PI);
    for (; x < 0.5 * t; x++) {
      out += Math.log(x);
    }
    return out;
  }
}
