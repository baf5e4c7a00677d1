package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/**
 * Running minima and maxima. Where the loop only computes its challenger from trip locals, the
 * reverse sweep takes the whole adjoint through the last trip whose challenger won; where the body
 * needs records of its own, it is reversed trip by trip. Both must give the same gradients.
 */
final class RunningExtrema {
  private RunningExtrema() {}

  /** The running value first, as {@code Math.max} breaks ties: the earlier of equal entries wins. */
  @Differentiable
  static double largestSquared(double[] x, double w) {
    double m = x[0] * w;
    for (int i = 1; i < x.length; i++) {
      m = Math.max(m, x[i] * w);
    }
    return m * m;
  }

  /** The challenger first: of equal entries, the later one wins. */
  @Differentiable
  static double largestSquaredChallengerFirst(double[] x, double w) {
    double m = x[0] * w;
    for (int i = 1; i < x.length; i++) {
      m = Math.max(x[i] * w, m);
    }
    return m * m;
  }

  /** A minimum over a loop counting down, from a start value that may win throughout. */
  @Differentiable
  static double smallestCountingDown(double[] x, double start) {
    double m = start;
    for (int i = x.length - 1; i >= 0; i--) {
      m = Math.min(m, Math.sin(x[i]) + x[i] * x[i]);
    }
    return 3 * m;
  }

  /** A long loop index, and a start value that no differentiable input reaches. */
  @Differentiable
  static double smallestLongIndex(double[] x) {
    double m = 1e300;
    for (long i = 2; i < x.length; i++) {
      m = Math.min(m, x[(int) i] * x[(int) i - 1]);
    }
    return m;
  }

  /** Per row, a log-sum-exp whose running max sits inside the row loop, as in a softmax layer. */
  @Differentiable
  static double rowLogSumExps(double[][] a) {
    double total = 0;
    for (int r = 0; r < a.length; r++) {
      double max = a[r][0];
      for (int c = 1; c < a[r].length; c++) {
        max = Math.max(max, a[r][c]);
      }
      double sum = 0;
      for (int c = 0; c < a[r].length; c++) {
        sum += Math.exp(a[r][c] - max);
      }
      total += Math.log(sum) + max;
    }
    return total;
  }

  /** The challenger from an inner loop over trip locals, in float: the nearest centre's distance. */
  @Differentiable
  static float nearestDistance(float[] p, float[][] centres) {
    float best = Float.MAX_VALUE;
    for (int j = 0; j < centres.length; j++) {
      float d = 0;
      for (int k = 0; k < p.length; k++) {
        float diff = p[k] - centres[j][k];
        d += diff * diff;
      }
      best = Math.min(best, d);
    }
    return best;
  }

  /** A trip local overwritten in the body: its reverse needs the old value, so trip by trip. */
  @Differentiable
  static double largestSquareOverwritten(double[] x) {
    double m = 0;
    for (int i = 0; i < x.length; i++) {
      double t = x[i];
      t = t * t;
      m = Math.max(m, t);
    }
    return m;
  }

  /** A challenger whose exp is recorded for the reverse: trip by trip as well. */
  @Differentiable
  static double largestExp(double[] x) {
    double m = 0;
    for (int i = 0; i < x.length; i++) {
      m = Math.max(m, Math.exp(x[i]));
    }
    return m;
  }
}
