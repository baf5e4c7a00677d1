package dev.adjoint.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares generated code with golden files under {@code src/test/resources/goldens}. A missing
 * golden fails the test; {@code -Dadjoint.regenerateGoldens=true} rewrites them after a
 * deliberate change to the generated code, for review in the diff.
 */
final class Goldens {
  static final String REGENERATE_PROPERTY = "adjoint.regenerateGoldens";

  private Goldens() {}

  static Path root() {
    return Path.of(System.getProperty("adjoint.goldens", "src/test/resources/goldens"));
  }

  static void assertMatches(Path golden, String generated) throws IOException {
    if (Boolean.getBoolean(REGENERATE_PROPERTY)) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, generated, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(golden)) {
      fail("no golden file " + golden + "; write it with -D" + REGENERATE_PROPERTY + "=true and review it");
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), generated,
        "generated code changed; if deliberate, rerun with -D" + REGENERATE_PROPERTY + "=true and review the diff");
  }
}
