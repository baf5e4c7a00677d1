package dev.adjoint.benchmarks.gradbench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * GradBench's output comparison ({@code compare_json_objects} in {@code gradbench/comparison.py}):
 * object keys must match exactly and lists must have the same length; an integer and a float are
 * compared as floats; two floats x, y mismatch when {@code |x - y| / max(1, |x| + |y|) > 1e-4};
 * anything else must be equal. One difference: a NaN is a mismatch here (GradBench lets it pass).
 */
public final class JsonComparison {
  public static final double TOLERANCE = 1e-4;

  private JsonComparison() {}

  /** A description of every mismatch between the expected and the actual value; empty if none. */
  public static List<String> mismatches(JsonNode expected, JsonNode actual) {
    List<String> mismatches = new ArrayList<>();
    compare(expected, actual, "", mismatches);
    return mismatches;
  }

  /** GradBench's normalised difference. */
  public static double difference(double x, double y) {
    return Math.abs(x - y) / Math.max(1, Math.abs(x) + Math.abs(y));
  }

  private static void compare(JsonNode expected, JsonNode actual, String path, List<String> out) {
    if (expected.isNumber() && actual.isNumber()) {
      if (expected.isIntegralNumber() && actual.isIntegralNumber()) {
        if (!expected.bigIntegerValue().equals(actual.bigIntegerValue())) {
          out.add(path + ": " + expected + " != " + actual);
        }
      } else if (!(difference(expected.doubleValue(), actual.doubleValue()) <= TOLERANCE)) {
        out.add(path + ": " + expected + " != " + actual);
      }
    } else if (expected.getNodeType() != actual.getNodeType()) {
      out.add(path + ": expected " + expected.getNodeType() + ", got " + actual.getNodeType());
    } else if (expected.isObject()) {
      Set<String> keys = new TreeSet<>();
      expected.fieldNames().forEachRemaining(keys::add);
      actual.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        String keyPath = path.isEmpty() ? key : path + "." + key;
        if (!expected.has(key)) {
          out.add("Unexpected key '" + keyPath + "'.");
        } else if (!actual.has(key)) {
          out.add("Key '" + keyPath + "' is missing.");
        } else {
          compare(expected.get(key), actual.get(key), keyPath, out);
        }
      }
    } else if (expected.isArray()) {
      if (expected.size() != actual.size()) {
        out.add(path + ": Expected array of length " + expected.size() + ", got array of length "
            + actual.size() + ".");
      }
      Iterator<JsonNode> e = expected.elements();
      Iterator<JsonNode> a = actual.elements();
      for (int i = 0; e.hasNext() && a.hasNext(); i++) {
        compare(e.next(), a.next(), path + "[" + i + "]", out);
      }
    } else if (!expected.equals(actual)) {
      out.add(path + ": " + expected + " != " + actual);
    }
  }
}
