package dev.adjoint.processor.random;

/**
 * Watches the values a program computes. Each program is also compiled as a plain twin (no
 * {@code @Differentiable}, so the processor leaves it alone) that reports every value it assigns
 * here: a program whose intermediate values overflow or grow past all proportion is not well
 * defined for the test, even where its result does not show it (an overflow in code the result
 * does not depend on makes the adjoint {@code 0 * Infinity}).
 */
public final class Probe {
  private static final java.util.regex.Pattern DECLARATION =
      java.util.regex.Pattern.compile("(\\w+(?:\\[\\])*)\\s+(\\w+)");
  private static double largest;
  private static String singular;
  /** As {@link #singular}, for second derivatives: pow(0, c) with 1 <= c < 2 has a finite first one. */
  private static String secondOrderSingular;

  private Probe() {}

  public static void see(double v) {
    largest = Math.max(largest, Double.isNaN(v) ? Double.POSITIVE_INFINITY : Math.abs(v));
  }

  public static void see(double[] values) {
    if (values != null) {
      for (double v : values) {
        see(v);
      }
    }
  }

  public static void see(float[] values) {
    if (values != null) {
      for (float v : values) {
        see(v);
      }
    }
  }

  public static void see(float[][] rows) {
    if (rows != null) {
      for (float[] r : rows) {
        see(r);
      }
    }
  }

  public static void see(double[][] rows) {
    if (rows != null) {
      for (double[] r : rows) {
        see(r);
      }
    }
  }

  /** Forgets what it has seen; checks run one at a time, on one thread. */
  static void reset() {
    largest = 0;
    singular = null;
    secondOrderSingular = null;
  }

  /**
   * The first evaluation of a function at a point where its derivative is infinite (cbrt(0),
   * sqrt(0), asin(1), ...), or null. There the chain rule does not hold (an infinite partial
   * times a zero one), and reverse mode, like every AD tool, may give NaN where the composite
   * function is smooth; the checker forgives a wrong derivative then, and only then.
   */
  static String singular() {
    return singular;
  }

  /** The first evaluation where the second derivative is infinite but the first is not, or null. */
  static String secondOrderSingular() {
    return secondOrderSingular;
  }

  private static double at(String what, boolean isSingular, double value) {
    if (isSingular && singular == null) {
      singular = what;
    }
    return value;
  }

  public static double cbrt(double v) {
    return at("cbrt(0)", v == 0, Math.cbrt(v));
  }

  public static double sqrt(double v) {
    return at("sqrt(0)", v == 0, Math.sqrt(v));
  }

  public static double log(double v) {
    return at("log(0)", v == 0, Math.log(v));
  }

  public static double log10(double v) {
    return at("log10(0)", v == 0, Math.log10(v));
  }

  public static double log1p(double v) {
    return at("log1p(-1)", v == -1, Math.log1p(v));
  }

  public static double asin(double v) {
    return at("asin(+-1)", Math.abs(v) == 1, Math.asin(v));
  }

  public static double acos(double v) {
    return at("acos(+-1)", Math.abs(v) == 1, Math.acos(v));
  }

  public static double pow(double a, double c) {
    if (a == 0 && c >= 1 && c < 2 && secondOrderSingular == null) {
      secondOrderSingular = "pow(0, c) with 1 <= c < 2";
    }
    return at("pow(0, c) with c < 1", a == 0 && c != 0 && c < 1, Math.pow(a, c));
  }

  /** A twin's line, with the functions that have singular derivatives watched. */
  static String watched(String line) {
    return line.replaceAll("\\b(?:Strict)?Math\\.(cbrt|sqrt|log|log10|log1p|asin|acos|pow)\\(",
        Probe.class.getName() + ".$1(");
  }

  static double largest() {
    return largest;
  }

  /** A line without its {@code @Differentiable}, {@code @CustomRule} or {@code @Checkpointed} annotation. */
  static String plain(String line) {
    return line.replaceAll("@(Differentiable|CustomRule|Checkpointed)(\\([^)]*\\))? ", "");
  }

  /**
   * The twin of a program's line: the line, then a report of what it assigned; null when the line
   * assigns nothing (a declaration of an integer or boolean, a branch, a return).
   */
  static String twinOf(String text) {
    String line = text.strip();
    if (!line.endsWith(";") || line.startsWith("if ") || line.startsWith("for ") || line.startsWith("while ")
        || line.startsWith("case ") || line.startsWith("default") || line.startsWith("switch ")
        || line.startsWith("return") || line.startsWith("int ")
        || line.startsWith("boolean ") || line.startsWith("static ") || line.startsWith("final ")
        || line.startsWith("private ") || line.startsWith("double scale")) {
      return null;
    }
    int depth = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (depth == 0 && c == '=' && i > 0 && line.charAt(i - 1) != '=' && line.charAt(i + 1) != '='
          && "<>!".indexOf(line.charAt(i - 1)) < 0) {
        String target = line.substring(0, i).trim();
        if (target.endsWith("+") || target.endsWith("-") || target.endsWith("*") || target.endsWith("/")) {
          target = target.substring(0, target.length() - 1).trim();
        }
        java.util.regex.Matcher declaration = DECLARATION.matcher(target);
        if (declaration.matches()) {
          String type = declaration.group(1);
          if (!type.startsWith("double") && !type.startsWith("float") && !type.equals("var")) {
            return null; // integers and booleans are not watched
          }
          target = declaration.group(2); // "double s" -> "s"
        }
        return text + " " + Probe.class.getName() + ".see(" + target + ");";
      }
    }
    return null;
  }
}
