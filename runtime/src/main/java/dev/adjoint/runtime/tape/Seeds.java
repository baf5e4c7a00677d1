package dev.adjoint.runtime.tape;

/**
 * Argument checks at the public entry points of generated adjoints, so that misuse fails with a
 * message that names the method and the parameter instead of a NaN gradient or an index error
 * deep in generated code.
 */
public final class Seeds {
  private Seeds() {}

  /** Rejects a NaN or infinite scalar seed. */
  public static void checkSeed(String method, double dy) {
    if (!Double.isFinite(dy)) {
      throw new IllegalArgumentException(method + ": the seed dy must be finite, got " + dy);
    }
  }

  /** Rejects a null array argument. */
  public static void checkNotNull(String method, String parameter, Object array) {
    if (array == null) {
      throw new NullPointerException(method + ": array parameter '" + parameter + "' is null");
    }
  }

  /** Rejects a seed array holding NaN or infinities (its shape is checked once the result is known). */
  public static void checkFinite(String method, double[] dy) {
    checkSeed(method, dy, dy == null ? 0 : dy.length);
  }

  /** Rejects a seed array holding NaN or infinities (its shape is checked once the result is known). */
  public static void checkFinite(String method, float[] dy) {
    checkSeed(method, dy, dy == null ? 0 : dy.length);
  }

  /** Rejects a seed holding NaN or infinities (its shape is checked once the result is known). */
  public static void checkFinite(String method, double[][] dy) {
    checkSeed(method, dy, dy);
  }

  /** Rejects a seed holding NaN or infinities (its shape is checked once the result is known). */
  public static void checkFinite(String method, float[][] dy) {
    checkSeed(method, dy, dy);
  }

  /** Rejects a seed array whose length differs from the result's, or that holds NaN or infinities. */
  public static void checkSeed(String method, double[] dy, int expectedLength) {
    checkNotNull(method, "dy", dy);
    if (dy.length != expectedLength) {
      throw new IllegalArgumentException(method + ": the seed dy has length " + dy.length
          + " but the result has length " + expectedLength);
    }
    for (int i = 0; i < dy.length; i++) {
      if (!Double.isFinite(dy[i])) {
        throw new IllegalArgumentException(method + ": the seed dy[" + i + "] must be finite, got " + dy[i]);
      }
    }
  }

  /** Rejects a seed array whose length differs from the result's, or that holds NaN or infinities. */
  public static void checkSeed(String method, float[] dy, int expectedLength) {
    checkNotNull(method, "dy", dy);
    if (dy.length != expectedLength) {
      throw new IllegalArgumentException(method + ": the seed dy has length " + dy.length
          + " but the result has length " + expectedLength);
    }
    for (int i = 0; i < dy.length; i++) {
      if (!Float.isFinite(dy[i])) {
        throw new IllegalArgumentException(method + ": the seed dy[" + i + "] must be finite, got " + dy[i]);
      }
    }
  }

  /** Rejects a seed whose shape differs from the result's. */
  public static void checkSeed(String method, double[][] dy, double[][] result) {
    checkNotNull(method, "dy", dy);
    if (dy.length != result.length) {
      throw new IllegalArgumentException(method + ": the seed dy has " + dy.length
          + " rows but the result has " + result.length);
    }
    for (int i = 0; i < dy.length; i++) {
      checkSeed(method, dy[i], result[i].length);
    }
  }

  /** Rejects a seed whose shape differs from the result's. */
  public static void checkSeed(String method, float[][] dy, float[][] result) {
    checkNotNull(method, "dy", dy);
    if (dy.length != result.length) {
      throw new IllegalArgumentException(method + ": the seed dy has " + dy.length
          + " rows but the result has " + result.length);
    }
    for (int i = 0; i < dy.length; i++) {
      checkSeed(method, dy[i], result[i].length);
    }
  }
}
