package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated source itself: golden files for showcase methods, byte-identical output, the
 * public API's shape, and the verbose report. Behaviour (the gradients) is tested in the examples
 * module, which consumes the processor the way users do.
 */
class GeneratedCodeTest {
  static final JavaFileObject SHOWCASE = Sources.source("showcase.Showcase",
      "package showcase;",
      "import dev.adjoint.annotations.Differentiable;",
      "/** Readable examples whose adjoints are kept as golden files. */",
      "public class Showcase {",
      "  /** A dot product: the loop only accumulates, so the adjoint records nothing per iteration. */",
      "  @Differentiable",
      "  public static double dot(double[] a, double[] b) {",
      "    double s = 0;",
      "    for (int i = 0; i < a.length; i++) {",
      "      s += a[i] * b[i];",
      "    }",
      "    return s;",
      "  }",
      "",
      "  /** A 1-D wave equation with two time levels swapped by reference. */",
      "  @Differentiable",
      "  public static double wave(double[] u0, double c, int steps) {",
      "    int n = u0.length;",
      "    double[] u = u0.clone();",
      "    double[] prev = u0.clone();",
      "    double[] next = new double[n];",
      "    for (int t = 0; t < steps; t++) {",
      "      for (int i = 1; i < n - 1; i++) {",
      "        next[i] = 2 * u[i] - prev[i] + c * (u[i - 1] - 2 * u[i] + u[i + 1]);",
      "      }",
      "      double[] tmp = prev;",
      "      prev = u;",
      "      u = next;",
      "      next = tmp;",
      "    }",
      "    double energy = 0;",
      "    for (double v : u) {",
      "      energy += v * v;",
      "    }",
      "    return energy;",
      "  }",
      "",
      "  /** Early return from inside a loop, and a call of another differentiable method. */",
      "  @Differentiable",
      "  public static double firstLarge(double[] a, double x) {",
      "    for (int i = 0; i < a.length; i++) {",
      "      if (a[i] * x > 1) {",
      "        return Math.sin(a[i] * x) + dot(a, a);",
      "      }",
      "    }",
      "    return x * x;",
      "  }",
      "",
      "  /** A running minimum: the tape holds which argument each Math.min returned, not the values. */",
      "  @Differentiable",
      "  public static double nearest(double[] x, double c) {",
      "    double best = (x[0] - c) * (x[0] - c);",
      "    for (int i = 1; i < x.length; i++) {",
      "      best = Math.min(best, (x[i] - c) * (x[i] - c));",
      "    }",
      "    return best;",
      "  }",
      "",
      "  /** A work array filled whole, then read, in every iteration: saved as one block per iteration. */",
      "  @Differentiable",
      "  public static double sweeps(double[] x, int count) {",
      "    double[] w = new double[x.length];",
      "    double s = 0;",
      "    for (int t = 0; t < count; t++) {",
      "      for (int i = 0; i < w.length; i++) {",
      "        w[i] = Math.sin(x[i] * (t + 1));",
      "      }",
      "      for (int i = 0; i < w.length; i++) {",
      "        s += w[i] * w[i];",
      "      }",
      "    }",
      "    return s;",
      "  }",
      "",
      "  /** exp's value is recorded where the loop computes it, not computed again in the reverse sweep. */",
      "  @Differentiable",
      "  public static double softplusSum(double[] x) {",
      "    double s = 0;",
      "    for (int i = 0; i < x.length; i++) {",
      "      s += Math.log(1 + Math.exp(x[i]));",
      "    }",
      "    return s;",
      "  }",
      "",
      "  /** The inner loop's adjoint sums into one element of a local array: kept in a local variable. */",
      "  @Differentiable",
      "  public static double lowerForm(double[] l, double[] x) {",
      "    int n = x.length;",
      "    double[] w = new double[n];",
      "    for (int i = 0; i < n; i++) {",
      "      w[i] = Math.sin(x[i]);",
      "    }",
      "    double s = 0;",
      "    for (int i = 0; i < n; i++) {",
      "      for (int j = 0; j <= i; j++) {",
      "        s += l[i * n + j] * x[j] * w[i];",
      "      }",
      "    }",
      "    return s;",
      "  }",
      "",
      "  /** Recursion: each call is reversed split, recorded forward and reversed alone, while the tape's budget allows. */",
      "  @Differentiable",
      "  public static double product(double[] x, int from) {",
      "    if (from == x.length) {",
      "      return 1;",
      "    }",
      "    return Math.sin(x[from]) * product(x, from + 1);",
      "  }",
      "}");

