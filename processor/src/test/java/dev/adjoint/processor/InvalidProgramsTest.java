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
        program("try statement", "[Adjoint:UnsupportedStatement] A try statement", "try {",
            "@Differentiable static double f(double x) {",
            "  try { x = x * 2; } catch (RuntimeException e) { x = 0; } " + Sources.HERE,
            "  return x;",
            "}"),
        program("switch case that falls through", "[Adjoint:UnsupportedStatement] A case that falls through into the next", "case 1:",
            "@Differentiable static double f(double x, int k) {",
            "  switch (k) { case 1: x = x * 2; case 2: x = x + 1; break; default: x = 1; } " + Sources.HERE,
            "  return x;",
            "}"),
        program("break inside a switch case", "[Adjoint:UnsupportedStatement] A break out of a switch from inside a case", "break; x",
            "@Differentiable static double f(double x, int k) {",
            "  switch (k) { case 1: if (x > 0) break; x = x * 2; break; default: x = 1; } " + Sources.HERE,
            "  return x;",
            "}"),
        program("switch over a String selector", "[Adjoint:UnsupportedStatement] A switch over a", "switch (k)",
            "@Differentiable static double f(double x, String k) {",
            "  switch (k) { case \"a\": x = x * 2; break; default: x = 1; } " + Sources.HERE,
            "  return x;",
            "}"),
        program("lambda", "[Adjoint:UnsupportedExpression] A lambda expression", "v -> v",
            "@Differentiable static double f(double x) {",
            "  java.util.function.DoubleUnaryOperator g = v -> v * x; " + Sources.HERE,
            "  return x;",
            "}"),
        program("object allocation", "[Adjoint:UnsupportedExpression] Object allocation (new StringBuilder)", "new StringBuilder",
            "@Differentiable static double f(double x) {",
            "  Object o = new StringBuilder(); " + Sources.HERE,
            "  return x;",
            "}"),
        program("string concatenation", "[Adjoint:UnsupportedExpression]", "+ x)",
            "@Differentiable static double f(double x) {",
            "  double y = (\"a\" + x).length(); " + Sources.HERE,
            "  return x * y;",
            "}"),
        program("call of a non-differentiable method with an active argument",
            "Annotate Bad.helper with @Differentiable or give it a @CustomRule", "(x);",
            "static double helper(double v) { return v * v; }",
            "@Differentiable static double f(double x) {",
            "  return 2 * helper(x); " + Sources.HERE,
            "}"),
        program("field write", "[Adjoint:FieldWrite] the field 'counter'", "counter = x",
            "static double counter;",
            "@Differentiable static double f(double x) {",
            "  counter = x; " + Sources.HERE,
            "  return x;",
            "}"),
        program("counter stepped in an expression that also reads it", "[Adjoint:SideEffectInExpression]", "++]",
            "@Differentiable static double f(double[] a) {",
            "  int i = 0;",
            "  double s = a[i++] + a[i]; " + Sources.HERE,
            "  return s;",
            "}"),
        program("floating value stepped inside an expression", "[Adjoint:SideEffectInExpression]", "++ *",
            "@Differentiable static double f(double x) {",
            "  double y = x;",
            "  double z = y++ * 2; " + Sources.HERE,
            "  return z;",
            "}"),
        program("assignment inside an expression", "[Adjoint:SideEffectInExpression]", "= x)",
            "@Differentiable static double f(double x) {",
            "  double y;",
            "  double z = (y = x) * 2; " + Sources.HERE,
            "  return z;",
            "}"),
        program("throw", "[Adjoint:UnsupportedStatement] A throw statement", "throw new",
            "@Differentiable static double f(double x) {",
            "  if (x < 0) throw new IllegalArgumentException(); " + Sources.HERE,
            "  return x;",
            "}"),
        program("labelled break", "[Adjoint:UnsupportedStatement] A labelled", "outer:",
            "@Differentiable static double f(double[] a) {",
            "  double s = 0;",
            "  outer: for (int i = 0; i < a.length; i++) { " + Sources.HERE,
            "    for (int j = 0; j < a.length; j++) { if (a[j] > 1) break outer; s += a[j]; }",
            "  }",
            "  return s;",
            "}"),
        program("unknown wrt name", "[Adjoint:UnknownWrt] @Differentiable(wrt) names 'z'", "@Differentiable(wrt",
            "@Differentiable(wrt = {\"z\"}) " + Sources.HERE,
            "static double f(double x) { return x; }"),
        program("wrt this on a static method", "[Adjoint:WrtThis] @Differentiable(wrt = \"this\") on f cannot be"
            + " honoured: it is static", "@Differentiable(wrt",
            "double w;",
            "@Differentiable(wrt = \"this\") " + Sources.HERE,
            "static double f(double x) { return x; }"),
        program("wrt this without fields", "[Adjoint:WrtThis] @Differentiable(wrt = \"this\") on f cannot be"
            + " honoured: Bad declares no instance field", "@Differentiable(wrt",
            "int n; static double s;",
            "@Differentiable(wrt = {\"this\", \"x\"}) " + Sources.HERE,
            "double f(double x) { return x * n * s; }"),
        program("wrt this calling a method that reads the fields as constants",
            "[Adjoint:UnsupportedExpression] The call g() on this, in a method differentiated with respect to this, is"
                + " not supported",
            "(x);",
            "double w;",
            "@Differentiable double g(double x) { return w * x; }",
            "@Differentiable(wrt = \"this\") double f(double x) {",
            "  return g(x); " + Sources.HERE,
            "}"),
        program("a call through super", "[Adjoint:UnsupportedExpression] A call through super", "super.g(x)",
            "static class Base { @Differentiable double g(double x) { return x * x; } }",
            "static class Sub extends Base {",
            "  @Differentiable @Override double g(double x) {",
            "    return super.g(x) + 1; " + Sources.HERE,
            "  }",
            "}"),
        program("super naming a hidden field", "[Adjoint:UnsupportedExpression] Super naming a field this class hides",
            "super.w",
            "static class Base { double w = 2; }",
            "static class Sub extends Base {",
            "  double w = 3;",
            "  @Differentiable double h(double x) {",
            "    return super.w * x; " + Sources.HERE,
            "  }",
            "}"),
        program("wrt this passing this on", "[Adjoint:UnsupportedExpression] 'this' passed on or stored, in a method"
            + " differentiated with respect to this, is not supported", "this, x)",
            "double w;",
            "static double scaled(Bad m, double x) { return m.w * x; }",
            "@Differentiable(wrt = \"this\") double f(double x) {",
            "  return scaled(this, x); " + Sources.HERE,
            "}"),
        program("wrt this storing this", "[Adjoint:UnsupportedExpression] 'this' passed on or stored", "this;",
            "double w;",
            "@Differentiable(wrt = \"this\") double f(double x) {",
            "  Bad me = this; " + Sources.HERE,
            "  return me.w * x;",
            "}"),
        program("wrt this writing into a field's array", "[Adjoint:FieldWrite] the field 'w'", "[0] = x",
            "double[] w;",
            "@Differentiable(wrt = \"this\") double f(double x) {",
            "  w[0] = x; " + Sources.HERE,
            "  return w[1] * x;",
            "}"),
        program("overloaded methods", "[Adjoint:Overloaded]", "f(double x, double y)",
            "@Differentiable static double f(double x) { return x; }",
            "@Differentiable static double f(double x, double y) { return x * y; } " + Sources.HERE),
        program("three-dimensional array", "[Adjoint:UnsupportedType] The parameter 'a' has type double[][][]", "f(double[][][]",
            "@Differentiable static double f(double[][][] a) { return a[0][0][0]; } " + Sources.HERE),
        program("active argument for a parameter outside wrt", "[Adjoint:NonDifferentiableArgument]", "x);",
            "@Differentiable(wrt = {\"x\"}) static double g(double x, double y) { return x * y; }",
            "@Differentiable static double f(double x) {",
            "  return g(1.0, x); " + Sources.HERE,
            "}"),
        program("private method", "[Adjoint:PrivateMember] The method Bad.scale is private", "(x);",
            "private static double scale(double x) { return 2 * x; }",
            "@Differentiable static double f(double x) {",
            "  return scale(x); " + Sources.HERE,
            "}"),
        program("instanceof", "[Adjoint:UnsupportedExpression] Instanceof", "instanceof String",
            "@Differentiable static double f(double x, Object o) {",
            "  if (o instanceof String) { x = x * 2; } " + Sources.HERE,
            "  return x;",
            "}"),
        program("method reference", "[Adjoint:UnsupportedExpression] A method reference", "Math::sin",
            "@Differentiable static double f(double x) {",
            "  java.util.function.DoubleUnaryOperator g = Math::sin; " + Sources.HERE,
            "  return x;",
            "}"),
        program("synchronized", "[Adjoint:UnsupportedStatement] A synchronized block", "synchronized (",
            "@Differentiable static double f(double x) {",
            "  synchronized (Bad.class) { x = x * 2; } " + Sources.HERE,
            "  return x;",
            "}"),
        program("integer result", "[Adjoint:UnsupportedType] The result of f has type int", "f(double x)",
            "@Differentiable static int f(double x) { return (int) x; } " + Sources.HERE),
        program("parameter named value", "[Adjoint:NameClash] the parameter name 'value'", "f(double value)",
            "@Differentiable static double f(double value) { return value; } " + Sources.HERE),
        program("local class", "[Adjoint:UnsupportedStatement] A local class declaration", "class Local",
            "@Differentiable static double f(double x) {",
            "  class Local { } " + Sources.HERE,
            "  return x;",
            "}"),
        program("enhanced for over a collection", "[Adjoint:UnsupportedStatement] An enhanced for loop over a collection", "for (Double",
            "@Differentiable static double f(double x, java.util.List<Double> list) {",
            "  for (Double d : list) { x = x * 2; } " + Sources.HERE,
            "  return x;",
            "}"),
        program("custom rule with a wrong signature", "[Adjoint:BadRule] the pullback of Bad.mycos must have the signature"
            + " static double mycosPullback(double x, double dy)", "mycosPullback(double x)",
            "static double mycos(double x) { return Math.cos(x) + 1; }",
            "@CustomRule(of = \"mycos\") static double mycosPullback(double x) { return -Math.sin(x); } " + Sources.HERE),
        program("custom rule for a missing method", "[Adjoint:BadRule] @CustomRule(of = \"nosuch\") names no method", "p(double x",
            "@CustomRule(of = \"nosuch\") static double p(double x, double dy) { return dy; } " + Sources.HERE));
  }

  /**
   * One program: its name, the message expected, the text at which javac's column for the
   * construct lies (its operator, parenthesis or first token, as javac places a diagnostic), and
   * the class body, with {@link Sources#HERE} on the line of the error.
   */
  private static Arguments program(String name, String message, String at, String... body) {
    return Arguments.of(name, message, at, body);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void isRejectedAtTheExactExpression(String name, String message, String at, String[] body) {
    Compilation compilation = Sources.compile(Sources.bad(body));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(Sources.bad(body))
        .onLine(Sources.markedLine(body)).atColumn(Sources.markedColumn(at, body));
    // exactly one error, ours: nothing from javac, from generated code, or internal
    assertThat(compilation).hadErrorCount(1);
  }
}
