package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * User classes whose simple names are those of the runtime classes the generated code imports
 * ({@code Tape}, {@code Shadows}, {@code Seeds}, {@code Rrule}), in a package and in the default
 * package: the adjoint qualifies the runtime classes instead, compiles, and computes the right
 * gradient.
 */
class NameClashTest {

  @Test
  void aUserClassNamedTapeInTheSamePackageIsNotTheRuntimeTape() throws Exception {
    checkModelUsingClassesNamedLikeTheRuntime("p");
  }

  @Test
  void aUserClassNamedTapeInTheDefaultPackageIsNotTheRuntimeTape() throws Exception {
    checkModelUsingClassesNamedLikeTheRuntime("");
  }

  private void checkModelUsingClassesNamedLikeTheRuntime(String pkg) throws Exception {
    String header = pkg.isEmpty() ? "" : "package " + pkg + ";";
    String prefix = pkg.isEmpty() ? "" : pkg + ".";
    Compilation c = Sources.compile(
        Sources.source(prefix + "Tape", header, "public class Tape {",
            "  public static final double[] SCALE = {2.0};",
            "  public static double twice(double v) { return 2 * v; }", "}"),
        Sources.source(prefix + "Shadows", header, "public class Shadows {",
            "  public static double half(double v) { return v / 2; }", "}"),
        Sources.source(prefix + "Model", header, "import dev.adjoint.annotations.Differentiable;",
            "public class Model {",
            "  @Differentiable public static double f(double[] x) {",
            "    double s = x[0] * Tape.SCALE[0];",
            "    for (int i = 1; i < x.length; i++) s = s * x[i];",
            "    return s * Tape.twice(Shadows.half(3.0));",
            "  }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    String code = c.generatedSourceFile(prefix + "ModelAdjoint").orElseThrow().getCharContent(true).toString();
    // the user's classes keep their simple names; the runtime's are qualified
    assertTrue(code.contains("Tape.twice(Shadows.half(3.0))"), code);
    assertTrue(code.contains("dev.adjoint.runtime.tape.Tape tape = "), code);
    assertFalse(code.contains("import dev.adjoint.runtime.tape.Tape;"), code);
    Class<?> adjoint = Class.forName(prefix + "ModelAdjoint", true, CompiledClasses.loader(c, getClass().getClassLoader()));
    double[] x = {0.5, 3.0, -2.0};
    Object g = adjoint.getMethod("fGradient", double[].class).invoke(null, (Object) x);
    // f = 2 x0 x1 x2 * 3
    assertEquals(6 * x[0] * x[1] * x[2], (double) g.getClass().getMethod("value").invoke(g), 1e-12);
    double[] grad = (double[]) g.getClass().getMethod("x").invoke(g);
    assertEquals(6 * x[1] * x[2], grad[0], 1e-12);
    assertEquals(6 * x[0] * x[2], grad[1], 1e-12);
    assertEquals(6 * x[0] * x[1], grad[2], 1e-12);
  }

  @Test
  void aLocalNamedLikeTheSweepsResultKeepsItsName() throws Exception {
    Compilation c = Sources.compile(Sources.source("p.Val", "package p;", "import dev.adjoint.annotations.Differentiable;",
        "public class Val {",
        "  @Differentiable public static double f(double x) { double value = x * x; return value + 1; }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    Class<?> adjoint = Class.forName("p.ValAdjoint", true, CompiledClasses.loader(c, getClass().getClassLoader()));
    Object g = adjoint.getMethod("fGradient", double.class).invoke(null, 1.5);
    assertEquals(3.25, (double) g.getClass().getMethod("value").invoke(g), 0);
    assertEquals(3.0, (double) g.getClass().getMethod("x").invoke(g), 0);
  }

  @Test
  void aUserClassNamedParamsIsNotTheGeneratedParamsRecord() throws Exception {
    Compilation c = Sources.compile(
        Sources.source("q.Params", "package q;", "public class Params {",
            "  public double scale = 2;", "  public static double DEFAULT = 3;", "}"),
        Sources.source("q.Model", "package q;", "import dev.adjoint.annotations.Differentiable;",
            "public class Model {",
            "  double w = 1.5;",
            "  @Differentiable(wrt = {\"this\", \"x\"})",
            "  public double f(Params p, double x) { return w * x * p.scale * Params.DEFAULT; }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    ClassLoader loader = CompiledClasses.loader(c, getClass().getClassLoader());
    Object model = Class.forName("q.Model", true, loader).getConstructor().newInstance();
    Object params = Class.forName("q.Params", true, loader).getConstructor().newInstance();
    Object g = Class.forName("q.ModelAdjoint", true, loader)
        .getMethod("fGradient", model.getClass(), params.getClass(), double.class).invoke(null, model, params, 0.5);
    assertEquals(1.5 * 2 * 3, (double) g.getClass().getMethod("x").invoke(g), 1e-12);
  }

  @Test
  void aUserClassNamedLikeAnImportedLibraryClassKeepsItsSimpleName() throws Exception {
    Compilation c = Sources.compile(
        Sources.source("p.Fft", "package p;", "public class Fft {", "  public static int half(int n) { return n / 2; }", "}"),
        Sources.source("p.Model", "package p;", "import dev.adjoint.annotations.Differentiable;",
            "public class Model {",
            "  @Differentiable public static double f(double[] z) {",
            "    double[] y = dev.adjoint.runtime.fft.Fft.forward(z);",
            "    return y[Fft.half(2)] * y[0];",
            "  }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    String code = c.generatedSourceFile("p.ModelAdjoint").orElseThrow().getCharContent(true).toString();
    assertTrue(code.contains("dev.adjoint.runtime.fft.Fft.forward(z)"), code); // qualified, not imported
    assertFalse(code.contains("import dev.adjoint.runtime.fft.Fft;"), code);
    assertTrue(code.contains("Fft.half(2)"), code);
    Class<?> adjoint = Class.forName("p.ModelAdjoint", true, CompiledClasses.loader(c, getClass().getClassLoader()));
    double[] z = {1, 2, 3, 4};
    Object g = adjoint.getMethod("fGradient", double[].class).invoke(null, (Object) z);
    double[] grad = (double[]) g.getClass().getMethod("z").invoke(g);
    double[] fd = dev.adjoint.runtime.check.GradCheck.centralDifference(v -> {
      double[] y = dev.adjoint.runtime.fft.Fft.forward(v);
      return y[1] * y[0];
    }, z);
    for (int i = 0; i < z.length; i++) {
      assertEquals(fd[i], grad[i], 1e-6);
    }
  }

  @Test
  void aFieldNamedInCapitalsIsFoundAgainByItsName() throws Exception {
    Compilation c = Sources.compile(Sources.source("q.Lens", "package q;", "import dev.adjoint.annotations.Differentiable;",
        "public class Lens {",
        "  private double[] URL = {0.5, 2.0};",
        "  @Differentiable(wrt = \"this\") public double f(double x) { return URL[0] * x + URL[1]; }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    ClassLoader loader = CompiledClasses.loader(c, getClass().getClassLoader());
    Object lens = Class.forName("q.Lens", true, loader).getConstructor().newInstance();
    Object g = Class.forName("q.LensAdjoint", true, loader).getMethod("fGradient", lens.getClass(), double.class)
        .invoke(null, lens, 3.0);
    Object self = g.getClass().getMethod("self").invoke(g);
    double[] bar = (double[]) self.getClass().getMethod("URL").invoke(self);
    assertEquals(3.0, bar[0], 0.0);
    assertEquals(1.0, bar[1], 0.0);
  }

  @Test
  void fieldsXAndCapitalXAndAParameterNamedThisXGetDistinctHiddenParameters() throws Exception {
    Compilation c = Sources.compile(Sources.source("q.Two", "package q;", "import dev.adjoint.annotations.Differentiable;",
        "public class Two {",
        "  double x = 2, X = 3;",
        "  @Differentiable(wrt = {\"this\", \"thisX\"}) public double f(double thisX) { return x * X * thisX; }",
        "}"));
    assertThat(c).succeededWithoutWarnings();
    ClassLoader loader = CompiledClasses.loader(c, getClass().getClassLoader());
    Object two = Class.forName("q.Two", true, loader).getConstructor().newInstance();
    Object g = Class.forName("q.TwoAdjoint", true, loader).getMethod("fGradient", two.getClass(), double.class)
        .invoke(null, two, 5.0);
    Object self = g.getClass().getMethod("self").invoke(g);
    assertEquals(6.0, (double) g.getClass().getMethod("thisX").invoke(g), 0.0);
    assertEquals(15.0, (double) self.getClass().getMethod("x").invoke(self), 0.0);
    assertEquals(10.0, (double) self.getClass().getMethod("X").invoke(self), 0.0);
  }
}
