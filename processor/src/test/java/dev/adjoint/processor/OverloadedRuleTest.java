package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * Rules for overloaded methods a user cannot rename (a library's {@code erf(double)} beside
 * {@code erf(double, double)}): each rule differentiates the overload whose rule signature it has,
 * {@code params} names the overload where that is not enough, and the errors list the overloads.
 */
class OverloadedRuleTest {

  @Test
  void eachRuleDifferentiatesTheOverloadWhoseSignatureItHas() throws Exception {
    Compilation c = Sources.compile(
        Sources.source("r.Lib", "package r;", "final class Lib {",
            "  static double erf(double x) { return Math.tanh(x); }",
            "  static double erf(double x, double scale) { return Math.tanh(x * scale); }",
            "}"),
        Sources.source("r.Rules", "package r;", "import dev.adjoint.annotations.CustomRule;", "final class Rules {",
            "  @CustomRule(target = Lib.class, of = \"erf\") static double erfPullback(double x, double dy) {",
            "    double t = Math.tanh(x); return dy * (1 - t * t); }",
            "  @CustomRule(target = Lib.class, of = \"erf\")",
            "  static double[] erfPullback(double x, double scale, double dy) {",
            "    double t = Math.tanh(x * scale); double d = dy * (1 - t * t); return new double[] {d * scale, d * x}; }",
            "}"),
        Sources.source("r.Model", "package r;", "import dev.adjoint.annotations.Differentiable;", "public class Model {",
            "  @Differentiable public static double f(double x, double s) { return Lib.erf(x) + Lib.erf(x, s); }",
            "}"));
    assertThat(c).succeededWithoutWarnings();
    String code = c.generatedSourceFile("r.ModelAdjoint").orElseThrow().getCharContent(true).toString();
    assertEquals(2, code.split("Rules\\.erfPullback\\(", -1).length - 1, code);
    Class<?> adjoint = Class.forName("r.ModelAdjoint", true, CompiledClasses.loader(c, getClass().getClassLoader()));
    Method gradient = adjoint.getMethod("fGradient", double.class, double.class);
    double x = 0.3;
    double s = 1.7;
    Object g = gradient.invoke(null, x, s);
    double t1 = Math.tanh(x);
    double t2 = Math.tanh(x * s);
    assertEquals(1 - t1 * t1 + s * (1 - t2 * t2), (double) g.getClass().getMethod("x").invoke(g), 1e-14);
    assertEquals(x * (1 - t2 * t2), (double) g.getClass().getMethod("s").invoke(g), 1e-14);
  }

  @Test
  void aRuleThatFitsNoOverloadListsThem() {
    String[] body = {
        "static double g(double x) { return x; }",
        "static double g(double x, double y) { return x + y; }",
        "@CustomRule(of = \"g\") static double gPullback(double x) { return x; } " + Sources.HERE};
    Compilation c = Sources.compile(Sources.bad(body));
    assertThat(c).hadErrorContaining("[Adjoint:BadRule] Bad.g is overloaded and this rule's parameters fit none of its"
        + " overloads, or several: g(double) takes static double gPullback(double x, double dy); g(double, double) takes"
        + " static double[] gPullback(double x, double y, double dy)").inFile(Sources.bad(body))
        .onLine(Sources.markedLine(body));
  }

  @Test
  void paramsNamesTheOverloadAndItsSignatureIsThenChecked() {
    String[] body = {
        "static double g(double x) { return x; }",
        "static double g(double x, double y) { return x + y; }",
        "@CustomRule(of = \"g\", params = {double.class}) static double gPullback(double x, double y, double dy) {"
            + " return x; } "
            + Sources.HERE};
    Compilation c = Sources.compile(Sources.bad(body));
    assertThat(c).hadErrorContaining("[Adjoint:BadRule] the pullback of Bad.g must have the signature"
        + " static double gPullback(double x, double dy)").inFile(Sources.bad(body)).onLine(Sources.markedLine(body));
  }

  @Test
  void paramsThatNameNoOverloadIsAnError() {
    String[] body = {
        "static double g(double x) { return x; }",
        "static double g(double x, double y) { return x + y; }",
        "@CustomRule(of = \"g\", params = {int.class}) static double gPullback(double x, double dy) { return dy; } "
            + Sources.HERE};
    Compilation c = Sources.compile(Sources.bad(body));
    assertThat(c).hadErrorContaining("[Adjoint:BadRule] Bad.g is overloaded and params = {int.class} names none of"
        + " its overloads").inFile(Sources.bad(body)).onLine(Sources.markedLine(body));
  }

  @Test
  void overloadsWithTheSameRuleSignatureNeedParams() throws Exception {
    // h(double) on an instance and the static h(Knob, double) both take a rule (Knob, double, double dy)
    String[] ambiguous = {
        "static final class Knob {",
        "  double k = 2;",
        "  double h(double x) { return k * x; }",
        "  static double h(Knob self, double x) { return self.k + x; }",
        "  @CustomRule(of = \"h\") static double hPullback(Knob self, double x, double dy) { return self.k * dy; } "
            + Sources.HERE,
        "}"};
    Compilation c = Sources.compile(Sources.bad(ambiguous));
    assertThat(c).hadErrorContaining("Knob.h is overloaded and this rule's parameters fit none of its overloads,"
        + " or several").inFile(Sources.bad(ambiguous)).onLine(Sources.markedLine(ambiguous));
    Compilation named = Sources.compile(Sources.source("r.Knobs", "package r;", "import dev.adjoint.annotations.*;",
        "public class Knobs {",
        "  static final class Knob {",
        "    double k = 2;",
        "    double h(double x) { return k * x; }",
        "    static double h(Knob self, double x) { return self.k + x; }",
        "    @CustomRule(of = \"h\", params = {double.class})",
        "    static double hPullback(Knob self, double x, double dy) { return self.k * dy; }",
        "  }",
        "  static final Knob KNOB = new Knob();",
        "  @Differentiable public static double f(double x) { return KNOB.h(x) * x; }",
        "}"));
    assertThat(named).succeededWithoutWarnings();
    Class<?> adjoint = Class.forName("r.KnobsAdjoint", true, CompiledClasses.loader(named, getClass().getClassLoader()));
    Object g = adjoint.getMethod("fGradient", double.class).invoke(null, 1.5);
    assertEquals(4 * 1.5, (double) g.getClass().getMethod("x").invoke(g), 1e-14, "f = 2 x^2 through the rule");
    String code = named.generatedSourceFile("r.KnobsAdjoint").orElseThrow().getCharContent(true).toString();
    assertTrue(code.contains("hPullback("), code);
  }
}
