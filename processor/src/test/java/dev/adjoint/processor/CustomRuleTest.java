package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** How generated code reaches hand-written rules, and how wrong rules are reported. */
class CustomRuleTest {

  @Test
  void callOfAMethodWithARuleUsesTheRuleNotTheBody() throws IOException {
    Compilation c = Sources.compile(Sources.source("r.Cos",
        "package r;",
        "import dev.adjoint.annotations.*;",
        "class Cos {",
        "  static double mycos(double x) { return Math.cos(x) + 1; }",
        "  @CustomRule(of = \"mycos\") static double mycosPullback(double x, double dy) { return -Math.sin(x) * dy; }",
        "  @Differentiable static double f(double x) { double m = mycos(x); return m * m; }",
        "}"));
    assertThat(c).succeeded();
    String code = c.generatedSourceFile("r.CosAdjoint").orElseThrow().getCharContent(true).toString();
    assertTrue(code.contains("Cos.mycosPullback(x, mBar)"), code);
    assertFalse(code.contains("Math.sin"), "the rule's body is not differentiated again:\n" + code);
  }

  @Test
  void ruleOnAnInterfaceMethodAppliesToImplementations() throws IOException {
    Compilation c = Sources.compile(
        Sources.source("r.Op",
            "package r;",
            "import dev.adjoint.annotations.*;",
            "interface Op {",
            "  double[] apply(double[] x);",
            "  double[] applyT(double[] y);",
            "  @CustomRule(of = \"apply\") static void applyPullback(Op self, double[] x, double[] dy, double[] xBar) {",
            "    double[] g = self.applyT(dy);",
            "    for (int i = 0; i < g.length; i++) xBar[i] += g[i];",
            "  }",
            "}"),
        Sources.source("r.Twice",
            "package r;",
            "final class Twice implements Op {",
            "  public double[] apply(double[] x) { double[] y = x.clone(); for (int i = 0; i < y.length; i++) y[i] *= 2; return y; }",
            "  public double[] applyT(double[] y) { return apply(y); }",
            "}"),
        Sources.source("r.Loss",
            "package r;",
            "import dev.adjoint.annotations.*;",
            "class Loss {",
            "  @Differentiable static double f(Twice op, double[] x) { double[] y = op.apply(x); return y[0] * y[1]; }",
            "}"));
    assertThat(c).succeeded();
    String code = c.generatedSourceFile("r.LossAdjoint").orElseThrow().getCharContent(true).toString();
    assertTrue(code.contains("Op.applyPullback(op, x, "), code);
  }

  @Test
  void ruleForAnotherClassIsFoundThroughItsTarget() throws IOException {
    Compilation c = Sources.compile(
        Sources.source("r.Lib", "package r;", "final class Lib { static double cube(double x) { return x * x * x; } }"),
        Sources.source("r.Use",
            "package r;",
            "import dev.adjoint.annotations.*;",
            "class Use {",
            "  @CustomRule(target = Lib.class, of = \"cube\") static double cubePullback(double x, double dy) { return 3 * x * x * dy; }",
            "  @Differentiable static double f(double x) { return Lib.cube(x) + x; }",
            "}"));
    assertThat(c).succeeded();
    String code = c.generatedSourceFile("r.UseAdjoint").orElseThrow().getCharContent(true).toString();
    assertTrue(code.contains("Use.cubePullback(x, "), code);
  }

  @Test
  void statefulRuleRunsOnceForwardAndItsClosureRunsInTheReverseSweep() throws IOException {
    Compilation c = Sources.compile(Sources.source("r.Traj",
        "package r;",
        "import dev.adjoint.annotations.*;",
        "import dev.adjoint.runtime.rules.Rrule;",
        "class Traj {",
        "  static double[] run(double[] x0, double k) { return x0.clone(); }",
        "  @CustomRule(of = \"run\") static Rrule<double[]> runRrule(double[] x0, double k) {",
        "    double[] kept = x0.clone();",
        "    return Rrule.of(kept, (dy, adj) -> new double[] {kept[0] * dy[0]});",
        "  }",
        "  @Differentiable static double f(double[] x0, double k) { double[] x = run(x0, k); return x[0] * k; }",
        "}"));
    assertThat(c).succeeded();
    String code = c.generatedSourceFile("r.TrajAdjoint").orElseThrow().getCharContent(true).toString();
    assertTrue(code.contains("Rrule<double[]> rule1 = Traj.runRrule(x0, k);"), code);
    assertTrue(code.contains("tape.pushObject(rule1);"), code);
    assertTrue(code.contains("Rrule<double[]> rule0 = tape.popObject();"), code);
    assertTrue(code.contains("rule0.pullback("), code);
  }

  @Test
  void statefulRuleWithWrongParametersIsRejectedWithTheExpectedSignature() {
    String[] body = {
        "static double g(double x, int n) { return x * n; }",
        "@CustomRule(of = \"g\") static dev.adjoint.runtime.rules.Rrule<Double> gRrule(double x) { " + Sources.HERE,
        "  return dev.adjoint.runtime.rules.Rrule.of(x, (dy, a) -> new double[] {dy});",
        "}"};
    Compilation c = Sources.compile(Sources.bad(body));
    assertThat(c).hadErrorContaining("[Adjoint:BadRule] the stateful rule of Bad.g must have the signature static"
        + " Rrule<Double> gRrule(double x, int p1)").inFile(Sources.bad(body)).onLine(Sources.markedLine(body));
  }
}
