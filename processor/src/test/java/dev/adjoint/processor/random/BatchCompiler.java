package dev.adjoint.processor.random;

import dev.adjoint.processor.AdjointProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated programs through the processor in this JVM, many classes per javac run. A
 * run with errors produces no classes, so the programs it blames are set aside and the rest are
 * compiled again.
 */
final class BatchCompiler {
  /** A compiled program's classes, or why it has none. */
  record Result(Program program, Outcome failure, String detail, ClassLoader loader, Path generated) {
    boolean compiled() {
      return failure == null;
    }
  }

  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
  private final Path work;
  private final List<String> processorOptions;
  private int runs;

  /** Where {@code rndlib.Library}'s classes are: a differentiable library compiled earlier. */
  private final Path library;

  /** @param processorOptions options for the processor, e.g. {@code -Aadjoint.disable=all} */
  BatchCompiler(Path work, List<String> processorOptions) {
    this.work = work;
    this.processorOptions = List.copyOf(processorOptions);
    this.library = work.resolve("library");
    List<JavaFileObject> sources = List.of(new Source("Library", LIBRARY));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try {
      Files.createDirectories(library);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JavaCompiler.CompilationTask task = JAVAC.getTask(null, JAVAC.getStandardFileManager(diagnostics, Locale.ROOT, null),
        diagnostics, withProcessorOptions(List.of("-d", library.toString(), "-s", library.toString(), "-classpath",
            System.getProperty("java.class.path"))), null, sources);
    task.setProcessors(List.of(new AdjointProcessor()));
    if (!task.call()) {
      throw new IllegalStateException("the library does not compile: " + diagnostics.getDiagnostics());
    }
  }

  /** Differentiable methods in a class compiled before the programs that call them. */
  private static final String LIBRARY = String.join("\n",
      "package rndlib;",
      "import dev.adjoint.annotations.CustomRule;",
      "import dev.adjoint.annotations.Differentiable;",
      "public class Library {",
      "  // overloads a program cannot rename, each differentiated by its own rule",
      "  public static double soft(double u) { return Math.log1p(Math.exp(u)); }",
      "  public static double soft(double u, double k) { return Math.log1p(Math.exp(u * (1 + k * k))); }",
      "  @CustomRule(of = \"soft\") public static double softPullback(double u, double dy) {",
      "    return dy / (1 + Math.exp(-u));",
      "  }",
      "  @CustomRule(of = \"soft\") public static double[] softPullback(double u, double k, double dy) {",
      "    double s = dy / (1 + Math.exp(-u * (1 + k * k)));",
      "    return new double[] {s * (1 + k * k), s * u * 2 * k};",
      "  }",
      "  @Differentiable public static double bump(double u, double v) { return u * Math.exp(-v * v) + Math.sin(u * v); }",
      "  @Differentiable public static double total(double[] z, double c) {",
      "    double s = 0;",
      "    for (int i = 0; i < z.length; i++) s += Math.sin(z[i]) * c;",
      "    return s;",
      "  }",
      "  @Differentiable public static void smooth(double[] z, double c) {",
      "    for (int i = 1; i < z.length; i++) z[i] = z[i] + c * Math.tanh(z[i - 1]);",
      "  }",
      "  @Differentiable public static double spread(double[] z, double c) {",
      "    double m = z[0];",
      "    for (int i = 1; i < z.length; i++) m = Math.max(m, z[i] * c);",
      "    z[0] = m;",
      "    return m;",
      "  }",
      "}");

  List<Result> compile(List<Program> programs) {
    Map<String, Result> results = new LinkedHashMap<>();
    List<Program> pending = new ArrayList<>(programs);
    while (!pending.isEmpty()) {
      Path dir = work.resolve("run" + runs++);
      Map<String, Result> failed = run(pending, dir);
      if (failed.isEmpty()) {
        ClassLoader loader = loader(dir, library);
        for (Program p : pending) {
          results.put(p.name(), new Result(p, null, "", loader, dir.resolve("generated")));
        }
        break;
      }
      results.putAll(failed);
      pending.removeIf(p -> failed.containsKey(p.name()));
    }
    List<Result> ordered = new ArrayList<>();
    for (Program p : programs) {
      ordered.add(results.get(p.name()));
    }
    return ordered;
  }

  /** Compiles; returns the programs that failed, or none if all compiled. */
  private Map<String, Result> run(List<Program> programs, Path dir) {
    Map<String, Result> failed = new HashMap<>();
    try {
      Files.createDirectories(dir.resolve("classes"));
      Files.createDirectories(dir.resolve("generated"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<JavaFileObject> sources = new ArrayList<>();
    for (Program p : programs) {
      sources.add(new Source(p.name(), p.source()));
      sources.add(new Source(p.twinName(), p.twinSource()));
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager files = JAVAC.getStandardFileManager(diagnostics, Locale.ROOT, null);
    List<String> options = withProcessorOptions(List.of("-d", dir.resolve("classes").toString(), "-s",
        dir.resolve("generated").toString(), "-classpath",
        System.getProperty("java.class.path") + java.io.File.pathSeparator + library, "-implicit:class",
        "-Xlint:none", "-nowarn"));
    JavaCompiler.CompilationTask task = JAVAC.getTask(null, files, diagnostics, options, null, sources);
    task.setProcessors(List.of(new AdjointProcessor()));
    boolean ok;
    try {
      ok = task.call();
    } catch (RuntimeException | Error crash) {
      // a crash spoils the whole run: blame the programs one at a time
      if (programs.size() > 1) {
        for (Program p : programs) {
          Map<String, Result> alone = run(List.of(p), dir.resolveSibling(dir.getFileName() + "-" + p.name()));
          failed.putAll(alone.isEmpty() ? Map.of() : alone);
        }
        if (failed.isEmpty()) {
          throw new IllegalStateException("javac crashed on a batch but on none of its programs alone", crash);
        }
        return failed;
      }
      failed.put(programs.get(0).name(), new Result(programs.get(0), Outcome.JAVAC_CRASH, stack(crash), null, dir));
      return failed;
    }
    if (ok) {
      return failed;
    }
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      String where = d.getSource() == null ? "" : d.getSource().getName();
      String message = d.getMessage(Locale.ROOT);
      for (Program p : programs) {
        boolean adjoint = where.endsWith("/" + p.name() + "Adjoint.java")
            || where.contains("/" + p.name() + "_") && where.endsWith("Adjoint.java");
        boolean user = where.endsWith("/" + p.name() + ".java") || where.endsWith("/" + p.twinName() + ".java");
        if (!adjoint && !user) {
          continue;
        }
        Outcome o = adjoint ? Outcome.ADJOINT_UNCOMPILABLE
            : message.contains("[Adjoint:") ? Outcome.REJECTED : Outcome.INVALID_SOURCE;
        String detail = "line " + d.getLineNumber() + ": " + message;
        // invalid source explains everything after it; otherwise the first error is the cause
        failed.merge(p.name(), new Result(p, o, detail, null, dir.resolve("generated")),
            (old, neu) -> neu.failure() == Outcome.INVALID_SOURCE && old.failure() != Outcome.INVALID_SOURCE ? neu : old);
      }
    }
    if (failed.isEmpty()) {
      throw new IllegalStateException("javac failed without blaming a program: " + diagnostics.getDiagnostics());
    }
    blameInvalidSources(failed, dir);
    return failed;
  }

  /**
   * Javac stops after a processor's errors, before it would report the user's own (a missing
   * return, say), so the failures are compiled once more without the processor: a program with
   * errors of its own is invalid, whatever the processor did with it.
   */
  private void blameInvalidSources(Map<String, Result> failed, Path dir) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (Result r : failed.values()) {
      if (r.failure() != Outcome.INVALID_SOURCE) {
        sources.add(new Source(r.program().name(), r.program().source()));
      }
    }
    if (sources.isEmpty()) {
      return;
    }
    Path classes = dir.resolve("plain");
    try {
      Files.createDirectories(classes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager files = JAVAC.getStandardFileManager(diagnostics, Locale.ROOT, null);
    // flow errors (a missing return) too, even in a run where another program fails attribution
    List<String> options = List.of("-proc:none", "-XDshould-stop.ifError=FLOW", "-d", classes.toString(), "-classpath",
        System.getProperty("java.class.path") + java.io.File.pathSeparator + library, "-Xlint:none", "-nowarn");
    JAVAC.getTask(null, files, diagnostics, options, null, sources).call();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
        String where = d.getSource().getName();
        for (Result r : List.copyOf(failed.values())) {
          if (where.endsWith("/" + r.program().name() + ".java") && r.failure() != Outcome.INVALID_SOURCE) {
            failed.put(r.program().name(), new Result(r.program(), Outcome.INVALID_SOURCE,
                "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT), null, r.generated()));
          }
        }
      }
    }
  }

  private static ClassLoader loader(Path dir, Path library) {
    try {
      return new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL(), library.toUri().toURL()},
          BatchCompiler.class.getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String stack(Throwable t) {
    StringBuilder out = new StringBuilder(t.toString());
    StackTraceElement[] frames = t.getStackTrace();
    for (int i = 0; i < Math.min(12, frames.length); i++) {
      out.append("\n    at ").append(frames[i]);
    }
    return out.toString();
  }

  /** A program's source held in memory. */
  private List<String> withProcessorOptions(List<String> options) {
    List<String> all = new ArrayList<>(options);
    all.addAll(processorOptions);
    return all;
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String name, String text) {
      super(Path.of(name + ".java").toAbsolutePath().toUri(), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
