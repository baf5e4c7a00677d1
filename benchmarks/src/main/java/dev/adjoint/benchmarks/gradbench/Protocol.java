package dev.adjoint.benchmarks.gradbench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adjoint.benchmarks.gradbench.evals.Eval;
import dev.adjoint.benchmarks.gradbench.evals.EvalFunction;
import dev.adjoint.benchmarks.gradbench.evals.Evals;
import dev.adjoint.benchmarks.gradbench.evals.InputException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GradBench's protocol, one message at a time: every line in gets exactly one line out, whatever
 * the line holds. Replies follow the protocol's response types: {@code start} gets
 * {@code {id, tool, config}}, {@code define} {@code {id, success[, error]}}, {@code evaluate}
 * {@code {id, success, output, timings}} or {@code {id, success: false, error}}, and everything
 * else {@code {id}}. A malformed message gets {@code success: false} and an error, and an
 * unreadable one is answered with {@code id: null}.
 */
public final class Protocol {
  static final String TOOL = "adjoint";

  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<String, Eval> evals;
  private final PrintStream log;
  private final Warmup warmup = new Warmup();

  public Protocol(PrintStream log) {
    this(Evals.all(), log);
  }

  Protocol(Map<String, Eval> evals, PrintStream log) {
    this.evals = evals;
    this.log = log;
  }

  /** Answers one line of input; never throws. */
  public String handleLine(String line) {
    JsonNode message;
    try {
      message = mapper.readTree(line);
    } catch (JsonProcessingException e) {
      return serialize(failure(null, "invalid JSON: " + e.getOriginalMessage()));
    }
    if (message == null || message.isMissingNode()) {
      return serialize(failure(null, "empty message"));
    }
    ObjectNode response;
    try {
      response = handle(message);
    } catch (RuntimeException | Error e) {
      e.printStackTrace(log);
      JsonNode id = message.get("id");
      response = failure(id != null && id.isIntegralNumber() ? id : null, "internal error: " + e);
    }
    return serialize(response);
  }

  /** The response to one parsed message. */
  public ObjectNode handle(JsonNode message) {
    if (!message.isObject()) {
      return failure(null, "a message must be a JSON object");
    }
    JsonNode id = message.get("id");
    if (id == null || !id.isIntegralNumber()) {
      return failure(id, "a message needs an integer \"id\"");
    }
    JsonNode kind = message.get("kind");
    if (kind == null || !kind.isTextual()) {
      return failure(id, "a message needs a string \"kind\"");
    }
    return switch (kind.textValue()) {
      case "start" -> start(id);
      case "define" -> define(id, message);
      case "evaluate" -> evaluate(id, message);
      case "analysis" -> analysis(id, message);
      default -> reply(id);
    };
  }

  private ObjectNode start(JsonNode id) {
    ObjectNode response = reply(id).put("tool", TOOL);
    response.putObject("config")
        .put("java", System.getProperty("java.version"))
        .put("vm", System.getProperty("java.vm.name"));
    return response;
  }

  private ObjectNode define(JsonNode id, JsonNode message) {
    JsonNode module = message.get("module");
    if (module == null || !module.isTextual()) {
      return failure(id, "define needs a string \"module\"");
    }
    Eval eval = evals.get(module.textValue());
    if (eval == null) {
      return failure(id, "unknown module \"" + module.textValue() + "\"");
    }
    if (!eval.supported()) {
      return failure(id, eval.unsupportedReason());
    }
    return reply(id).put("success", true);
  }

  private ObjectNode evaluate(JsonNode id, JsonNode message) {
    JsonNode module = message.get("module");
    JsonNode function = message.get("function");
    JsonNode input = message.get("input");
    if (module == null || !module.isTextual() || function == null || !function.isTextual()) {
      return failure(id, "evaluate needs string \"module\" and \"function\" fields");
    }
    if (input == null) {
      return failure(id, "evaluate needs an \"input\"");
    }
    Eval eval = evals.get(module.textValue());
    if (eval == null || !eval.supported()) {
      return failure(id, "module \"" + module.textValue() + "\" is not defined by this tool");
    }
    EvalFunction<?, ?> fn = eval.functions().get(function.textValue());
    if (fn == null) {
      return failure(id, "module \"" + module.textValue() + "\" has no function \""
          + function.textValue() + "\"; it has " + eval.functions().keySet());
    }
    try {
      Runs runs = Runs.of(input);
      Evaluation result = Evaluation.run(fn, input, runs.minRuns(), runs.minSeconds(), warmup);
      ObjectNode response = reply(id).put("success", true);
      // Serialised straight from the arrays when the response is written.
      response.putPOJO("output", result.output());
      ArrayNode timings = response.putArray("timings");
      if (result.warmupNanoseconds() >= 0) {
        timings.addObject().put("name", "warmup").put("nanoseconds", result.warmupNanoseconds());
      }
      for (long nanoseconds : result.nanoseconds()) {
        timings.addObject().put("name", "evaluate").put("nanoseconds", nanoseconds);
      }
      return response;
    } catch (InputException e) {
      return failure(id, "invalid input: " + e.getMessage());
    } catch (RuntimeException | Error e) {
      e.printStackTrace(log);
      return failure(id, "evaluation failed: " + e + "\n" + firstFrames(e));
    }
  }

  private ObjectNode analysis(JsonNode id, JsonNode message) {
    JsonNode valid = message.get("valid");
    if (valid != null && valid.isBoolean() && !valid.booleanValue()) {
      JsonNode error = message.get("error");
      log.println("[adjoint] evaluation " + message.get("of") + " was judged invalid"
          + (error != null && error.isTextual() ? ":\n" + error.textValue() : ""));
    }
    return reply(id);
  }

  private String serialize(ObjectNode response) {
    try {
      return mapper.writeValueAsString(response);
    } catch (JsonProcessingException | RuntimeException e) {
      e.printStackTrace(log);
      return serialize(failure(response.get("id"), "could not write the response: " + e));
    }
  }

  private ObjectNode reply(JsonNode id) {
    ObjectNode response = mapper.createObjectNode();
    response.set("id", id == null ? mapper.nullNode() : id);
    return response;
  }

  private ObjectNode failure(JsonNode id, String error) {
    return reply(id).put("success", false).put("error", error);
  }

  private static String firstFrames(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    String[] lines = trace.toString().split("\n");
    List<String> kept = new ArrayList<>();
    for (int i = 1; i < Math.min(lines.length, 9); i++) {
      kept.add(lines[i].strip());
    }
    return String.join("\n", kept);
  }

  /** {@code min_runs} and {@code min_seconds} from an input; the reference's defaults are 1 and 0. */
  record Runs(int minRuns, double minSeconds) {
    static Runs of(JsonNode input) {
      int minRuns = 1;
      double minSeconds = 0;
      if (input.isObject()) {
        JsonNode runs = input.get("min_runs");
        if (runs != null) {
          if (!runs.isIntegralNumber() || runs.asLong() < 1 || runs.asLong() > Integer.MAX_VALUE) {
            throw new InputException("input.min_runs: expected a positive integer, got " + runs);
          }
          minRuns = runs.asInt();
        }
        JsonNode seconds = input.get("min_seconds");
        if (seconds != null) {
          if (!seconds.isNumber() || !(seconds.asDouble() >= 0)) {
            throw new InputException("input.min_seconds: expected a non-negative number, got " + seconds);
          }
          minSeconds = seconds.asDouble();
        }
      }
      return new Runs(minRuns, minSeconds);
    }
  }
}