  @Test
  void showcaseMatchesGoldenFile() throws IOException {
    String generated = generated(Sources.compile(SHOWCASE), "showcase/ShowcaseAdjoint.java");
    Goldens.assertMatches(Goldens.root().resolve("ShowcaseAdjoint.java.txt"), generated);
  }

  @Test
  void outputIsByteIdenticalAcrossCompilations() throws IOException {
    String first = generated(Sources.compile(SHOWCASE), "showcase/ShowcaseAdjoint.java");
    String second = generated(Sources.compile(SHOWCASE), "showcase/ShowcaseAdjoint.java");
    assertEquals(first, second);
  }

  @Test
  void generatedClassCarriesGeneratedAnnotationJavadocAndLineComments() throws IOException {
    String code = generated(Sources.compile(SHOWCASE), "showcase/ShowcaseAdjoint.java");
    assertTrue(code.contains("@Generated(\"dev.adjoint.processor.AdjointProcessor\")"), code);
    assertFalse(code.contains("date ="), "no date in @Generated");
    assertTrue(code.contains("{@link showcase.Showcase#dot}"), "Javadoc links the source method");
    assertTrue(code.contains("// Showcase.java:10  s += a[i] * b[i];"), "line comments tie adjoint code to source");
    assertTrue(code.contains("public record DotGradient(double value, double[] a, double[] b)"), code);
    assertTrue(code.contains("public static DotGradient dotGradient(double[] a, double[] b)"), code);
    assertTrue(code.contains("public static DotGradient dotPullback(double[] a, double[] b, double dy)"), code);
    assertTrue(code.contains("public static void dotPullbackInto(double[] a, double[] b, double dy, double[] aBar,"), code);
  }

  @Test
  void accumulationLoopRecordsNothingPerIteration() throws IOException {
    String forward = showcaseSweep("dot", "// forward sweep", "// reverse sweep");
    assertTrue(forward.contains("for (int i = 0;"), forward);
    assertFalse(forward.contains("tape.push"), "the forward sweep records nothing, not even a trip count:\n" + forward);
  }

  @Test
  void runningMinimumRecordsOnlyItsLastWinningTripAndReversesThatTripAlone() throws IOException {
    String forward = showcaseSweep("nearest", "// forward sweep", "// reverse sweep");
    assertTrue(forward.matches("(?s).*int (won\\d+) = -1;\\s*for \\(int i = 1; i < x\\.length; i\\+\\+\\) \\{"
        + "\\s*if \\(!\\(best <= \\(x\\[i\\] - c\\) \\* \\(x\\[i\\] - c\\)\\)\\) \\{\\s*\\1 = i - 1;\\s*\\}"
        + "\\s*best = Math\\.min\\(best, \\(x\\[i\\] - c\\) \\* \\(x\\[i\\] - c\\)\\);\\s*\\}"
        + "\\s*tape\\.pushInt\\(\\1\\);.*"), forward);
    assertFalse(forward.contains("DoubleBlock") || forward.contains("pushDouble") || forward.contains("IntBlock"),
        "neither the running minimum nor a choice per trip is recorded:\n" + forward);
    String reverse = showcaseSweep("nearest", "// reverse sweep", "\n  }\n");
    assertTrue(reverse.matches("(?s).*int (won\\d+) = tape\\.popInt\\(\\);\\s*if \\(bestBar != 0\\) \\{"
        + "\\s*if \\(\\1 >= 0\\) \\{\\s*int i = 1 \\+ \\1;.*"), reverse);
    assertFalse(reverse.matches("(?s).*\\n\\s*for \\(.*"), "no reverse loop over the trips:\n" + reverse);
    assertFalse(reverse.contains("first"), "no choice per trip:\n" + reverse);
  }

