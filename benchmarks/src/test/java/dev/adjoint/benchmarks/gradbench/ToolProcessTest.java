package dev.adjoint.benchmarks.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Drives the tool's main class in its own JVM over standard input and output, as GradBench does. */
class ToolProcessTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void answersEveryLineOnStdoutAndExitsAtEndOfInput() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process tool = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        GradBenchTool.class.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String[] messages = {
        "{\"id\":0,\"kind\":\"start\",\"eval\":\"hello\"}",
        "{\"id\":1,\"kind\":\"define\",\"module\":\"hello\"}",
        "{\"id\":2,\"kind\":\"evaluate\",\"module\":\"hello\",\"function\":\"square\",\"input\":4.0}",
        "{\"id\":3,\"kind\":\"analysis\",\"of\":2,\"valid\":true}",
        "this line is not JSON",
        "{\"id\":4,\"kind\":\"evaluate\",\"module\":\"llsq\",\"function\":\"primal\","
            + "\"input\":{\"x\":[0.0],\"n\":3,\"min_runs\":3,\"min_seconds\":0}}",
        "{\"id\":5,\"kind\":\"define\",\"module\":\"nonsense\"}",
    };
    List<JsonNode> responses = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(tool.getInputStream(), StandardCharsets.UTF_8))) {
      try (Writer in = new OutputStreamWriter(tool.getOutputStream(), StandardCharsets.UTF_8)) {
        for (String message : messages) {
          // One at a time, as the intermediary does: each reply must come before the next message.
          in.write(message + "\n");
          in.flush();
          responses.add(mapper.readTree(out.readLine()));
        }
      }
      assertEquals(null, out.readLine(), "nothing but replies on stdout");
    }
    assertTrue(tool.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, tool.exitValue());

    assertEquals("adjoint", responses.get(0).get("tool").asText());
    assertTrue(responses.get(1).get("success").asBoolean());
    assertEquals(16.0, responses.get(2).get("output").asDouble());
    assertEquals(1, responses.get(2).get("timings").size());
    assertEquals("{\"id\":3}", responses.get(3).toString());
    assertTrue(responses.get(4).get("id").isNull());
    assertFalse(responses.get(4).get("success").asBoolean());
    // sign(t) - 0 at t = -1, 0, 1: (1 + 0 + 1) / 2.
    assertEquals(1.0, responses.get(5).get("output").asDouble());
    // a warm-up, then the three runs
    assertEquals(4, responses.get(5).get("timings").size());
    assertEquals("warmup", responses.get(5).get("timings").get(0).get("name").asText());
    assertEquals(5, responses.get(6).get("id").asInt());
    assertFalse(responses.get(6).get("success").asBoolean());
  }
}
