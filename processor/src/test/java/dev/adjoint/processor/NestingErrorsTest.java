package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Calls of generated derivatives from differentiable code: what nests (a tangent; the gradient of
 * a method of double parameters) compiles, and what does not is one error at the call that says
 * which generated methods can be differentiated through, or that the nesting is too deep.
 */
class NestingErrorsTest {
  private static final JavaFileObject INNER = JavaFileObjects.forSourceLines("test.Inner",
      "package test;",
      "import dev.adjoint.annotations.*;",
      "class Inner {",
      "  @Differentiable static double f(double x, double y) { return x * x * y; }",
      "  @Differentiable static double g(double[] a) { return a[0] * a[0] * a[1]; }",
      "}");

  private static Compilation compile(String... body) {
    return Sources.compile(INNER, Sources.bad(body));
  }

  /** As {@link Sources#assertRejected}, with Inner compiled alongside. */
  private static void assertRejected(String message, String at, String... body) {
    Compilation c = compile(body);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(message).inFile(Sources.bad(body))
        .onLine(Sources.markedLine(body)).atColumn(Sources.markedColumn(at, body));
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void theGradientOfAMethodOfDoublesNests() {
    Compilation c = compile("@Differentiable(tangent = true) static double h(double x) {",
        "  double[] d = InnerAdjoint.fPullbackInto(x, 2 * x, 1.0);",
        "  return d[0] * d[1];",
        "}");
    assertThat(c).succeeded();
    assertThat(c).generatedSourceFile("test.BadAdjoint").contentsAsUtf8String()
        .contains("InnerAdjointAdjoint.fPullbackIntoPullback(");
    assertThat(c).generatedSourceFile("test.BadAdjoint").contentsAsUtf8String()
        .contains("InnerAdjointAdjoint.fPullbackIntoPushforward(");
  }

  @Test
  void theGradientOfAMethodOfArraysDoesNotNestAndSaysWhatDoes() {
    assertRejected("[Adjoint:UnsupportedCall] InnerAdjoint.gPullbackInto has no derivative: it is called with an"
        + " argument that depends on the differentiated inputs. Of a generated class, differentiable code may call"
        + " fPushforwardInto (a tangent) and fPullbackInto of a method with a scalar result, a tangent and only double"
        + " parameters to differentiate", "(a, 1.0, b)",
        "@Differentiable static double h(double[] a) {",
        "  double[] b = new double[2];",
        "  InnerAdjoint.gPullbackInto(a, 1.0, b); " + Sources.HERE,
        "  return b[0];",
        "}");
  }

  @Test
  void aSecondOrderMethodIsTooDeep() {
    assertRejected("[Adjoint:UnsupportedCall] InnerAdjointAdjoint.fPushforwardIntoPushforwardInto has no"
        + " derivative: it is called with an argument that depends on the differentiated inputs."
        + " fPushforwardIntoPushforwardInto is a second-order method: Adjoint differentiates derivatives once (nesting"
        + " depth 2)", "(x, 1, 1, 0",
        "@Differentiable static double h(double x) {",
        "  return InnerAdjointAdjoint.fPushforwardIntoPushforwardInto(x, 1, 1, 0, null, 1, 0, 0, 0, null, null); "
            + Sources.HERE,
        "}");
  }
}
