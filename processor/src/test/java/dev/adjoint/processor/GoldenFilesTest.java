package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One small golden file per family of constructs, so a change to the generated code shows in the
 * review as a diff of the family it touches. The inputs are {@code goldens/families/*.java}; the
 * expected adjoints sit beside them as {@code *Adjoint.java.txt}.
 */
class GoldenFilesTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Loops", "EarlyExit", "ArraysAndSwaps", "Calls", "Rules", "RunningExtrema", "RecordBlocks",
      "Fields", "CheckpointedLoops"})
  void familyMatchesItsGoldenFile(String family) throws IOException {
    Path dir = Goldens.root().resolve("families");
    String source = Files.readString(dir.resolve(family + ".java"), StandardCharsets.UTF_8);
    Compilation c = Sources.compile(JavaFileObjects.forSourceString("golden." + family, source));
    assertThat(c).succeededWithoutWarnings();
    String generated = c.generatedSourceFile("golden." + family + "Adjoint").orElseThrow()
        .getCharContent(true).toString();
    Goldens.assertMatches(dir.resolve(family + "Adjoint.java.txt"), generated);
  }
}
