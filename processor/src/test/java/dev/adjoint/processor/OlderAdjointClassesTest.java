package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A caller compiled against an adjoint class from another build, as a user's project sees a
 * dependency: a vector pushforward in an older Adjoint's layout (an array's tangents one array per
 * direction) is not called, and the caller keeps its scalar tangent; one in today's layout is.
 */
class OlderAdjointClassesTest {
  private static final String LIB = String.join("\n",
      "package lib;",
      "import dev.adjoint.annotations.Differentiable;",
      "public class Lib {",
      "  @Differentiable public static double energy(double[] a) {",
      "    double s = 0;",
      "    for (int i = 0; i < a.length; i++) s += a[i] * a[i];",
      "    return s;",
      "  }",
      "  @Differentiable public static double[] pair(double x) {",
      "    return new double[] {x, x * x};",
      "  }",
      "}");

  /**
   * The adjoint class another build wrote: its vector pushforwards in the older layout (tangents of
   * an array one array per direction, for arguments and results) or in today's.
   */
  private static String libAdjoint(boolean older) {
    String arrayDots = older ? "double[][]" : "double[]";
    return String.join("\n",
        "package lib;",
        "public final class LibAdjoint {",
        "  public static void energyPullbackInto(double[] a, double dy, double[] aBar) {",
        "    for (int i = 0; i < a.length; i++) aBar[i] += 2 * a[i] * dy;",
        "  }",
        "  public static double energyPushforwardInto(double[] a, double[] aDot, double[] valueOut) {",
        "    double s = 0, t = 0;",
        "    for (int i = 0; i < a.length; i++) { s += a[i] * a[i]; t += 2 * a[i] * aDot[i]; }",
        "    if (valueOut != null) valueOut[0] = s;",
        "    return t;",
        "  }",
        "  public static double[] energyPushforwardsInto(double[] a, int directions, " + arrayDots + " aDots,",
        "      double[] valueOut) {",
        "    return new double[directions];",
        "  }",
        "  public static double pairPullbackInto(double x, double[] dy) {",
        "    return dy[0] + 2 * x * dy[1];",
        "  }",
        "  public static double[] pairPushforwardInto(double x, double xDot, double[][] valueOut) {",
        "    if (valueOut != null) valueOut[0] = new double[] {x, x * x};",
        "    return new double[] {xDot, 2 * x * xDot};",
        "  }",
        "  public static " + arrayDots + " pairPushforwardsInto(double x, int directions, double[] xDots,",
        "      double[][] valueOut) {",
        "    return null;",
        "  }",
        "}");
  }

  private static final String APP = String.join("\n",
      "package app;",
      "import dev.adjoint.annotations.Differentiable;",
      "public class App {",
      "  @Differentiable public static double twice(double[] x) {",
      "    return 2 * lib.Lib.energy(x);",
      "  }",
      "  @Differentiable public static double second(double x) {",
      "    return lib.Lib.pair(x)[1];",
      "  }",
      "}");

  @Test
  void aVectorPushforwardInTheOlderLayoutIsNotCalled() throws IOException {
    String adjoint = compileAgainst(libAdjoint(true));
    assertTrue(adjoint.contains("LibAdjoint.energyPushforwardInto("), "the scalar tangent calls it:\n" + adjoint);
    assertTrue(adjoint.contains("LibAdjoint.pairPushforwardInto("), adjoint);
    assertFalse(adjoint.contains("energyPushforwardsInto(") || adjoint.contains("pairPushforwardsInto("),
        "no call in today's layout:\n" + adjoint);
    assertFalse(adjoint.contains("twiceTangents(") || adjoint.contains("secondTangents("), adjoint);
  }

  @Test
  void aVectorPushforwardInTodaysLayoutIsCalled() throws IOException {
    String adjoint = compileAgainst(libAdjoint(false));
    assertTrue(adjoint.contains("LibAdjoint.energyPushforwardsInto(") && adjoint.contains("LibAdjoint.pairPushforwardsInto("),
        adjoint);
    assertTrue(adjoint.contains("twiceTangents(") && adjoint.contains("secondTangents("), adjoint);
  }

  /** Compiles the library without the processor (as another build would have), then the app against its classes. */
  private static String compileAgainst(String libAdjointSource) throws IOException {
    Compilation lib = Compiler.javac().compile(Sources.source("lib.Lib", LIB),
        Sources.source("lib.LibAdjoint", libAdjointSource));
    assertThat(lib).succeeded();
    List<java.io.File> classpath = CompiledClasses.classpathWith(lib, "lib");
    Compilation app = Compiler.javac().withProcessors(new AdjointProcessor()).withClasspath(classpath)
        .compile(Sources.source("app.App", APP));
    assertThat(app).succeededWithoutWarnings();
    return app.generatedSourceFile("app.AppAdjoint").orElseThrow().getCharContent(true).toString();
  }
}
