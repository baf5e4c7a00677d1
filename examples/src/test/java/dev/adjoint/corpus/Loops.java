package dev.adjoint.corpus;

import dev.adjoint.annotations.Differentiable;

/** Loops of every kind, with data-dependent trip counts, break, continue and early return. */
final class Loops {
  static final int TERMS = 20;
  static final double GROWTH = 1.1;

  private Loops() {}

  /** sum_{i<n} x^(i+1) / (i+1): a counted for loop carrying a product. */
  /** Integer counters stepped inside expressions: a[i++] = v, while (k-- > 0), do ... while (++m < n). */
  @Differentiable
  static double counters(double[] x) {
    double[] a = new double[x.length];
    int i = 0;
    for (int j = 0; j < x.length; j++) {
      a[i++] = x[j] * x[j];
    }
    double s = 0;
    int k = a.length;
    while (k-- > 0) {
      s += a[k] * (k + 1);
    }
    int m = 0;
    do {
      s += Math.sin(x[m]);
    } while (++m < x.length);
    int p = 0;
    double t = x[p++] + 2 * x[1];
    return s + t * p;
  }

  @Differentiable
  static double powerSeries(double x, int n) {
    double p = 1;
    double s = 0;
    for (int i = 0; i < n; i++) {
      p *= x;
      s += p / (i + 1);
    }
    return s;
  }

  /** Heron's iteration for sqrt(a) in a do/while with a fixed count. */
  @Differentiable
  static double heron(double a) {
    double x = a;
    int k = 0;
    do {
      x = 0.5 * (x + a / x);
      k++;
    } while (k < 8);
    return x;
  }

  /** The trip count depends on the active value itself (locally constant away from powers of two). */
  @Differentiable
  static double halvings(double x) {
    int count = 0;
    while (x > 1) {
      x /= 2;
      count++;
    }
    return x * count + x * x;
  }

  /** Returns from inside the loop once the iterate passes a threshold. */
  @Differentiable
  static double escapeTime(double x, double c, int maxIterations) {
    for (int i = 0; i < maxIterations; i++) {
      x = x * GROWTH + c * Math.sin(x);
      if (x > 10) {
        return x * i;
      }
    }
    return -x;
  }

