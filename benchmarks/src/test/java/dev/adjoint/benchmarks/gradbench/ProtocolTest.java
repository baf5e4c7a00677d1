package dev.adjoint.benchmarks.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class ProtocolTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final Protocol protocol = new Protocol(new PrintStream(OutputStream.nullOutputStream()));

  private JsonNode send(String line) throws Exception {
    return mapper.readTree(protocol.handleLine(line));
  }

  @Test
  void startNamesTheTool() throws Exception {
    JsonNode response = send("{\"id\":0,\"kind\":\"start\",\"eval\":\"gmm\"}");
    assertEquals(0, response.get("id").asInt());
    assertEquals("adjoint", response.get("tool").asText());
    assertTrue(response.get("config").isObject());
  }

  @Test
  void defineSucceedsForTheTwelveEvalsOnly() throws Exception {
    for (String module : new String[] {"hello", "gmm", "ba", "lstm", "ht", "lse", "llsq", "det", "kmeans", "ode",
        "particle", "saddle"}) {
      JsonNode response = send("{\"id\":1,\"kind\":\"define\",\"module\":\"" + module + "\"}");
      assertTrue(response.get("success").asBoolean(), module);
      assertFalse(response.has("error"), module);
    }
    for (String module : new String[] {"nonsense", "Particle"}) {
      JsonNode response = send("{\"id\":2,\"kind\":\"define\",\"module\":\"" + module + "\"}");
      assertEquals(2, response.get("id").asInt());
      assertFalse(response.get("success").asBoolean(), module);
      assertTrue(response.get("error").asText().contains(module), module);
    }
  }

  @Test
  void evaluateAnswersOutputAndOneEvaluateTimingPerRun() throws Exception {
    JsonNode response = send("{\"id\":3,\"kind\":\"evaluate\",\"module\":\"det\",\"function\":\"primal\","
        + "\"input\":{\"A\":[1,2,3,4],\"ell\":2,\"min_runs\":7,\"min_seconds\":0},\"description\":\"2\"}");
    assertEquals(3, response.get("id").asInt());
    assertTrue(response.get("success").asBoolean());
    assertEquals(-2.0, response.get("output").asDouble());
    assertEquals(7, response.get("timings").size());
    for (JsonNode timing : response.get("timings")) {
      assertEquals("evaluate", timing.get("name").asText());
      assertTrue(timing.get("nanoseconds").isIntegralNumber());
    }
  }

  @Test
  void aOneCallFunctionIsWarmedUpBeforeEachEvaluationAndOnlyEvaluateRunsAreTimed() throws Exception {
    String evaluate = "{\"id\":3,\"kind\":\"evaluate\",\"module\":\"lse\",\"function\":\"gradient\","
        + "\"input\":{\"x\":[0.0,0.0],\"min_runs\":3,\"min_seconds\":0},\"description\":\"n=2\"}";
    JsonNode first = send(evaluate);
    assertTrue(first.get("success").asBoolean());
    assertEquals("[0.5,0.5]", first.get("output").toString());
    JsonNode timings = first.get("timings");
    assertEquals(4, timings.size());
    assertEquals("warmup", timings.get(0).get("name").asText());
    assertTrue(timings.get(0).get("nanoseconds").asLong() > 0);
    for (int i = 1; i < 4; i++) {
      assertEquals("evaluate", timings.get(i).get("name").asText());
    }

    JsonNode second = send(evaluate);
    assertEquals(4, second.get("timings").size());
    assertEquals("warmup", second.get("timings").get(0).get("name").asText());

    JsonNode det = send("{\"id\":5,\"kind\":\"evaluate\",\"module\":\"det\",\"function\":\"primal\","
        + "\"input\":{\"A\":[1,2,3,4],\"ell\":2,\"min_runs\":2,\"min_seconds\":0}}");
    for (JsonNode timing : det.get("timings")) {
      assertEquals("evaluate", timing.get("name").asText(), "det has no warm-up input");
    }
  }

  @Test
  void evaluateRunsUntilMinSecondsHaveElapsed() throws Exception {
    JsonNode response = send("{\"id\":4,\"kind\":\"evaluate\",\"module\":\"det\",\"function\":\"primal\","
        + "\"input\":{\"A\":[1,2,3,4],\"ell\":2,\"min_runs\":1,\"min_seconds\":0.05}}");
    assertEquals(-2.0, response.get("output").asDouble());
    long total = 0;
    for (JsonNode timing : response.get("timings")) {
      total += timing.get("nanoseconds").asLong();
    }
    assertTrue(total >= 50_000_000L, "total " + total);
    assertTrue(response.get("timings").size() > 1);
  }

  @Test
  void helloTakesABareNumberAndRunsOnce() throws Exception {
    JsonNode response = send("{\"id\":5,\"kind\":\"evaluate\",\"module\":\"hello\",\"function\":\"square\",\"input\":3.0}");
    assertEquals(9.0, response.get("output").asDouble());
    assertEquals(1, response.get("timings").size());
  }

  @Test
  void analysisAndUnknownKindsGetJustTheirId() throws Exception {
    assertEquals("{\"id\":6}", protocol.handleLine("{\"id\":6,\"kind\":\"analysis\",\"of\":3,\"valid\":true}"));
    assertEquals("{\"id\":7}",
        protocol.handleLine("{\"id\":7,\"kind\":\"analysis\",\"of\":3,\"valid\":false,\"error\":\"wrong\"}"));
    assertEquals("{\"id\":8}", protocol.handleLine("{\"id\":8,\"kind\":\"end\"}"));
  }

  @Test
  void unparseableLinesAreAnsweredWithoutAnId() throws Exception {
    for (String line : new String[] {"{not json", "", "[1,2]", "42", "{\"kind\":\"start\"}"}) {
      JsonNode response = send(line);
      assertTrue(response.get("id").isNull(), line);
      assertFalse(response.get("success").asBoolean(), line);
      assertFalse(response.get("error").asText().isEmpty(), line);
    }
  }

  @Test
  void malformedEvaluateMessagesFailWithAReason() throws Exception {
    assertFailure("{\"id\":9,\"kind\":\"evaluate\",\"module\":\"lse\",\"input\":{\"x\":[1.0]}}", "function");
    assertFailure("{\"id\":9,\"kind\":\"evaluate\",\"module\":\"lse\",\"function\":\"primal\"}", "input");
    assertFailure("{\"id\":9,\"kind\":\"evaluate\",\"module\":\"nope\",\"function\":\"primal\",\"input\":1}", "nope");
    assertFailure("{\"id\":9,\"kind\":\"evaluate\",\"module\":\"lse\",\"function\":\"jacobian\",\"input\":1}", "jacobian");
    assertFailure("{\"id\":9,\"kind\":\"evaluate\",\"module\":\"saddle\",\"function\":\"rr\",\"input\":{}}", "start");
    assertFailure("{\"id\":9,\"kind\":\"define\"}", "module");
    assertFailure("{\"id\":\"nine\",\"kind\":\"start\"}", "id");
    assertFailure("{\"id\":9}", "kind");
  }

  @Test
  void wrongShapesAreReportedWithTheirPath() throws Exception {
    assertFailure(lse("{\"x\":\"oops\"}"), "input.x");
    assertFailure(lse("{\"x\":[1.0,\"two\"]}"), "input.x[1]");
    assertFailure(lse("{\"y\":[1.0]}"), "'x'");
    assertFailure(lse("{\"x\":[]}"), "input.x");
    assertFailure(lse("{\"x\":[1.0],\"min_runs\":0}"), "min_runs");
    assertFailure(lse("{\"x\":[1.0],\"min_seconds\":-1}"), "min_seconds");
    assertFailure("{\"id\":9,\"kind\":\"evaluate\",\"module\":\"gmm\",\"function\":\"objective\",\"input\":"
        + "{\"d\":2,\"k\":1,\"n\":1,\"m\":0,\"gamma\":1.0,\"x\":[[1.0,2.0]],\"alpha\":[0.0],"
        + "\"mu\":[[0.0,0.0,0.0]],\"q\":[[0.0,0.0]],\"l\":[[0.0]]}}", "input.mu[0]");
    assertFailure("{\"id\":9,\"kind\":\"evaluate\",\"module\":\"det\",\"function\":\"primal\","
        + "\"input\":{\"A\":[1.0,2.0,3.0],\"ell\":2}}", "input.A");
    assertFailure("{\"id\":9,\"kind\":\"evaluate\",\"module\":\"ba\",\"function\":\"objective\","
        + "\"input\":{\"n\":1,\"m\":1,\"p\":1.5,\"cam\":[],\"x\":[],\"w\":1,\"feat\":[]}}", "input.p");
  }

  private static String lse(String input) {
    return "{\"id\":9,\"kind\":\"evaluate\",\"module\":\"lse\",\"function\":\"primal\",\"input\":" + input + "}";
  }

  private void assertFailure(String line, String mentioned) throws Exception {
    JsonNode response = send(line);
    assertFalse(response.get("success").asBoolean(), line);
    String error = response.get("error").asText();
    assertTrue(error.contains(mentioned), () -> line + " -> " + error);
    assertFalse(response.has("output"), line);
  }
}
