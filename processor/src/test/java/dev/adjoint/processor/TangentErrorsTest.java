package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * {@code @Differentiable(tangent = true)} requires the forward mode: a method that cannot have a
 * tangent is then one error saying why and what to do; without it, the same method compiles,
 * without a tangent.
 */
class TangentErrorsTest {
  private static final String[] RULE = {
      "static double h(double x) { return x * x; }",
      "@CustomRule(of = \"h\") static double hPullback(double x, double dy) { return 2 * x * dy; }"};

  @Test
  void aRuleWithoutAPushforwardNamesTheRule() {
    Sources.assertRejected("[Adjoint:Tangent] f has no tangent (forward mode), which @Differentiable(tangent = true)"
        + " requires: it calls Bad.h, whose @CustomRule has no pushforward form: add one, @CustomRule(of = \"h\","
        + " form = CustomRule.Form.PUSHFORWARD)", "(x) + x",
        RULE[0], RULE[1],
        "@Differentiable(tangent = true) static double f(double x) {",
        "  return h(x) + x; " + Sources.HERE,
        "}");
  }

  @Test
  void aCalleeWithoutATangentIsNamed() {
    Sources.assertRejected("[Adjoint:Tangent] f has no tangent (forward mode), which @Differentiable(tangent = true)"
        + " requires: it calls Bad.g, which has none", "f(double x)",
        RULE[0], RULE[1],
        "@Differentiable static double g(double x, int n) { if (n <= 0) return h(x); return 3 * x; }",
        "@Differentiable(tangent = true) static double f(double x) { return g(x, 2) * x; } " + Sources.HERE);
  }

  @Test
  void aPushforwardRuleWithTheWrongSignatureNamesTheRightOne() {
    Sources.assertRejected("[Adjoint:BadRule] the pushforward of Bad.h must have the signature static double"
        + " hPushforward(double x, double xDot)", "hDot",
        RULE[0], RULE[1],
        "@CustomRule(of = \"h\", form = CustomRule.Form.PUSHFORWARD)"
            + " static double hDot(double x, double xDot, double dy) { return 2 * x * xDot; } " + Sources.HERE);
  }

  @Test
  void aPushforwardRuleNeedsAPullbackRule() {
    Sources.assertRejected("[Adjoint:BadRule] Bad.h has a pushforward rule but no pullback rule; add"
        + " @CustomRule(of = \"h\") static double hPullback(double x, double dy)", "hDot",
        RULE[0],
        "@CustomRule(of = \"h\", form = CustomRule.Form.PUSHFORWARD)"
            + " static double hDot(double x, double xDot) { return 2 * x * xDot; } " + Sources.HERE);
  }

  /** With both forms, f has a tangent (through the pushforward) and a gradient (through the pullback). */
  @Test
  void withAPushforwardRuleTheTangentIsRequestedAndWritten() {
    Compilation compilation = Sources.compile(Sources.bad(RULE[0], RULE[1],
        "@CustomRule(of = \"h\", form = CustomRule.Form.PUSHFORWARD)",
        "static double hDot(double x, double xDot) { return 2 * x * xDot; }",
        "@Differentiable(tangent = true) static double f(double x) { return h(x) * x; }"));
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.BadAdjoint").contentsAsUtf8String()
        .contains("double c0Dot = Bad.hDot(x, xDot);");
  }

  @Test
  void withoutTheRequestTheMethodHasNoTangentAndCompiles() {
    Compilation compilation = Sources.compile(Sources.bad(RULE[0], RULE[1],
        "@Differentiable static double f(double x) { return h(x) + x; }"));
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.BadAdjoint").contentsAsUtf8String().doesNotContain("fTangent");
    assertThat(compilation).generatedSourceFile("test.BadAdjoint").contentsAsUtf8String().contains("fGradient");
  }
}