  /** continue skips every third term; break stops once the sum exceeds the limit. */
  @Differentiable
  static double breakContinue(double x, int n, double limit) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      if (i % 3 == 0) {
        continue;
      }
      s += Math.cos(x * i) + x;
      if (s > limit) {
        break;
      }
    }
    return s * x;
  }

  /** A triangular nest: the inner trip count is the outer index, counted down with --. */
  @Differentiable
  static double triangular(double x, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      double t = x;
      for (int j = i; j > 0; j--) {
        t = t * x / (j + 1) + Math.sin(t);
      }
      s += t;
    }
    return s;
  }

  /** The exponential series, in a do/while. */
  @Differentiable
  static double expSeries(double x) {
    double term = 1;
    double sum = 0;
    int k = 0;
    do {
      sum += term;
      k++;
      term *= x / k;
    } while (k < TERMS);
    return sum;
  }

  /** A while loop counting an integral parameter down with --. */
  @Differentiable
  static double countdown(double x, int n) {
    while (n > 0) {
      x = Math.cos(x) + 0.5 * x;
      n--;
    }
    return x;
  }

  /** A long loop counter. */
  @Differentiable
  static double longCounter(double x, long steps) {
    double y = x;
    for (long i = 0; i < steps; i++) {
      y = y - 0.1 * (y * y - x) + i * 1e-3;
    }
    return y;
  }

  /** Nested while loops whose inner trip count depends on the active value at loop entry. */
  @Differentiable
  static double nestedDataDependent(double x, int n) {
    double acc = 0;
    int i = 0;
    while (i < n) {
      double y = x + i;
      int inner = 0;
      while (y < 4) {
        y *= 1.5;
        inner++;
      }
      acc += y / (inner + 1);
      i++;
    }
    return acc;
  }

  /** The squared distance to the nearest centre: a running minimum over a helper's result, as in k-means. */
  @Differentiable
  static double nearestCentre(double[] p, double[][] centres) {
    double best = squaredDistance(p, centres[0]);
    for (int j = 1; j < centres.length; j++) {
      best = Math.min(best, squaredDistance(p, centres[j]));
    }
    return best;
  }

  @Differentiable
  static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return s;
  }

  /** A running maximum and a running minimum that reads it. */
  @Differentiable
  static double runningRange(double[] x) {
    double hi = x[0];
    double lo = x[0];
    for (int i = 1; i < x.length; i++) {
      hi = Math.max(hi, x[i]);
      lo = Math.min(lo, x[i] - 0.1 * hi);
    }
    return hi * lo + hi;
  }

  /** A sum of square roots capped at 1: flat beyond the cap, even where sqrt's slope is infinite. */
  @Differentiable
  static double cappedRootSum(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += Math.sqrt(x[i]);
    }
    return Math.min(s, 1.0);
  }

  /**
   * Every trip overwrites a float, a short and a char that the reverse reads, and records a choice
   * and an exp: one record block of doubles and one of ints per loop, read back in the right order.
   */
  @Differentiable
  static double recordsOfEveryKind(double[] x, int shift) {
    double s = 0;
    float scale = 1f;
    short weight = 0;
    char parity = 'a';
    for (int i = 0; i < x.length; i++) {
      scale = (float) (1 + 0.25 * i);
      weight = (short) ((i * shift) % 5 - 2);
      parity = (char) ('a' + i % 2);
      s = Math.max(s, x[i] * weight) + scale * Math.exp(x[i]) * (parity - 'a' + 1) + s * x[i] * 0.1;
    }
    return s;
  }

  /** Loops counting down and with a long index, each recording a value per trip. */
  @Differentiable
  static double countingDownAndLong(double[] x) {
    double p = 1;
    for (int i = x.length - 1; i >= 0; i--) {
      p = p * Math.sin(x[i]) + 1;
    }
    for (long j = 0; j < x.length; j++) {
      p = p * Math.cos(x[(int) j]) + 0.5;
    }
    return p;
  }

  /** A recorded value per inner trip, inside an outer loop that branches: only the inner loop gets a block. */
  @Differentiable
  static double blockInsideABranchingLoop(double[][] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double row = 0;
      for (int j = 0; j < a[i].length; j++) {
        row = row * 0.5 + Math.exp(a[i][j]);
      }
      if (row > 3) {
        s += Math.log(row);
      } else {
        s += row * row;
      }
    }
    return s;
  }

  /** A recursive helper with a loop of its own: reached through its sweep, which records on the caller's tape. */
  @Differentiable
  static double expTail(double[] x, int from) {
    if (from >= x.length) {
      return 0;
    }
    double s = 0;
    for (int i = from; i < x.length; i++) {
      s += Math.exp(x[i]);
    }
    return s + 0.5 * expTail(x, from + 1);
  }

  /**
   * A loop that records a value every trip and calls a recursive method, whose sweep records on the
   * same tape in the middle of the loop's reverse: the loop must not keep its records in a block.
   */
  @Differentiable
  static double recordsAroundARecursiveCall(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += Math.exp(x[i]) * expTail(x, i);
    }
    return s;
  }

  /** Locals named like a record block's cursor and storage: the block's own locals take other names. */
  @Differentiable
  static double namesLikeARecordBlock(double[] x) {
    double doubleTop0 = 0;
    double doubleRecords0 = 1;
    for (int i = 0; i < x.length; i++) {
      doubleRecords0 = doubleRecords0 * Math.sin(x[i]) + doubleTop0;
      doubleTop0 += Math.exp(x[i]);
    }
    return doubleRecords0 + doubleTop0;
  }
}
