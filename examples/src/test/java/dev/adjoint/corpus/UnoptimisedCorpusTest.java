package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.processor.AdjointProcessor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The whole corpus again, with every optimisation of the processor off
 * ({@code -Aadjoint.disable=all}): the textbook adjoint, which records every value it overwrites,
 * must pass the same tests. An optimisation bug then shows as a test that passes in one mode and
 * fails in the other. The corpus sources are compiled in this JVM into a temporary directory, and
 * their tests run through the JUnit launcher from a class loader that sees those classes first.
 *
 * <p>Strong zeros are the one optimisation that changes values (0 rather than NaN where a dead
 * adjoint meets an infinite partial derivative), so the tests of that behaviour, tagged
 * {@value #STRONG_ZEROS}, are left out of this run.
 */
class UnoptimisedCorpusTest {
  /** The tag of tests that check strong zeros, which this run turns off. */
  static final String STRONG_ZEROS = "strongZeros";

  private static final Path CORPUS = Path.of("src/test/java/dev/adjoint/corpus");

  @Test
  void theCorpusPassesWithEveryOptimisationOff() throws Exception {
    Path classes = Files.createTempDirectory("unoptimised-corpus");
    List<Path> sources;
    try (Stream<Path> files = Files.list(CORPUS)) {
      // this class too, for the constants the corpus tests name: the class path leaves out test-classes
      sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    compile(sources, classes);
    List<String> testClasses = new ArrayList<>();
    for (Path f : sources) {
      String name = f.getFileName().toString().replace(".java", "");
      if (name.endsWith("Test") && !name.equals("UnoptimisedCorpusTest")) {
        testClasses.add("dev.adjoint.corpus." + name);
      }
    }

    try (URLClassLoader loader = new CorpusFirst(classes, getClass().getClassLoader())) {
      Set<String> passedIn = new TreeSet<>();
      TestExecutionSummary summary = run(loader, testClasses, passedIn);
      StringWriter failures = new StringWriter();
      summary.printFailuresTo(new PrintWriter(failures), 20);
      assertEquals(0, summary.getTotalFailureCount(), "unoptimised corpus failures:\n" + failures);
      // every corpus test class ran, from the unoptimised build, and passed tests
      assertEquals(new TreeSet<>(testClasses), passedIn, "test classes with passing tests");
      assertTrue(summary.getTestsSucceededCount() >= 100, "tests run: " + summary.getTestsSucceededCount());
      for (String name : testClasses) {
        assertTrue(loader.loadClass(name).getClassLoader() == loader, name + " was loaded from the unoptimised build");
      }
    }
  }

  /**
   * The class path without the optimised build's test classes: javac 17 crashes (NullPointerException
   * at "rc.accessor") when a processor generates a record whose class file from an earlier build is
   * also on the class path and source code calls the record's accessors; javac 25 does not.
   */
  private static String withoutTestClasses(String classPath) {
    return String.join(java.io.File.pathSeparator, java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith("test-classes")).toList());
  }

  private static void compile(List<Path> sources, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      Path generated = Files.createDirectories(classes.resolve("generated-sources"));
      List<String> options = List.of("-d", classes.toString(), "-s", generated.toString(),
          "-classpath", withoutTestClasses(System.getProperty("java.class.path")), "-Aadjoint.disable=all", "-nowarn",
          "-parameters");
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(new AdjointProcessor()));
      if (!task.call()) {
        throw new AssertionError("the corpus does not compile unoptimised: " + diagnostics.getDiagnostics());
      }
    }
  }

  private static TestExecutionSummary run(ClassLoader loader, List<String> testClasses, Set<String> passedIn)
      throws Exception {
    List<org.junit.platform.engine.DiscoverySelector> selectors = new ArrayList<>();
    for (String name : testClasses) {
      selectors.add(DiscoverySelectors.selectClass(loader.loadClass(name)));
    }
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors)
        .filters(TagFilter.excludeTags(STRONG_ZEROS)).build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    TestExecutionListener classes = new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
            && test.getSource().orElse(null) instanceof MethodSource m) {
          passedIn.add(m.getClassName());
        }
      }
    };
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      launcher.execute(request, listener, classes);
    } finally {
      thread.setContextClassLoader(previous);
    }
    return listener.getSummary();
  }

  /** Loads the corpus package from the unoptimised build first, everything else as usual. */
  private static final class CorpusFirst extends URLClassLoader {
    CorpusFirst(Path classes, ClassLoader parent) throws IOException {
      super(new URL[] {classes.toUri().toURL()}, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("dev.adjoint.corpus.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = findClass(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
