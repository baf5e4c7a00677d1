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
        + " requires: it calls Bad.h, whose @CustomRule has no pushforward form yet", "(x) + x",
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
  void withoutTheRequestTheMethodHasNoTangentAndCompiles() {
    Compilation compilation = Sources.compile(Sources.bad(RULE[0], RULE[1],
        "@Differentiable static double f(double x) { return h(x) + x; }"));
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.BadAdjoint").contentsAsUtf8String().doesNotContain("fTangent");
    assertThat(compilation).generatedSourceFile("test.BadAdjoint").contentsAsUtf8String().contains("fGradient");
  }
}
