package dev.adjoint.benchmarks.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonComparisonTest {
  private final ObjectMapper mapper = new ObjectMapper();

  private List<String> compare(String expected, String actual) throws Exception {
    return JsonComparison.mismatches(mapper.readTree(expected), mapper.readTree(actual));
  }

  @Test
  void smallValuesAreComparedWithAnAbsoluteToleranceOf1e4() throws Exception {
    assertTrue(compare("0.5", "0.50009").isEmpty());
    assertEquals(1, compare("0.5", "0.5002").size());
  }

  @Test
  void largeValuesAreComparedRelativeToTheSumOfMagnitudes() throws Exception {
    assertTrue(compare("1000000.0", "1000150.0").isEmpty());
    assertEquals(1, compare("1000000.0", "1000300.0").size());
  }

  @Test
  void intAndFloatAreInterchangeableButOtherTypesAreNot() throws Exception {
    assertTrue(compare("3", "3.0").isEmpty());
    assertTrue(compare("3.0", "3").isEmpty());
    assertEquals(1, compare("3", "4").size());
    assertEquals(1, compare("3.0", "\"3.0\"").size());
    assertEquals(1, compare("[1.0]", "1.0").size());
  }

  @Test
  void keysMustMatchExactlyAndListsMustHaveTheSameLength() throws Exception {
    assertEquals(List.of("Key 'b' is missing."), compare("{\"a\":1,\"b\":2}", "{\"a\":1}"));
    assertEquals(List.of("Unexpected key 'c'."), compare("{\"a\":1}", "{\"a\":1,\"c\":2}"));
    assertEquals(List.of(": Expected array of length 2, got array of length 1."),
        compare("[1.0, 2.0]", "[1.0]"));
    assertEquals(List.of("x.y[1]: 2.0 != 2.5"), compare("{\"x\":{\"y\":[1.0,2.0]}}", "{\"x\":{\"y\":[1.0,2.5]}}"));
  }

  @Test
  void notANumberIsAMismatch() throws Exception {
    JsonNode nan = mapper.getNodeFactory().numberNode(Double.NaN);
    assertEquals(1, JsonComparison.mismatches(mapper.readTree("1.0"), nan).size());
  }
}
