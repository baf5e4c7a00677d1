package dev.adjoint.processor.random;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random well-defined expressions over a {@link Scope}: every index in bounds, every {@code Math}
 * argument inside its function's domain, every divisor away from zero. Operands are parenthesised
 * by precedence only, as a person writes them.
 */
final class Expressions {
  /** An expression's text and the precedence of its outermost operator. */
  record E(String text, int prec) {
    static final int TERNARY = 0;
    static final int COMPARE = 1;
    static final int ADD = 2;
    static final int MUL = 3;
    static final int UNARY = 4;
    static final int PRIMARY = 5;

    /** The text, parenthesised when it binds looser than {@code needed}. */
    String at(int needed) {
      return prec < needed ? "(" + text + ")" : text;
    }
  }

  private static final String[] ENTIRE = {"sin", "cos", "atan", "tanh"};
  private static final String[] GROWING = {"exp", "sinh", "cosh", "expm1"};
  private static final String[] POSITIVE = {"log", "log10", "sqrt"};
  private static final String[] STEPS = {"floor", "ceil", "rint", "signum"};
  private static final String[] CONSTANTS = {"0.5", "1.25", "2.0", "0.75", "3", "1e-3", "C", "gain"};

  private final SplittableRandom random;
  private final Helpers helpers;
  final Scope scope;
  /** Whether helper calls may appear inside expressions here. */
  final boolean calls;

  Expressions(SplittableRandom random, Helpers helpers, Scope scope, boolean calls) {
    this.random = random;
    this.helpers = helpers;
    this.scope = scope;
    this.calls = calls;
  }

