package dev.adjoint.processor.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The failures the random-program tester found, shrunk and kept in
 * {@code src/test/resources/random-regressions}: each must now pass every check of the tester.
 */
class RegressionsTest {

  @Test
  void everyKeptFailurePasses() throws IOException, URISyntaxException {
    Path dir = Path.of(getClass().getResource("/random-regressions").toURI());
    List<Program> programs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        programs.add(Program.parse(Files.readString(f)));
      }
    }
    assertTrue(programs.size() >= 7, "the issue's seven reductions are kept");
    List<String> failures = new ArrayList<>();
    try (Tester tester = new Tester(Files.createTempDirectory("random-regressions"))) {
      for (Tester.Report r : tester.check(programs)) {
        if (r.outcome() != Outcome.PASSED) {
          failures.add(r.program().name() + ": " + r.outcome() + " " + r.detail());
        }
      }
    }
    assertEquals(List.of(), failures);
  }
}
