package dev.adjoint.benchmarks.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.benchmarks.gradbench.evals.Eval;
import dev.adjoint.benchmarks.gradbench.evals.Evals;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function of every supported eval, checked against golden outputs of GradBench's reference
 * tool with GradBench's own comparison, through the protocol exactly as an eval would send them.
 */
class GoldenFixturesTest {
  static Stream<Path> fixtures() {
    List<Path> all = new ArrayList<>();
    for (String eval : Evals.all().keySet()) {
      Path dir = root().resolve(eval);
      if (Files.isDirectory(dir)) {
        all.addAll(GoldenFile.list(dir));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void outputMatchesTheReferenceTool(Path fixture) {
    GoldenFile golden = GoldenFile.read(fixture);
    Validator validator = new Validator(new Protocol(quiet()), 2, 0);
    assertNull(validator.define(golden.eval()));

    Validator.Check check = validator.check(golden);

    assertTrue(check.passed(), () -> fixture.getFileName() + ": " + check.problem());
    int runs = golden.input().isObject() ? 2 : 1;
    assertEquals(runs, check.nanoseconds().length, "one timing per run, min_runs honoured");
  }

  @Test
  void everyFunctionOfEverySupportedEvalHasAFixture() {
    Set<String> covered = new TreeSet<>();
    fixtures().map(GoldenFile::read).forEach(g -> covered.add(g.eval() + "::" + g.function()));
    Set<String> expected = new TreeSet<>();
    for (Map.Entry<String, Eval> eval : Evals.all().entrySet()) {
      eval.getValue().functions().keySet().forEach(f -> expected.add(eval.getKey() + "::" + f));
    }
    assertEquals(expected, covered);
    assertEquals(12, Evals.all().values().stream().filter(Eval::supported).count());
    assertEquals(12, Evals.all().size());
  }

  private static Path root() {
    try {
      return Path.of(GoldenFixturesTest.class.getResource("/golden").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream());
  }
}