  Expressions in(Scope s) {
    return new Expressions(random, helpers, s, calls);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  /** A double-valued expression, at most {@code depth} operators deep. */
  E scalar(int depth) {
    if (depth <= 0 || chance(0.3)) {
      return leaf();
    }
    int r = random.nextInt(100);
    if (r < 30) {
      String op = pick("+", "-", "*", "+", "*");
      int p = op.equals("*") ? E.MUL : E.ADD;
      E a = scalar(depth - 1);
      E b = scalar(depth - 1);
      return new E(a.at(p) + " " + op + " " + b.at(p + 1), p);
    }
    if (r < 36) {
      E a = scalar(depth - 1);
      return new E(a.at(E.MUL) + pick(" / ", " / ", " % ") + denominator(depth - 1), E.MUL);
    }
    if (r < 40) {
      String operand = scalar(depth - 1).at(E.UNARY);
      return new E(operand.startsWith("-") ? "-(" + operand + ")" : "-" + operand, E.UNARY);
    }
    if (r < 46) {
      return new E(condition(depth - 1) + " ? " + scalar(depth - 1).at(E.COMPARE)
          + " : " + scalar(depth - 1).at(E.TERNARY), E.TERNARY);
    }
    if (r < 52 && calls) {
      String call = helpers.scalarCall(this, depth - 1);
      if (call != null) {
        return new E(call, E.PRIMARY);
      }
    }
    if (r < 55 && !scope.floats.isEmpty()) {
      return new E(pick(scope.floats) + " * " + scalar(depth - 1).at(E.MUL + 1), E.MUL);
    }
    return math(depth - 1);
  }

  /** A positive divisor bounded away from zero. */
  String denominator(int depth) {
    E e = scalar(depth);
    return switch (random.nextInt(3)) {
      case 0 -> "(2 + Math.sin(" + e.text() + "))";
      case 1 -> "(1 + " + e.at(E.MUL) + " * " + e.at(E.MUL + 1) + ")";
      default -> pick("2.0", "4", "C");
    };
  }

  /** A call of a {@code Math} (sometimes {@code StrictMath}) function on arguments in its domain. */
  E math(int depth) {
    String m = chance(0.1) ? "StrictMath." : "Math.";
    E e = scalar(depth);
    String t = e.text();
    String text = switch (random.nextInt(14)) {
      case 0, 1 -> m + pick(ENTIRE) + "(" + t + ")";
      case 2 -> m + pick(GROWING) + "(" + pick("Math.sin(", "Math.atan(", "0.5 * Math.tanh(") + t + "))";
      case 3 -> m + pick(POSITIVE) + "(" + pick("1.5 + Math.cos(" + t + ")", "1 + " + e.at(E.MUL) + " * " + e.at(E.MUL + 1)) + ")";
      case 4 -> m + pick("asin", "acos") + "(" + pick("0.9 * Math.sin(", "0.5 * Math.tanh(") + t + "))";
      case 5 -> m + "tan(0.5 * Math.sin(" + t + "))";
      case 6 -> m + pick("log1p(" + e.at(E.MUL) + " * " + e.at(E.MUL + 1) + ")", "log1p(0.5 * Math.sin(" + t + "))", "cbrt(" + t + ")");
      case 7 -> switch (random.nextInt(3)) {
        case 0 -> m + "pow(1.5 + Math.sin(" + t + "), " + scalar(depth).at(E.ADD) + " * 0.5)";
        case 1 -> m + "pow(" + t + ", " + pick("2", "3.0", "2.0") + ")";
        default -> m + "pow(" + m + "abs(" + t + "), 1.5)";
      };
      case 8 -> random.nextInt(3) == 0 ? m + "fma(" + t + ", " + scalar(depth).text() + ", " + scalar(depth).text() + ")"
          : m + pick("hypot", "atan2") + "(" + t + ", " + scalar(depth).text() + ")";
      case 9, 10 -> m + pick("min", "max") + "(" + t + ", " + scalar(depth).text() + ")";
      case 11 -> m + "abs(" + t + ")";
      case 12 -> m + pick(STEPS) + "(" + t + ")";
      // toDegrees scaled back, so that repeated scaling does not outrun central differences
      default -> pick(m + "toRadians(" + t + ")", "(0.01 * " + m + "toDegrees(" + t + "))");
    };
    return new E(text, E.PRIMARY);
  }

  /** A variable, an array element or a constant. */
  E leaf() {
    int r = random.nextInt(10);
    if (r < 4 && !scope.scalars.isEmpty()) {
      return new E(pick(scope.scalars), E.PRIMARY);
    }
    if (r < 8 && !scope.arrays.isEmpty()) {
      return new E(element(), E.PRIMARY);
    }
    if (r < 9 && !scope.indices.isEmpty()) {
      Scope.Index i = pick(scope.indices);
      return new E(i.name() + " * 0.5", E.MUL);
    }
    if (scope.knob != null && chance(0.1)) {
      return new E(scope.knob + ".k", E.PRIMARY);
    }
    if (!scope.floatArrays.isEmpty() && chance(0.3)) {
      String f = pick(new ArrayList<>(scope.floatArrays.keySet()));
      return new E(f + "[" + index(scope.floatArrays.get(f), f) + "]", E.PRIMARY);
    }
    if (!scope.grids.isEmpty() && chance(0.5)) {
      String g = pick(new ArrayList<>(scope.grids.keySet()));
      return new E(g + "[" + random.nextInt(2) + "][" + index(scope.grids.get(g), g + "[0]") + "]", E.PRIMARY);
    }
    if (!scope.floatGrids.isEmpty() && chance(0.5)) {
      String g = pick(new ArrayList<>(scope.floatGrids.keySet()));
      return new E(g + "[" + random.nextInt(2) + "][" + index(scope.floatGrids.get(g), g + "[0]") + "]", E.PRIMARY);
    }
    return new E(pick(CONSTANTS), E.PRIMARY);
  }

  /** An element of some array in scope, e.g. {@code x[i]}. */
  String element() {
    String a = pick(new ArrayList<>(scope.arrays.keySet()));
    return a + "[" + index(scope.arrays.get(a), a) + "]";
  }

  /** An in-bounds index into an array of the given tag, whose name is {@code array}. */
  String index(String tag, String array) {
    List<Scope.Index> usable = new ArrayList<>();
    for (Scope.Index i : scope.indices) {
      if (i.tag().equals(tag)) {
        usable.add(i);
      }
    }
    int r = random.nextInt(10);
    if (!usable.isEmpty() && r < 6) {
      Scope.Index i = pick(usable);
      List<String> permutations = new ArrayList<>();
      scope.indexArrays.forEach((p, t) -> {
        if (t.equals(tag)) {
          permutations.add(p);
        }
      });
      return switch (random.nextInt(7)) {
        case 0, 1 -> i.name();
        case 2 -> array + ".length - 1 - " + i.name();
        case 3 -> "(" + i.name() + " + 1) % " + array + ".length";
        // a passive call: an index helper with no derivative, allowed on integers
        case 4 -> scope.knob != null && chance(0.5) ? scope.knob + ".pick(" + i.name() + ", " + array + ".length)"
            : "wrap(" + i.name() + pick(" + 1", " - 1", " + 2") + ", " + array + ".length)";
        case 5 -> permutations.isEmpty() ? i.name() : pick(permutations) + "[" + i.name() + "]";
        default -> i.lowest() >= 1 ? i.name() + " - 1" : i.name();
      };
    }
    if (r < 8 || depthOfData > 0) {
      return pick("0", "1", array + ".length - 1");
    }
    depthOfData++;
    try {
      return "(int) (2 * Math.abs(" + scalar(1).text() + ")) % " + array + ".length";
    } finally {
      depthOfData--;
    }
  }

  private int depthOfData;

  /** A boolean expression. */
  String condition(int depth) {
    int r = random.nextInt(12);
    if (r < 6) {
      return scalar(depth).at(E.ADD) + " " + pick(">", "<", ">=", "<=") + " " + scalar(Math.min(depth, 1)).at(E.ADD);
    }
    if (r < 7 && !scope.booleans.isEmpty()) {
      return (chance(0.3) ? "!" : "") + pick(scope.booleans);
    }
    if (r < 9 && !scope.indices.isEmpty()) {
      String i = pick(scope.indices).name();
      return pick("(" + i + " & 1) == 0", i + " % 2 == 1", i + " > 1", "(" + i + " >> 1) == 0");
    }
    if (r < 10 && !scope.ints.isEmpty()) {
      return pick(scope.ints) + " > " + random.nextInt(3);
    }
    if (r < 11 && !scope.longs.isEmpty()) {
      return pick(scope.longs) + " % 3 == " + random.nextInt(3);
    }
    String a = scalar(Math.max(0, depth - 1)).at(E.ADD) + " > " + pick("0.3", "-0.2", "0");
    String b = scalar(Math.max(0, depth - 1)).at(E.ADD) + " < " + pick("0.5", "1");
    return a + " " + pick("&&", "||") + " " + b;
  }
}
