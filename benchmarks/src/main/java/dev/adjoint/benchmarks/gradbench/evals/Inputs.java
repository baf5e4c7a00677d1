package dev.adjoint.benchmarks.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Conversions from an eval's JSON input to the primitive arrays the {@code @Differentiable}
 * methods take. Every shape is checked: a wrong one is an {@link InputException} that names the
 * offending path (for example {@code input.mu[3]}), never an index error later on.
 */
public final class Inputs {
  private Inputs() {}

  /** The JSON object {@code node}, whose path is {@code path}, for reading fields by name. */
  public static Fields object(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new InputException(path + ": expected an object, got " + kind(node));
    }
    return new Fields(node, path);
  }

  /** The fields of one JSON object; each accessor checks the field's presence, type and shape. */
  public record Fields(JsonNode node, String path) {
    public JsonNode get(String name) {
      JsonNode value = node.get(name);
      if (value == null) {
        throw new InputException(path + ": missing field '" + name + "'");
      }
      return value;
    }

    public Fields object(String name) {
      return Inputs.object(get(name), path(name));
    }

    public double number(String name) {
      return Inputs.number(get(name), path(name));
    }

    public int integer(String name) {
      return Inputs.integer(get(name), path(name));
    }

    public int positiveInteger(String name) {
      int value = integer(name);
      if (value < 1) {
        throw new InputException(path(name) + ": expected a positive integer, got " + value);
      }
      return value;
    }

    public boolean bool(String name) {
      return Inputs.bool(get(name), path(name));
    }

    public double[] vector(String name, int length) {
      return Inputs.vector(get(name), path(name), length);
    }

    public int[] intVector(String name, int length) {
      return Inputs.intVector(get(name), path(name), length);
    }

    public double[][] matrix(String name, int rows, int cols) {
      return Inputs.matrix(get(name), path(name), rows, cols);
    }

    public int[][] intMatrix(String name, int rows, int cols) {
      return Inputs.intMatrix(get(name), path(name), rows, cols);
    }

    public double[][] flatMatrices(String name, int count, int rows, int cols) {
      return Inputs.flatMatrices(get(name), path(name), count, rows, cols);
    }

    public String path(String name) {
      return path + "." + name;
    }
  }

  public static double number(JsonNode node, String path) {
    if (node == null || !node.isNumber()) {
      throw new InputException(path + ": expected a number, got " + kind(node));
    }
    return node.doubleValue();
  }

  /** An integer; a float with an integral value is accepted, as GradBench's comparison does. */
  public static int integer(JsonNode node, String path) {
    if (node != null && node.isNumber()) {
      double value = node.doubleValue();
      if (value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE) {
        return (int) value;
      }
    }
    throw new InputException(path + ": expected an integer, got " + kind(node));
  }

  public static boolean bool(JsonNode node, String path) {
    if (node == null || !node.isBoolean()) {
      throw new InputException(path + ": expected a boolean, got " + kind(node));
    }
    return node.booleanValue();
  }

  /** A list of numbers; {@code length} is the expected length, or -1 for any. */
  public static double[] vector(JsonNode node, String path, int length) {
    checkList(node, path, length);
    double[] result = new double[node.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = number(node.get(i), path + "[" + i + "]");
    }
    return result;
  }

  public static int[] intVector(JsonNode node, String path, int length) {
    checkList(node, path, length);
    int[] result = new int[node.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = integer(node.get(i), path + "[" + i + "]");
    }
    return result;
  }

  /**
   * A rectangular list of lists of numbers; {@code rows} and {@code cols} are the expected sizes,
   * or -1 for any (all rows must still have the same length).
   */
  public static double[][] matrix(JsonNode node, String path, int rows, int cols) {
    checkList(node, path, rows);
    double[][] result = new double[node.size()][];
    int width = cols;
    for (int i = 0; i < result.length; i++) {
      result[i] = vector(node.get(i), path + "[" + i + "]", width);
      width = result[i].length;
    }
    return result;
  }

  public static int[][] intMatrix(JsonNode node, String path, int rows, int cols) {
    checkList(node, path, rows);
    int[][] result = new int[node.size()][];
    int width = cols;
    for (int i = 0; i < result.length; i++) {
      result[i] = intVector(node.get(i), path + "[" + i + "]", width);
      width = result[i].length;
    }
    return result;
  }

  /**
   * A list of {@code count} matrices of {@code rows} x {@code cols}, each flattened row-major into
   * one row of the result.
   */
  public static double[][] flatMatrices(JsonNode node, String path, int count, int rows, int cols) {
    checkList(node, path, count);
    double[][] result = new double[node.size()][rows * cols];
    for (int i = 0; i < result.length; i++) {
      double[][] m = matrix(node.get(i), path + "[" + i + "]", rows, cols);
      for (int r = 0; r < rows; r++) {
        System.arraycopy(m[r], 0, result[i], r * cols, cols);
      }
    }
    return result;
  }

  private static void checkList(JsonNode node, String path, int length) {
    if (node == null || !node.isArray()) {
      throw new InputException(path + ": expected a list, got " + kind(node));
    }
    if (length >= 0 && node.size() != length) {
      throw new InputException(
          path + ": expected a list of length " + length + ", got length " + node.size());
    }
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "the number " + node;
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