  @Test
  void runningMaximumWhoseBodyRecordsKeepsItsChoicePerTrip() throws IOException {
    Compilation c = Sources.compile(Sources.source("p.Extrema",
        "package p;",
        "import dev.adjoint.annotations.Differentiable;",
        "class Extrema {",
        "  @Differentiable",
        "  static double overwritten(double[] x) {",
        "    double m = 0;",
        "    for (int i = 0; i < x.length; i++) {",
        "      double t = x[i];",
        "      t = t * t;",
        "      m = Math.max(m, t);",
        "    }",
        "    return m;",
        "  }",
        "  @Differentiable",
        "  static double rowMaxima(double[][] a) {",
        "    double s = 0;",
        "    for (int r = 0; r < a.length; r++) {",
        "      double m = a[r][0];",
        "      for (int j = 1; j < a[r].length; j++) {",
        "        m = Math.max(m, a[r][j]);",
        "      }",
        "      s += m;",
        "    }",
        "    return s;",
        "  }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    String code = generated(c, "p/ExtremaAdjoint.java");
    String overwritten = code.substring(code.indexOf("void overwrittenSweep("), code.indexOf("void rowMaximaSweep("));
    // t = t * t needs t's old value in the reverse, so each trip keeps its record and its choice
    assertFalse(overwritten.contains("won"), overwritten);
    assertTrue(overwritten.matches("(?s).*for \\(int i = x\\.length - 1; i >= 0; i--\\).*boolean first\\d+ = .*"), overwritten);
    // nested in a loop, the winning trip is one record per row, in the row loop's record block
    String rows = code.substring(code.indexOf("void rowMaximaSweep("));
    assertTrue(rows.matches("(?s).*int (intTop\\d+) = tape\\.pushIntBlock\\(trips\\d+, 1\\);.*"
        + "intRecords\\d+\\[\\1\\+\\+\\] = won\\d+;.*"), rows);
    assertTrue(rows.matches("(?s).*int won\\d+ = intRecords\\d+\\[--intTop\\d+\\];.*"), rows);
  }

  @Test
  void aSquareHasOneAdjointTermOfTwiceTheProduct() throws IOException {
    String reverse = showcaseSweep("nearest", "// reverse sweep", "\n  }\n");
    assertTrue(reverse.matches("(?s).*double (t\\d+) = x\\[i\\] - c;\\s*double (d\\d+) = \\(d\\d+ \\* 2\\) \\* \\1;"
        + "\\s*xBar\\[i\\] \\+= \\2;\\s*cBar \\+= -\\2;.*"), reverse);
    assertEquals(1, reverse.split("double t\\d+ = x\\[i\\] - c;", -1).length - 1,
        "(x[i] - c) * (x[i] - c) is differentiated once, not once per factor:\n" + reverse);
  }

  @Test
  void loopRecordingTheSameEveryTripClaimsOneBlockAndWritesItThroughACursor() throws IOException {
    String forward = showcaseSweep("softplusSum", "// forward sweep", "// reverse sweep");
    java.util.regex.Matcher names = java.util.regex.Pattern.compile("(?s).*int (trips\\d+) = Math\\.max\\(0, x\\.length\\);"
        + "\\s*int (doubleTop\\d+) = tape\\.pushDoubleBlock\\(\\1, 1\\);"
        + "\\s*double\\[\\] (doubleRecords\\d+) = tape\\.doubleStorage\\(\\);"
        + "\\s*for \\(int i = 0; i < x\\.length; i\\+\\+\\) \\{.*\\3\\[\\2\\+\\+\\] = .*").matcher(forward);
    assertTrue(names.matches(), forward);
    // the reverse half of the loop uses the forward half's locals, which are in scope at the top level
    String reverse = showcaseSweep("softplusSum", "// reverse sweep", "\n  }\n");
    String trips = names.group(1);
    String top = names.group(2);
    String records = names.group(3);
    assertTrue(reverse.matches("(?s).*\\s" + trips + " = Math\\.max\\(0, x\\.length\\);"
        + "\\s*" + top + " = tape\\.popDoubleBlock\\(" + trips + ", 1\\);"
        + "\\s*" + records + " = tape\\.doubleStorage\\(\\);"
        + "\\s*for \\(int i = x\\.length - 1; i >= 0; i--\\) \\{.*" + records + "\\[--" + top + "\\].*"), reverse);
  }

  @Test
  void loopThatAlsoRecordsReferencesKeepsItsRecordsOnTheTapeWhileItsInnerLoopGetsABlock() throws IOException {
    String forward = showcaseSweep("wave", "// forward sweep", "// reverse sweep");
    assertEquals(1, forward.split("pushDoubleBlock", -1).length - 1, forward);
    assertTrue(forward.matches("(?s).*for \\(int t = 0; t < steps; t\\+\\+\\) \\{\\s*int trips\\d+ = .*"
        + "for \\(int i = 1; i < n - 1; i\\+\\+\\) \\{\\s*doubleRecords\\d+\\[doubleTop\\d+\\+\\+\\] = next\\[i\\];.*"
        + "tape\\.pushObject\\(tmp\\);.*"), forward);
    String sweeps = showcaseSweep("sweeps", "// forward sweep", "// reverse sweep");
    assertFalse(sweeps.contains("Block("), "a checkpoint in the body, and nothing recorded in the inner loops:\n" + sweeps);
  }

  @Test
  void workArrayFilledEveryIterationIsSavedAsOneBlock() throws IOException {
    String forward = showcaseSweep("sweeps", "// forward sweep", "// reverse sweep");
    assertFalse(forward.contains("pushDouble(w[i])"), "no record per element:\n" + forward);
    assertEquals(2, forward.split("tape.pushCopy\\(w\\);", -1).length - 1,
        "w saved before the loop and after each iteration:\n" + forward);
    String reverse = showcaseSweep("sweeps", "// reverse sweep", "\n  }\n");
    assertEquals(2, reverse.split("tape.popInto\\(w\\);", -1).length - 1, reverse);
  }

  @Test
  void costlyValuesInLoopsAreRecordedNotRecomputed() throws IOException {
    String forward = showcaseSweep("softplusSum", "// forward sweep", "// reverse sweep");
    assertTrue(forward.matches("(?s).*double (v\\d+) = Math\\.exp\\(x\\[i\\]\\);\\s*doubleRecords\\d+\\[doubleTop\\d+\\+\\+\\] = \\1;"
        + "\\s*s \\+= Math\\.log\\(1 \\+ \\1\\);.*"), forward);
    String reverse = showcaseSweep("softplusSum", "// reverse sweep", "\n  }\n");
    assertFalse(reverse.replaceAll("//.*", "").contains("Math.exp"), "only the comment quotes exp:\n" + reverse);
  }

  @Test
  void reverseLoopDrivenByOneAdjointIsSkippedWhenThatAdjointIsZero() throws IOException {
    String reverse = showcaseSweep("dot", "// reverse sweep", "\n  }\n");
    assertTrue(reverse.contains("if (sBar != 0) {"), reverse);
  }

  @Test
  void adjointElementSummedByAnInnerLoopIsKeptInALocal() throws IOException {
    String reverse = showcaseSweep("lowerForm", "// reverse sweep", "\n  }\n");
    assertTrue(reverse.matches("(?s).*double (acc\\d+) = wBar\\[i1\\];.*\\1 \\+= .*wBar\\[i1\\] = \\1;.*"), reverse);
  }

  /** The text of the showcase's {@code methodSweep} from the first {@code from} to the next {@code to}. */
  private static String showcaseSweep(String method, String from, String to) throws IOException {
    String code = generated(Sources.compile(SHOWCASE), "showcase/ShowcaseAdjoint.java");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("private static \\w+ " + method + "Sweep\\(").matcher(code);
    assertTrue(m.find(), "no sweep for " + method);
    int start = code.indexOf(from, m.start());
    return code.substring(start, code.indexOf(to, start + from.length()));
  }

  @Test
  void aRecursiveCallIsReversedSplitWhileTheBudgetAllowsAndJointlyPastIt() throws IOException {
    String forward = showcaseSweep("product", "// forward sweep", "// reverse sweep");
    assertTrue(forward.matches("(?s).*double (call\\d+);\\s*if \\(tape\\.mayRecordCall\\(\\)\\) \\{"
        + "\\s*\\1 = productRecord\\(x, t?\\w* ?from \\+ 1, xBar, tape\\);\\s*tape\\.pushBoolean\\(true\\);"
        + "\\s*\\} else \\{\\s*\\1 = Showcase\\.product\\(x, from \\+ 1\\);\\s*tape\\.pushBoolean\\(false\\);.*"), forward);
    String reverse = showcaseSweep("product", "// reverse sweep", "\n  }\n");
    assertTrue(reverse.matches("(?s).*if \\(tape\\.popBoolean\\(\\)\\) \\{\\s*productReverse\\(x, (t\\d+), (\\w+), xBar, tape\\);"
        + "\\s*\\} else \\{\\s*long (budget\\d+) = tape\\.openCallBudget\\(\\);"
        + "\\s*productSweep\\(x, \\1, \\2, xBar, null, tape\\);\\s*tape\\.closeCallBudget\\(\\3\\);.*"), reverse);
    String code = generated(Sources.compile(SHOWCASE), "showcase/ShowcaseAdjoint.java");
    assertTrue(code.contains("private static double productRecord(double[] x, int from, double[] xBar, Tape tape)"), code);
    assertTrue(code.contains("private static void productReverse(double[] x, int from, double dy, double[] xBar,"), code);
    assertFalse(code.contains("dotRecord("), "only methods some sweep reverses split get the two halves");
  }

  @Test
  void callsThatWriteIntoTheirArgumentsOrReturnArraysAreReversedJointly() throws IOException {
    JavaFileObject source = Sources.source("joint.Joint",
        "package joint;",
        "import dev.adjoint.annotations.Differentiable;",
        "public class Joint {",
        "  @Differentiable",
        "  static void halve(double[] u, int k) {",
        "    if (k < 0) {",
        "      return;",
        "    }",
        "    u[k] = 0.5 * Math.sin(u[k]);",
        "    halve(u, k - 1);",
        "  }",
        "  @Differentiable",
        "  static double[] squares(double[] x, int k) {",
        "    if (k == 0) {",
        "      return new double[] {x[0] * x[0]};",
        "    }",
        "    double[] r = squares(x, k - 1);",
        "    return new double[] {r[0] + x[k] * x[k]};",
        "  }",
        "}");
    Compilation c = Sources.compile(source);
    assertThat(c).succeeded();
    String code = generated(c, "joint/JointAdjoint.java");
    assertFalse(code.contains("mayRecordCall") || code.contains("Record(") || code.contains("Reverse("), code);
    assertTrue(code.contains("halveSweep(u, t"), code);
    assertTrue(code.contains("squaresSweep(x, t"), code);
  }

  @Test
  void verboseOptionReportsActiveAndRecordedVariables() {
    Compilation c = Sources.compile(List.of("-Aadjoint.verbose=true"), SHOWCASE);
    assertThat(c).succeeded();
    // "recorded" names exactly what the forward sweep pushes: the swapped buffers and next's
    // elements, not n or the loop counters, which it never puts on the tape
    assertThat(c).hadNoteContaining("[Adjoint:Verbose] Showcase.wave: active [u0, c, u, prev, next, tmp, energy, v];"
        + " recorded [next, next[], prev, tmp, u]");
    assertThat(c).hadNoteContaining("[Adjoint:Verbose] Showcase.dot: active [a, b, s]; recorded []");
  }

  @Test
  void instanceMethodTakesReceiverFirstAndNestedClassIsNamedWithUnderscore() throws IOException {
    Compilation c = Sources.compile(Sources.source("p.Outer",
        "package p;",
        "import dev.adjoint.annotations.Differentiable;",
        "public class Outer {",
        "  public static class Model {",
        "    final double w = 3;",
        "    @Differentiable public double f(double x) { return w * x * x; }",
        "  }",
        "}"));
    assertThat(c).succeeded();
    String code = generated(c, "p/Outer_ModelAdjoint.java");
    assertTrue(code.contains("public static FGradient fGradient(Outer.Model self, double x)"), code);
  }

  @Test
  void anErrorInOneMethodLeavesTheOthersGenerated() {
    // User code calls the good method's adjoint: had it not been generated, javac would say so.
    Compilation c = Sources.compile(Sources.bad(
        "@Differentiable static double good(double x) { return x * x; }",
        "@Differentiable static double bad(double x) { try { x = 1; } finally { } return x; }",
        "static double use() { return BadAdjoint.goodGradient(3).x(); }"));
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[Adjoint:UnsupportedStatement] A try statement");
  }

  @Test
  void differentiableCalleeCompiledEarlierIsReachedThroughItsAdjoint() throws Exception {
    Compilation first = Sources.compile(Sources.source("lib.Lib",
        "package lib;",
        "import dev.adjoint.annotations.Differentiable;",
        "public class Lib {",
        "  @Differentiable public static void scale(double[] a, double s) { for (int i = 0; i < a.length; i++) a[i] *= s; }",
        "}"));
    assertThat(first).succeeded();
    String mutates = first.generatedSourceFile("lib.LibAdjoint").map(f -> {
      try {
        return f.getCharContent(true).toString();
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    }).orElseThrow();
    assertTrue(mutates.contains("@Mutates(") && mutates.contains("value = {\"a\"}") && mutates.contains("positions = {0}"),
        "the pullback records what it mutates, by name and by position:\n" + mutates);

    // a caller compiled later sees Lib only as class files, as a user's project sees a dependency
    List<java.io.File> classpath = CompiledClasses.classpathWith(first, "lib");
    Compilation caller = com.google.testing.compile.Compiler.javac().withProcessors(new AdjointProcessor())
        .withClasspath(classpath).compile(Sources.source("app.App",
            "package app;",
            "import dev.adjoint.annotations.Differentiable;",
            "public class App {",
            "  @Differentiable public static double f(double[] x, double s) {",
            "    double[] w = x.clone();",
            "    lib.Lib.scale(w, s);",
            "    return w[0] * w[1];",
            "  }",
            "}"));
    assertThat(caller).succeededWithoutWarnings();
    String adjoint = generated(caller, "app/AppAdjoint.java");
    assertTrue(adjoint.contains("LibAdjoint.scalePullbackInto("), "the callee is reversed through its adjoint:\n" + adjoint);
    double[] x = {0.7, -1.3};
    double s = 1.9;
    ClassLoader withLib = new java.net.URLClassLoader(new java.net.URL[] {classpath.get(0).toURI().toURL()},
        GeneratedCodeTest.class.getClassLoader());
    Object result = Class.forName("app.AppAdjoint", true, CompiledClasses.loader(caller, withLib))
        .getMethod("fGradient", double[].class, double.class).invoke(null, x, s);
    double[] xBar = (double[]) result.getClass().getMethod("x").invoke(result);
    double sBar = (double) result.getClass().getMethod("s").invoke(result);
    double[] gradient = {xBar[0], xBar[1], sBar};
    // f = s^2 x0 x1: df/dx = (s^2 x1, s^2 x0), df/ds = 2 s x0 x1
    assertEquals(s * s * x[1], gradient[0], 1e-12);
    assertEquals(s * s * x[0], gradient[1], 1e-12);
    assertEquals(2 * s * x[0] * x[1], gradient[2], 1e-12);
  }

  /**
   * Reading f makes javac attribute its class before the adjoint exists; what that leaves in
   * implicitly typed declarations crashed javac 17 later (Flow, TransTypes) unless it is undone.
   */
  @Test
  void codeBesideTheMethodUsesTheAdjointWithLambdasAndVar() throws Exception {
    String checks = String.join("\n",
        "  static final double[] X = {0.3, 1.2};",
        "  static HazardAdjoint.FGradient field = HazardAdjoint.fGradient(X);",
        "  public static boolean check() {",
        "    double[] x = X.clone();",
        "    HazardAdjoint.FGradient g = HazardAdjoint.fGradient(x);",
        "    var h = HazardAdjoint.fGradient(x);",
        "    return GradCheck.check(v -> Hazard.f(v), x, g.x(), 1e-6).passed()",
        "        && GradCheck.check(v -> Hazard.f(v), x, h.x(), 1e-6).passed()",
        "        && GradCheck.check(v -> Hazard.f(v), x, field.x(), 1e-6).passed()",
        "        && GradCheck.check(Hazard::f, x, g.x(), 1e-6).passed()",
        "        && GradCheck.check(v -> Hazard.f(v), x, HazardAdjoint.fGradient(x).x(), 1e-6).passed();",
        "  }");
    Compilation c = Sources.compile(
        Sources.source("p.Hazard", "package p;", "import dev.adjoint.annotations.Differentiable;",
            "import dev.adjoint.runtime.check.GradCheck;", "public class Hazard {",
            "  @Differentiable public static double f(double[] x) { return Math.sin(x[0]) * x[1]; }", checks, "}"),
        Sources.source("p.Other", "package p;", "import dev.adjoint.runtime.check.GradCheck;",
            "public class Other {", checks, "}"));
    assertThat(c).succeeded();
    ClassLoader loader = CompiledClasses.loader(c, GeneratedCodeTest.class.getClassLoader());
    for (String name : List.of("p.Hazard", "p.Other")) {
      assertEquals(true, Class.forName(name, true, loader).getMethod("check").invoke(null), name);
    }
  }

  private static String generated(Compilation c, String path) throws IOException {
    assertThat(c).generatedSourceFile(path.replace(".java", "").replace('/', '.'));
    return c.generatedSourceFile(path.replace(".java", "").replace('/', '.')).orElseThrow()
        .getCharContent(true).toString();
  }
}
