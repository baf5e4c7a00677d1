package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Programs outside the differentiable subset: each must fail to compile with the catalog message
 * on the exact line of the offending construct, and the processor must not crash.
 */
class InvalidProgramsTest {

  static Stream<Arguments> programs() {
    return Stream.of(
        program("try statement", "[Adjoint:UnsupportedStatement] A try statement",
            "@Differentiable static double f(double x) {",
            "  try { x = x * 2; } catch (RuntimeException e) { x = 0; } " + Sources.HERE,
            "  return x;",
            "}"),
        program("switch case that falls through", "[Adjoint:UnsupportedStatement] A case that falls through into the next",
            "@Differentiable static double f(double x, int k) {",
            "  switch (k) { case 1: x = x * 2; case 2: x = x + 1; break; default: x = 1; } " + Sources.HERE,
            "  return x;",
            "}"),
        program("break inside a switch case", "[Adjoint:UnsupportedStatement] A break out of a switch from inside a case",
            "@Differentiable static double f(double x, int k) {",
            "  switch (k) { case 1: if (x > 0) break; x = x * 2; break; default: x = 1; } " + Sources.HERE,
            "  return x;",
            "}"),
        program("switch over a String selector", "[Adjoint:UnsupportedStatement] A switch over a",
            "@Differentiable static double f(double x, String k) {",
            "  switch (k) { case \"a\": x = x * 2; break; default: x = 1; } " + Sources.HERE,
            "  return x;",
            "}"),
        program("lambda", "[Adjoint:UnsupportedExpression] A lambda expression",
            "@Differentiable static double f(double x) {",
            "  java.util.function.DoubleUnaryOperator g = v -> v * x; " + Sources.HERE,
            "  return x;",
            "}"),
        program("object allocation", "[Adjoint:UnsupportedExpression] Object allocation (new StringBuilder)",
            "@Differentiable static double f(double x) {",
            "  Object o = new StringBuilder(); " + Sources.HERE,
            "  return x;",
            "}"),
        program("string concatenation", "[Adjoint:UnsupportedExpression]",
            "@Differentiable static double f(double x) {",
            "  double y = (\"a\" + x).length(); " + Sources.HERE,
            "  return x * y;",
            "}"),
        program("call of a non-differentiable method with an active argument",
            "Annotate Bad.helper with @Differentiable or give it a @CustomRule",
            "static double helper(double v) { return v * v; }",
            "@Differentiable static double f(double x) {",
            "  return 2 * helper(x); " + Sources.HERE,
            "}"),
        program("field write", "[Adjoint:FieldWrite] the field 'counter'",
            "static double counter;",
            "@Differentiable static double f(double x) {",
            "  counter = x; " + Sources.HERE,
            "  return x;",
            "}"),
        program("increment inside an expression", "[Adjoint:SideEffectInExpression]",
            "@Differentiable static double f(double[] a) {",
            "  int i = 0;",
            "  double s = a[i++]; " + Sources.HERE,
            "  return s;",
            "}"),
        program("assignment inside an expression", "[Adjoint:SideEffectInExpression]",
            "@Differentiable static double f(double x) {",
            "  double y;",
            "  double z = (y = x) * 2; " + Sources.HERE,
            "  return z;",
            "}"),
        program("throw", "[Adjoint:UnsupportedStatement] A throw statement",
            "@Differentiable static double f(double x) {",
            "  if (x < 0) throw new IllegalArgumentException(); " + Sources.HERE,
            "  return x;",
            "}"),
        program("labelled break", "[Adjoint:UnsupportedStatement] A labelled",
            "@Differentiable static double f(double[] a) {",
            "  double s = 0;",
            "  outer: for (int i = 0; i < a.length; i++) { " + Sources.HERE,
            "    for (int j = 0; j < a.length; j++) { if (a[j] > 1) break outer; s += a[j]; }",
            "  }",
            "  return s;",
            "}"),
        program("unknown wrt name", "[Adjoint:UnknownWrt] @Differentiable(wrt) names 'z'",
            "@Differentiable(wrt = {\"z\"}) " + Sources.HERE,
            "static double f(double x) { return x; }"),
        program("overloaded methods", "[Adjoint:Overloaded]",
            "@Differentiable static double f(double x) { return x; }",
            "@Differentiable static double f(double x, double y) { return x * y; } " + Sources.HERE),
        program("three-dimensional array", "[Adjoint:UnsupportedType] The parameter 'a' has type double[][][]",
            "@Differentiable static double f(double[][][] a) { return a[0][0][0]; } " + Sources.HERE),
        program("active argument for a parameter outside wrt", "[Adjoint:NonDifferentiableArgument]",
            "@Differentiable(wrt = {\"x\"}) static double g(double x, double y) { return x * y; }",
            "@Differentiable static double f(double x) {",
            "  return g(1.0, x); " + Sources.HERE,
            "}"),
        program("private field", "[Adjoint:PrivateMember] The field Bad.scale is private",
            "private static double scale = 2;",
            "@Differentiable static double f(double x) {",
            "  return x * scale; " + Sources.HERE,
            "}"),
        program("instanceof", "[Adjoint:UnsupportedExpression] Instanceof",
            "@Differentiable static double f(double x, Object o) {",
            "  if (o instanceof String) { x = x * 2; } " + Sources.HERE,
            "  return x;",
            "}"),
        program("method reference", "[Adjoint:UnsupportedExpression] A method reference",
            "@Differentiable static double f(double x) {",
            "  java.util.function.DoubleUnaryOperator g = Math::sin; " + Sources.HERE,
            "  return x;",
            "}"),
        program("synchronized", "[Adjoint:UnsupportedStatement] A synchronized block",
            "@Differentiable static double f(double x) {",
            "  synchronized (Bad.class) { x = x * 2; } " + Sources.HERE,
            "  return x;",
            "}"),
        program("integer result", "[Adjoint:UnsupportedType] The result of f has type int",
            "@Differentiable static int f(double x) { return (int) x; } " + Sources.HERE),
        program("parameter named value", "[Adjoint:NameClash] the parameter name 'value'",
            "@Differentiable static double f(double value) { return value; } " + Sources.HERE),
        program("local class", "[Adjoint:UnsupportedStatement] A local class declaration",
            "@Differentiable static double f(double x) {",
            "  class Local { } " + Sources.HERE,
            "  return x;",
            "}"),
        program("enhanced for over a collection", "[Adjoint:UnsupportedStatement] An enhanced for loop over a collection",
            "@Differentiable static double f(double x, java.util.List<Double> list) {",
            "  for (Double d : list) { x = x * 2; } " + Sources.HERE,
            "  return x;",
            "}"),
        program("custom rule with a wrong signature", "[Adjoint:BadRule] the pullback of Bad.mycos must have the signature"
            + " static double mycosPullback(double x, double dy)",
            "static double mycos(double x) { return Math.cos(x) + 1; }",
            "@CustomRule(of = \"mycos\") static double mycosPullback(double x) { return -Math.sin(x); } " + Sources.HERE),
        program("custom rule for a missing method", "[Adjoint:BadRule] @CustomRule(of = \"nosuch\") names no method",
            "@CustomRule(of = \"nosuch\") static double p(double x, double dy) { return dy; } " + Sources.HERE));
  }

  private static Arguments program(String name, String message, String... body) {
    return Arguments.of(name, message, body);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void isRejectedOnTheExactLine(String name, String message, String[] body) {
    Compilation compilation = Sources.compile(Sources.bad(body));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(Sources.bad(body)).onLine(Sources.markedLine(body));
    assertThat(compilation).hadErrorCount(countAdjointErrors(compilation) + countJavacErrors(compilation));
  }

  private static int countAdjointErrors(Compilation c) {
    return (int) c.errors().stream().filter(d -> d.getMessage(null).contains("[Adjoint:")).count();
  }

  private static int countJavacErrors(Compilation c) {
    // no internal errors and nothing from generated code: every error is ours or the user's
    c.errors().forEach(d -> {
      String m = d.getMessage(null);
      if (m.contains("InternalError") || String.valueOf(d.getSource()).contains("Adjoint.java")) {
        throw new AssertionError("unexpected error: " + m);
      }
    });
    return (int) c.errors().stream().filter(d -> !d.getMessage(null).contains("[Adjoint:")).count();
  }
}
