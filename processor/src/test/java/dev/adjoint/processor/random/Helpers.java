package dev.adjoint.processor.random;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code @Differentiable} helpers a generated class has so far, by shape, and the calls of
 * them a statement or an expression may make. A helper may call only those made before it, so
 * calls form a DAG plus the recursive shape's self-calls.
 */
final class Helpers {
  /** The six shapes of a call between {@code @Differentiable} methods, plus an early return. */
  enum Shape {
    /** {@code double h(double u, double v)}: scalars in, scalar out. */
    PURE,
    /** {@code double h(double[] z, double c)}: reads its array. */
    READS,
    /** {@code void h(double[] z, double c)}: writes into its array. */
    WRITES,
    /** {@code double h(double[] z, double c)}: writes into its array and returns a value. */
    WRITES_RETURNS,
    /** {@code double[] h(double[] z, double c)}: returns a fresh array as long as z. */
    RETURNS_ARRAY,
    /** {@code double h(double[] z, int k)}: calls itself with k - 1. */
    RECURSIVE,
    /** {@code double h(double u, double[] z)}: returns from inside a branch. */
    EARLY_RETURN,
    /** {@code double h(double[][] g, double c)}: reads a 2-D array. */
    GRID,
    /** {@code double h(float[] fz, float c)}: float parameters. */
    FLOATS,
    /** {@code double h(double u, double v)} with a hand-written {@code @CustomRule} pullback. */
    RULE_SCALAR,
    /** {@code double h(double[] z, double c)} with a {@code @CustomRule} pullback into zBar. */
    RULE_ARRAY,
    /** {@code double h(double u)} and {@code double h(double u, double k)}: one rule per overload. */
    OVERLOADED_RULE,
    /** {@code double h(double[] z, double[] w)}: {@code w == null ? 1.0 : w[i]}, called with null or an array. */
    OPTIONAL_WEIGHTS,
    /** {@code double h(double u, char unit)}: called with a char literal. */
    CHAR_UNIT,
    /** {@code double h(double[] z, double c)}: a counted loop whose bound is a double. */
    DOUBLE_BOUND,
    /** {@code double h(double u)}: an instance method reading the field, differentiated with respect to this. */
    SELF_PURE,
    /** {@code double h(double u, int k)}: the same, recursive, so it is reached through its pullback. */
    SELF_RECURSIVE;

    boolean returnsScalar() {
      return this != WRITES && this != RETURNS_ARRAY;
    }

    /** Whether a random body is generated for it (the rules' targets and the everyday forms are fixed). */
    boolean generated() {
      return ordinal() < RULE_SCALAR.ordinal();
    }
  }

  /** The differentiable methods of {@code rndlib.Library}, compiled before any program. */
  static final List<Helper> LIBRARY = List.of(
      new Helper("rndlib.Library.bump", Shape.PURE),
      new Helper("rndlib.Library.total", Shape.READS),
      new Helper("rndlib.Library.smooth", Shape.WRITES),
      new Helper("rndlib.Library.spread", Shape.WRITES_RETURNS),
      new Helper("rndlib.Library.soft", Shape.OVERLOADED_RULE));

  record Helper(String name, Shape shape) {}

  final List<Helper> all = new ArrayList<>();

  /** A call of a scalar-returning helper with arguments from {@code ex}'s scope, or null. */
  String scalarCall(Expressions ex, int depth) {
    List<Helper> scalar = new ArrayList<>();
    for (Helper h : all) {
      if (h.shape().returnsScalar()) {
        scalar.add(h);
      }
    }
    if (scalar.isEmpty()) {
      return null;
    }
    return call(ex, ex.pick(scalar), depth);
  }

  /** A call of the given helper; null when the scope lacks an argument it needs. */
  String call(Expressions ex, Helper h, int depth) {
    String arg = ex.scalar(Math.max(0, depth - 1)).text();
    if (h.shape() == Shape.FLOATS) {
      return ex.scope.floatArrays.isEmpty() ? null
          : h.name() + "(" + ex.pick(new ArrayList<>(ex.scope.floatArrays.keySet())) + ", (float) (" + arg + "))";
    }
    if (h.shape() == Shape.GRID) {
      return ex.scope.grids.isEmpty() ? null
          : h.name() + "(" + ex.pick(new ArrayList<>(ex.scope.grids.keySet())) + ", " + arg + ")";
    }
    if (h.shape() == Shape.OVERLOADED_RULE) {
      return h.name() + "(" + arg + (ex.chance(0.5) ? "" : ", " + ex.scalar(Math.max(0, depth - 1)).text()) + ")";
    }
    if (h.shape() == Shape.SELF_PURE) {
      return h.name() + "(" + arg + ")";
    }
    if (h.shape() == Shape.SELF_RECURSIVE) {
      return h.name() + "(" + arg + ", " + depthArgument(ex) + ")";
    }
    if (h.shape() == Shape.CHAR_UNIT) {
      return h.name() + "(" + arg + ", " + ex.pick("'a'", "'b'") + ")";
    }
    if (h.shape() == Shape.PURE || h.shape() == Shape.RULE_SCALAR) {
      return h.name() + "(" + arg + ", " + ex.scalar(Math.max(0, depth - 1)).text() + ")";
    }
    String array = array(ex, h.shape());
    if (array == null) {
      return null;
    }
    return switch (h.shape()) {
      case RECURSIVE -> h.name() + "(" + array + ", " + depthArgument(ex) + ")";
      case EARLY_RETURN -> h.name() + "(" + arg + ", " + array + ")";
      case OPTIONAL_WEIGHTS -> h.name() + "(" + array + ", " + (ex.chance(0.5) ? "null" : array(ex, h.shape())) + ")";
      default -> h.name() + "(" + array + ", " + arg + ")";
    };
  }

  private static String array(Expressions ex, Shape shape) {
    boolean writes = shape == Shape.WRITES || shape == Shape.WRITES_RETURNS;
    List<String> candidates = writes ? ex.scope.writableArrays : new ArrayList<>(ex.scope.arrays.keySet());
    return candidates.isEmpty() ? null : ex.pick(candidates);
  }

  private static String depthArgument(Expressions ex) {
    if (!ex.scope.ints.isEmpty() && ex.chance(0.4)) {
      return "Math.min(" + ex.pick(ex.scope.ints) + ", 3)";
    }
    return ex.pick("0", "1", "2", "3");
  }
}
