package dev.adjoint.benchmarks.gradbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adjoint.benchmarks.gradbench.evals.Eval;
import dev.adjoint.benchmarks.gradbench.evals.Evals;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs golden files through the protocol, as GradBench would send them, and prints one row per
 * file: whether the output matches (GradBench's rule, {@link JsonComparison}), how many runs were
 * made, the first run's time, the steady-state time (the mean of the other runs), the mean of
 * all runs (what GradBench's scorer reports) and the warm-up's time, if there was one
 * ({@link Warmup}). Not a test: this is how the full validation and the
 * performance table are produced. Usage: {@code validate DIR [--evals a,b] [--min-runs N]
 * [--min-seconds S] [--markdown]}; DIR holds one directory per eval.
 */
public final class Validator {
  private final Protocol protocol;
  private final ObjectMapper mapper = new ObjectMapper();
  private final int minRuns;
  private final double minSeconds;
  private int nextId;

  /** The outcome of one golden file. */
  public record Check(
      GoldenFile golden, String error, List<String> mismatches, long[] nanoseconds, long warmupNanoseconds) {
    public boolean passed() {
      return error == null && mismatches.isEmpty();
    }

    /** A short reason for a failure. */
    public String problem() {
      if (error != null) {
        return error;
      }
      return mismatches.size() + " mismatches, first: " + mismatches.get(0);
    }
  }

  public Validator(Protocol protocol, int minRuns, double minSeconds) {
    this.protocol = protocol;
    this.minRuns = minRuns;
    this.minSeconds = minSeconds;
  }

  /** Sends {@code start}, as an eval does first. */
  public void start() {
    exchange(message("start"));
  }

  /** Sends {@code define} for one eval; the error if it is refused, or null. */
  public String define(String eval) {
    ObjectNode message = message("define").put("module", eval);
    JsonNode response = exchange(message);
    return response.path("success").asBoolean(false) ? null : response.path("error").asText("refused");
  }

  /** Evaluates one golden file through the protocol and compares the output with the golden one. */
  public Check check(GoldenFile golden) {
    ObjectNode message = message("evaluate")
        .put("module", golden.eval())
        .put("function", golden.function());
    JsonNode input = golden.input();
    if (input.isObject()) {
      input = ((ObjectNode) input.deepCopy()).put("min_runs", minRuns).put("min_seconds", minSeconds);
    }
    message.set("input", input);
    message.put("description", golden.description());
    JsonNode response = exchange(message);
    List<Long> runs = new ArrayList<>();
    long warmupNanoseconds = -1;
    for (JsonNode timing : response.path("timings")) {
      long nanoseconds = timing.path("nanoseconds").asLong();
      if (timing.path("name").asText().equals("warmup")) {
        warmupNanoseconds = nanoseconds;
      } else {
        runs.add(nanoseconds);
      }
    }
    long[] nanoseconds = runs.stream().mapToLong(Long::longValue).toArray();
    if (!response.path("success").asBoolean(false)) {
      return new Check(
          golden, response.path("error").asText("no success"), List.of(), nanoseconds, warmupNanoseconds);
    }
    return new Check(golden, null, JsonComparison.mismatches(golden.output(), response.get("output")),
        nanoseconds, warmupNanoseconds);
  }

  private ObjectNode message(String kind) {
    return mapper.createObjectNode().put("id", nextId++).put("kind", kind);
  }

  /** Goes through the protocol's text form, exactly as over standard input and output. */
  private JsonNode exchange(ObjectNode message) {
    try {
      return mapper.readTree(protocol.handleLine(mapper.writeValueAsString(message)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  static int run(String[] args, PrintStream out) {
    Path dir = null;
    List<String> only = null;
    int minRuns = 5;
    double minSeconds = 0.5;
    boolean markdown = false;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--evals" -> only = Arrays.asList(args[++i].split(","));
          case "--min-runs" -> minRuns = Integer.parseInt(args[++i]);
          case "--min-seconds" -> minSeconds = Double.parseDouble(args[++i]);
          case "--markdown" -> markdown = true;
          default -> {
            if (dir != null || args[i].startsWith("-")) {
              throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            dir = Path.of(args[i]);
          }
        }
      }
      if (dir == null || !Files.isDirectory(dir)) {
        throw new IllegalArgumentException("DIR must be a directory of golden files");
      }
    } catch (RuntimeException e) {
      System.err.print(e.getMessage() + "\n" + GradBenchTool.usage());
      return 2;
    }

    Validator validator = new Validator(new Protocol(System.err), minRuns, minSeconds);
    validator.start();
    Table table = new Table(out, markdown);
    int passed = 0;
    int failed = 0;
    int undefined = 0;
    for (Map.Entry<String, Eval> entry : Evals.all().entrySet()) {
      String name = entry.getKey();
      Path evalDir = dir.resolve(name);
      if ((only != null && !only.contains(name)) || !Files.isDirectory(evalDir)) {
        continue;
      }
      List<GoldenFile> goldens = new ArrayList<>();
      for (Path path : GoldenFile.list(evalDir)) {
        goldens.add(GoldenFile.read(path));
      }
      List<String> functions = new ArrayList<>(entry.getValue().functions().keySet());
      goldens.sort(Comparator.<GoldenFile, String>comparing(GoldenFile::description, GoldenFile::naturalOrder)
          .thenComparing(g -> functions.indexOf(g.function())));
      String refused = validator.define(name);
      if (refused != null) {
        table.undefined(name, goldens.size(), refused);
        undefined += goldens.size();
        continue;
      }
      for (GoldenFile golden : goldens) {
        Check check = validator.check(golden);
        table.row(check);
        if (check.passed()) {
          passed++;
        } else {
          failed++;
        }
      }
    }
    out.printf(Locale.ROOT, "%n%d passed, %d failed, %d not defined (min_runs=%d, min_seconds=%s)%n",
        passed, failed, undefined, minRuns, minSeconds);
    return failed == 0 ? 0 : 1;
  }

  /** Formats the rows, as plain text or as a Markdown table. */
  private static final class Table {
    private final PrintStream out;
    private final boolean markdown;

    Table(PrintStream out, boolean markdown) {
      this.out = out;
      this.markdown = markdown;
      cells("eval", "input", "function", "result", "runs", "first run", "steady state", "mean", "warm-up");
      if (markdown) {
        out.println("|---|---|---|---|---|---|---|---|---|");
      }
    }

    void row(Check check) {
      long[] t = check.nanoseconds();
      GoldenFile g = check.golden();
      String result = check.passed() ? "pass" : "FAIL";
      if (markdown && !check.passed()) {
        result += ": " + check.problem().replace("\n", " ").replace("|", "\\|");
      }
      cells(g.eval(), g.description(), g.function(), result,
          String.valueOf(t.length), t.length > 0 ? time(t[0]) : "-",
          t.length > 1 ? time(mean(t, 1)) : "-", t.length > 0 ? time(mean(t, 0)) : "-",
          check.warmupNanoseconds() >= 0 ? time(check.warmupNanoseconds()) : "-");
      if (!markdown && !check.passed()) {
        out.println("    " + check.problem().replace("\n", "\n    "));
      }
      out.flush();
    }

    void undefined(String eval, int files, String reason) {
      cells(eval, files + " files", "-", markdown ? "not defined: " + reason : "not defined",
          "-", "-", "-", "-", "-");
      if (!markdown) {
        out.println("    " + reason);
      }
    }

    private void cells(String... cells) {
      if (markdown) {
        out.println("| " + String.join(" | ", cells) + " |");
      } else {
        out.printf(Locale.ROOT, "%-7s %-28s %-10s %-11s %5s %11s %13s %11s %10s%n", (Object[]) cells);
      }
    }

    private static double mean(long[] t, int from) {
      double sum = 0;
      for (int i = from; i < t.length; i++) {
        sum += t[i];
      }
      return sum / (t.length - from);
    }

    /** Like TIMINGS.md: three significant figures in ns, µs, ms or s. */
    static String time(double nanoseconds) {
      String[] units = {"ns", "µs", "ms", "s"};
      double value = nanoseconds;
      int unit = 0;
      while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
      }
      String format = value >= 100 ? "%.0f %s" : "%.2f %s";
      return String.format(Locale.ROOT, format, value, units[unit]);
    }
  }
}
