package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Builds test sources and compiles them with the processor, as javac does for a user. */
final class Sources {
  /** Marks the line an error is expected on. */
  static final String HERE = "// <- error";

  private Sources() {}

  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  /** A class {@code test.Bad} whose body is the given lines, with the usual imports. */
  static JavaFileObject bad(String... body) {
    List<String> lines = new ArrayList<>();
    lines.add("package test;");
    lines.add("import dev.adjoint.annotations.*;");
    lines.add("class Bad {");
    lines.addAll(List.of(body));
    lines.add("}");
    return JavaFileObjects.forSourceLines("test.Bad", lines.toArray(new String[0]));
  }

  /** The 1-based line of the marker in a source built by {@link #bad}. */
  static long markedLine(String... body) {
    for (int i = 0; i < body.length; i++) {
      if (body[i].contains(HERE)) {
        return i + 4;
      }
    }
    throw new IllegalArgumentException("no marker");
  }

  /** The 1-based column where {@code at} starts on the marked line of a source built by {@link #bad}. */
  static long markedColumn(String at, String... body) {
    String line = body[(int) markedLine(body) - 4];
    int i = line.indexOf(at);
    if (i < 0 || line.indexOf(at, i + 1) >= 0) {
      throw new IllegalArgumentException("'" + at + "' must occur once on the marked line: " + line);
    }
    return i + 1;
  }

  /**
   * Compiles {@link #bad}(body) and checks it fails with exactly one error, the expected one, at
   * the marked line and at the column where {@code at} starts: nothing from javac, from generated
   * code, or internal.
   */
  static void assertRejected(String message, String at, String... body) {
    Compilation compilation = compile(bad(body));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(bad(body))
        .onLine(markedLine(body)).atColumn(markedColumn(at, body));
    assertThat(compilation).hadErrorCount(1);
  }

  static Compilation compile(JavaFileObject... files) {
    return javac().withProcessors(new AdjointProcessor()).compile(files);
  }

  static Compilation compile(List<String> options, JavaFileObject... files) {
    return javac().withProcessors(new AdjointProcessor()).withOptions(options).compile(files);
  }
}
