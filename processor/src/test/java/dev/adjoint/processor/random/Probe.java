package dev.adjoint.processor.random;

/**
 * Watches the values a program computes. Each program is also compiled as a plain twin (no
 * {@code @Differentiable}, so the processor leaves it alone) that reports every value it assigns
 * here: a program whose intermediate values overflow or grow past all proportion is not well
 * defined for the test, even where its result does not show it (an overflow in code the result
 * does not depend on makes the adjoint {@code 0 * Infinity}).
 */
public final class Probe {
  private static double largest;

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
  }

  static double largest() {
    return largest;
  }

  /** A line without its {@code @Differentiable} annotation. */
  static String plain(String line) {
    return line.replaceAll("@Differentiable(\\([^)]*\\))? ", "");
  }

  /**
   * The twin of a program's line: the line, then a report of what it assigned; null when the line
   * assigns nothing (a declaration of an integer or boolean, a branch, a return).
   */
  static String twinOf(String text) {
    String line = text.strip();
    if (!line.endsWith(";") || line.startsWith("if ") || line.startsWith("for ") || line.startsWith("while ")
        || line.startsWith("return") || line.startsWith("int ")
        || line.startsWith("boolean ") || line.startsWith("static ") || line.startsWith("final ")) {
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
        int space = target.lastIndexOf(' ');
        if (space >= 0 && !target.contains("[")) {
          target = target.substring(space + 1); // "double s" -> "s"
        } else if (target.startsWith("double[]") || target.startsWith("double[][]") || target.startsWith("float ")) {
          target = target.substring(target.lastIndexOf(' ') + 1);
        }
        return text + " " + Probe.class.getName() + ".see(" + target + ");";
      }
    }
    return null;
  }
}
