package dev.adjoint.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * This module takes the processor only through maven-compiler-plugin's annotationProcessorPaths,
 * as a user's build does. These tests check that javac ran it for both compilations: the adjoint
 * sources exist where Maven puts generated sources, carry the {@code @Generated} marker, and were
 * compiled.
 */
class GeneratedSourcesTest {
  private static final String PROCESSOR = "dev.adjoint.processor.AdjointProcessor";

  /** {@code @Generated("...")}, {@code @Generated(value = "...")} or fully qualified. */
  private static final Pattern GENERATED = Pattern.compile(
      "@(javax\\.annotation\\.processing\\.)?Generated\\(\\s*(value\\s*=\\s*)?\\{?\\s*\""
          + Pattern.quote(PROCESSOR) + "\"");

  private static final Path TARGET = Paths.get(System.getProperty("basedir", ".")).resolve("target");

  @Test
  void mainCompilationGeneratedTheExampleAdjoints() throws IOException {
    Path dir = TARGET.resolve("generated-sources/annotations/dev/adjoint/examples");
    assertGenerated(dir, Set.of("NumericalIntegrationAdjoint", "CosSquaredAdjoint", "NumericalIntegrationAdjointAdjoint",
        "CosSquaredAdjointAdjoint"), "dev.adjoint.examples");
  }

  @Test
  void testCompilationGeneratedTheCorpusAdjoints() throws IOException {
    Path dir = TARGET.resolve("generated-test-sources/test-annotations/dev/adjoint/corpus");
    assertGenerated(dir, Set.of("ScalarMathAdjoint", "LoopsAdjoint", "ControlFlowAdjoint", "Arrays1DAdjoint",
        "Arrays2DAdjoint", "InPlaceAdjoint", "InPlace_StencilAdjoint", "CallsAdjoint", "FloatsAdjoint",
        "InstanceAdjoint", "RecursionAdjoint", "RulesAdjoint", "RunningExtremaAdjoint", "JdkArraysAdjoint", "PrivateFieldsAdjoint", "ModelParamsAdjoint",
        "InheritedParamsAdjoint", "InheritedParamsBaseAdjoint", "RecordModelAdjoint", "FloatModelAdjoint",
        "CheckpointingAdjoint", "CheckpointedWhileLoopsAdjoint", "PolynomialsAdjoint", "NestedAdjoint", "JacobiansAdjoint", "JacobiansAdjointAdjoint",
        // the second-order classes a later round writes from the adjoint classes' pushforwards
        "Arrays1DAdjointAdjoint", "Arrays2DAdjointAdjoint", "CallsAdjointAdjoint", "CheckpointedWhileLoopsAdjointAdjoint",
        "CheckpointingAdjointAdjoint", "ControlFlowAdjointAdjoint", "FloatsAdjointAdjoint", "InPlaceAdjointAdjoint",
        "InPlace_StencilAdjointAdjoint", "InheritedParamsAdjointAdjoint", "InstanceAdjointAdjoint",
        "JdkArraysAdjointAdjoint", "LoopsAdjointAdjoint", "ModelParamsAdjointAdjoint", "PolynomialsAdjointAdjoint",
        "PrivateFieldsAdjointAdjoint", "RecordModelAdjointAdjoint", "RecursionAdjointAdjoint", "NestedAdjointAdjoint",
        "RulesAdjointAdjoint", "FloatModelAdjointAdjoint", "InheritedParamsBaseAdjointAdjoint",
        "RunningExtremaAdjointAdjoint", "ScalarMathAdjointAdjoint"), "dev.adjoint.corpus");
  }

  private static void assertGenerated(Path dir, Set<String> expected, String pkg) throws IOException {
    assertTrue(Files.isDirectory(dir), () -> "no generated sources in " + dir.toAbsolutePath()
        + ": did javac run the processor from annotationProcessorPaths?");
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith("Adjoint.java"))
          .forEach(n -> found.add(n.substring(0, n.length() - ".java".length())));
    }
    assertEquals(new TreeSet<>(expected), found, "adjoint classes generated in " + dir);
    for (String name : expected) {
      Path file = dir.resolve(name + ".java");
      String src = Files.readString(file, StandardCharsets.UTF_8);
      assertTrue(src.startsWith("package " + pkg + ";") || src.contains("\npackage " + pkg + ";"),
          () -> file + " is not in package " + pkg);
      assertTrue(GENERATED.matcher(src).find(), () -> file + " lacks @Generated(\"" + PROCESSOR + "\")");
      if (!src.contains("@javax.annotation.processing.Generated")) {
        assertTrue(src.contains("import javax.annotation.processing.Generated;"),
            () -> file + " uses a @Generated other than javax.annotation.processing.Generated");
      }
      assertFalse(Pattern.compile("Generated\\([^)]*date\\s*=").matcher(src).find(),
          () -> file + ": @Generated must carry no date, so output is deterministic");
      assertTrue(src.contains("class " + name), () -> file + " does not declare " + name);
      try {
        Class.forName(pkg + "." + name);
      } catch (ClassNotFoundException e) {
        throw new AssertionError(name + " was generated but not compiled", e);
      }
    }
  }
}
