package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * A caller in one package and a model in another, whose methods read package-private and private
 * fields: the callee is not inlined (its body names members the caller's adjoint may not), its
 * public pullback is called, and the fields a callee differentiated with respect to this takes as
 * hidden arguments are read through handles. The adjoint compiles and its gradient is right.
 */
class CrossPackageTest {

  @Test
  void aCalleeFromAnotherPackageIsReachedThroughItsPullback() throws Exception {
    Compilation c = Sources.compile(
        Sources.source("a.Other", "package a;", "import dev.adjoint.annotations.Differentiable;",
            "public class Other {",
            "  double w = 2;",
            "  private double v = 3;",
            "  @Differentiable public double g(double x) { return w * x + v * x * x; }",
            "  @Differentiable(wrt = {\"this\", \"x\"}) public double h(double x) { return w * Math.sin(x) * v; }",
            "}"),
        Sources.source("b.Caller", "package b;", "import dev.adjoint.annotations.Differentiable;",
            "public class Caller {",
            "  @Differentiable public static double f(a.Other o, double x) { return o.g(x) * o.h(x); }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    String code = c.generatedSourceFile("b.CallerAdjoint").orElseThrow().getCharContent(true).toString();
    assertTrue(code.contains("import a.OtherAdjoint;") && code.contains(" OtherAdjoint.gPullbackInto("), code);
    assertFalse(code.contains("o.w"), code);
    ClassLoader loader = CompiledClasses.loader(c, getClass().getClassLoader());
    Object other = Class.forName("a.Other", true, loader).getConstructor().newInstance();
    Class<?> caller = Class.forName("b.Caller", true, loader);
    Class<?> otherType = other.getClass();
    Object g = Class.forName("b.CallerAdjoint", true, loader).getMethod("fGradient", otherType, double.class)
        .invoke(null, other, 0.7);
    double x = 0.7;
    // f = (2x + 3x^2) * 6 sin x
    double expected = (2 + 6 * x) * 6 * Math.sin(x) + (2 * x + 3 * x * x) * 6 * Math.cos(x);
    assertEquals(expected, (double) g.getClass().getMethod("x").invoke(g), 1e-12);
    assertEquals((double) caller.getMethod("f", otherType, double.class).invoke(null, other, x),
        (double) g.getClass().getMethod("value").invoke(g), 0.0);
  }
}
