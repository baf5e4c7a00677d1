package dev.adjoint.processor.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The random-program differential test. By default a fixed budget for CI; any number of programs
 * from any seeds with
 * {@code mvn -pl processor test -Dtest=RandomProgramsTest -Dadjoint.random.seeds=1-10 -Dadjoint.random.programs=500},
 * which prints a table by outcome and writes each failure, shrunk, to {@code
 * processor/target/random-programs/}. {@code -Dadjoint.random.disable=all} (or a list of
 * optimisation names) runs them with the processor's optimisations off.
 *
 * <p>CI also runs a smaller budget with every optimisation off: the unoptimised adjoint must be
 * right too, so an optimisation bug shows as a difference between the two runs.
 */
class RandomProgramsTest {

  @Test
  void randomProgramsCompileAndTheirGradientsAreRight() throws IOException {
    run(seeds(System.getProperty("adjoint.random.seeds", "1-4")), Integer.getInteger("adjoint.random.programs", 150),
        System.getProperty("adjoint.random.disable", ""), "random-programs");
  }

  @Test
  void withEveryOptimisationOffTheGradientsAreStillRight() throws IOException {
    run(seeds(System.getProperty("adjoint.random.unoptimisedSeeds", "5")),
        Integer.getInteger("adjoint.random.unoptimisedPrograms", 150), "all", "random-programs-unoptimised");
  }

  private static void run(List<Long> seeds, int perSeed, String disable, String name) throws IOException {
    long shrinkSeconds = Long.getLong("adjoint.random.shrinkSeconds", 30);
    Path out = Path.of(System.getProperty("adjoint.random.out", "target")).resolve(name);
    Files.createDirectories(out);
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    List<Tester.Report> failures = new ArrayList<>();
    int compared = 0;
    int skipped = 0;
    List<String> options = disable.isEmpty() ? List.of() : List.of("-Aadjoint.disable=" + disable);
    try (Tester tester = new Tester(Files.createTempDirectory(name), options)) {
      for (long seed : seeds) {
        for (Tester.Report r : tester.run(seed, 0, perSeed)) {
          counts.merge(r.outcome(), 1, Integer::sum);
          compared += r.compared();
          skipped += r.skipped();
          if (r.outcome().failed()) {
            failures.add(r);
          }
        }
      }
      StringBuilder table = new StringBuilder("\nrandom programs: seeds " + seeds + ", " + perSeed + " per seed"
          + (disable.isEmpty() ? "" : ", optimisations off: " + disable) + "\n");
      table.append(String.format("%-22s %7s%n", "outcome", "programs"));
      counts.forEach((o, n) -> table.append(String.format("%-22s %7d%n", o, n)));
      table.append(String.format("derivative components compared %d, skipped at kinks %d%n", compared, skipped));
      table.append(String.format("tangents (forward mode) checked %d%n", TangentCheck.TANGENTS_CHECKED.getAndSet(0)));
      System.out.println(table);
      Files.writeString(out.resolve("summary.txt"), table.toString());
      List<String> shrunk = new ArrayList<>();
      for (Tester.Report failure : failures) {
        // an invalid source is the generator's bug: its first error says what it is
        Tester.Report small = failure.outcome() == Outcome.INVALID_SOURCE ? failure
            : new Shrinker(tester, shrinkSeconds).shrink(failure);
        String text = small.program().asFile(failure.outcome() + ": " + small.detail())
            + "\n// before shrinking: " + failure.detail().replace("\n", "\n// ") + "\n/*\n"
            + failure.program().source() + "*/\n";
        Files.writeString(out.resolve(small.program().name() + ".java"), text);
        shrunk.add(text);
      }
      assertEquals(List.of(), shrunk, "failures, shrunk (also in " + out.toAbsolutePath() + ")");
    }
  }

  /** "1-3,7" to [1, 2, 3, 7]. */
  static List<Long> seeds(String spec) {
    List<Long> out = new ArrayList<>();
    for (String part : spec.split(",")) {
      String[] range = part.trim().split("-");
      long from = Long.parseLong(range[0]);
      long to = range.length > 1 ? Long.parseLong(range[1]) : from;
      for (long s = from; s <= to; s++) {
        out.add(s);
      }
    }
    return out;
  }
}
