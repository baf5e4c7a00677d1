package dev.adjoint.benchmarks.gradbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * One golden data file, {@code <eval>/<name>_<function>.json} (or {@code .json.gz}): an input as
 * the eval sends it, without {@code min_runs} and {@code min_seconds}, and the reference tool's
 * output.
 */
public record GoldenFile(
    Path path, String eval, String function, String description, JsonNode input, JsonNode output) {

  private static final Pattern DIGITS = Pattern.compile("\\d+|\\D+");

  public static GoldenFile read(Path path) {
    try (InputStream raw = Files.newInputStream(path);
        InputStream in = path.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      JsonNode json = new ObjectMapper().readTree(in);
      JsonNode description = json.get("description");
      return new GoldenFile(path, json.get("eval").textValue(), json.get("function").textValue(),
          description == null ? json.get("input").toString() : description.textValue(),
          json.get("input"), json.get("output"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** The golden files of one eval directory, smallest input first, primal before derivative. */
  public static List<Path> list(Path evalDir) {
    try (Stream<Path> files = Files.list(evalDir)) {
      List<Path> paths = new ArrayList<>(files
          .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".json.gz"))
          .toList());
      paths.sort(Comparator.comparing(p -> p.getFileName().toString(), GoldenFile::naturalOrder));
      return paths;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + evalDir, e);
    }
  }

  /** Compares numbers inside names by value, so that "n2500" comes before "n10000". */
  static int naturalOrder(String a, String b) {
    Matcher ma = DIGITS.matcher(a);
    Matcher mb = DIGITS.matcher(b);
    while (ma.find() && mb.find()) {
      String x = ma.group();
      String y = mb.group();
      int c = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))
          ? Long.compare(Long.parseLong(x), Long.parseLong(y))
          : x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return a.compareTo(b);
  }
}
