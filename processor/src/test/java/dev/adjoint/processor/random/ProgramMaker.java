package dev.adjoint.processor.random;

import dev.adjoint.processor.random.Code.Block;
import dev.adjoint.processor.random.Code.Line;
import dev.adjoint.processor.random.Helpers.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Makes one random class: a few helpers of random shapes, then the entry method {@code f}. */
final class ProgramMaker {
  /** One program in this many holds one construct outside the subset. */
  private static final int UNSUPPORTED_ONE_IN = 25;

  /** Constructs outside the subset (valid Java in f), and the error each must get at its line. */
  private static final String[][] UNSUPPORTED = {
      {"try { a = a * 2; } catch (RuntimeException e) { a = 0; }", "[Adjoint:UnsupportedStatement]"},
      {"switch (n) { case 1: a = a * 2; case 2: a = a + 1; break; default: a = 1; }", "[Adjoint:UnsupportedStatement]"},
      {"java.util.function.DoubleUnaryOperator op = v -> v * 2;", "[Adjoint:UnsupportedExpression]"},
      {"java.util.function.DoubleUnaryOperator op = Math::sin;", "[Adjoint:UnsupportedExpression]"},
      {"Object o = new StringBuilder();", "[Adjoint:UnsupportedExpression]"},
      {"double len = (\"a\" + a).length();", "[Adjoint:UnsupportedExpression]"},
      {"int at = 0; double first = x[at++] * x[at];", "[Adjoint:SideEffectInExpression]"},
      {"double tw; double th = (tw = a) * 2;", "[Adjoint:SideEffectInExpression]"},
      {"if (a < -100) throw new IllegalArgumentException();", "[Adjoint:UnsupportedStatement]"},
      {"outer: for (int i = 0; i < x.length; i++) { for (int j = 0; j < x.length; j++) { if (x[j] > 1) break outer; } }",
          "[Adjoint:UnsupportedStatement]"},
      {"synchronized (x) { a = a * 2; }", "[Adjoint:UnsupportedStatement]"},
      {"class Local { }", "[Adjoint:UnsupportedStatement]"},
      {"Object ob = x; if (ob instanceof double[]) { a = a * 2; }", "[Adjoint:UnsupportedExpression]"},
      {"assert n >= 0;", "[Adjoint:UnsupportedStatement]"},
      {"double sw = switch (n) { case 1 -> a; default -> b; };", "[Adjoint:UnsupportedExpression]"},
      {"int hs = java.util.Objects.hash(a, b);", "[Adjoint:UnsupportedExpression]"},
  };

  private ProgramMaker() {}

  static Program make(String name, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Helpers helpers = new Helpers();
    Statements statements = new Statements(helpers);
    List<Code> members = new ArrayList<>();
    members.add(new Line("static final double C = 0.75;"));
    boolean instance = random.nextInt(5) == 0;
    if (instance) {
      // a field the method reads, private or not (not a constant, so it is read, not inlined)
      members.add(new Line((random.nextBoolean() ? "private " : "") + "double scale = " + Inputs.SCALE + ";"));
    }
    // a passive index helper, called on integers only; a static field, read as a constant; a
    // reference type with a field and a passive method, held in a local
    members.add(new Line("static int wrap(int i, int n) { return ((i % n) + n) % n; }"));
    members.add(new Line((random.nextBoolean() ? "private " : "") + "static double gain = 0.5;"));
    members.add(new Line("static final class Knob { final double k = 0.25; int pick(int i, int n) { return (i * 7 + 3) % n; } }"));
    members.add(new Line("static final Knob KNOB = new Knob();"));
    int helperCount = random.nextInt(4);
    // the overloaded rules live in the library only: a local helper has one of the other shapes
    Shape[] shapes = java.util.Arrays.stream(Shape.values())
        .filter(s -> s != Shape.OVERLOADED_RULE && s != Shape.SELF_PURE && s != Shape.SELF_RECURSIVE).toArray(Shape[]::new);
    for (int h = 0; h < helperCount; h++) {
      Shape shape = shapes[random.nextInt(shapes.length)];
      String hName = "h" + h;
      members.addAll(shape.generated() ? List.of(helper(random, helpers, statements, hName, shape)) : fixed(hName, shape));
      helpers.all.add(new Helpers.Helper(hName, shape));
    }
    if (random.nextInt(4) == 0) {
      // another class: a nested one, whose adjoint is a class of its own
      List<Code> lib = new ArrayList<>();
      for (int g = 0; g < 1 + random.nextInt(2); g++) {
        Shape shape = List.of(Shape.PURE, Shape.READS, Shape.WRITES, Shape.WRITES_RETURNS).get(random.nextInt(4));
        lib.add(helper(random, helpers, statements, "g" + g, shape));
        helpers.all.add(new Helpers.Helper("Lib.g" + g, shape));
      }
      members.add(new Block("static final class Lib {", lib, "}", false));
    }
    if (random.nextInt(4) == 0) {
      helpers.all.add(Helpers.LIBRARY.get(random.nextInt(Helpers.LIBRARY.size())));
    }
    if (instance && random.nextBoolean()) {
      // methods on this that read the field and are differentiated with respect to it: inlined, or
      // (recursive) reached through a pullback that takes the field as a hidden argument
      members.add(new Line("@Differentiable(wrt = {\"this\", \"u\"}) double hs(double u) {"
          + " return scale * Math.sin(u) + 0.5 * u * u * scale; }"));
      members.add(new Line("@Differentiable(wrt = {\"this\", \"u\"}) double hr(double u, int k) {"
          + " return k <= 0 ? scale * u : Math.tanh(hr(u, k - 1)) * scale + 0.25 * u; }"));
      helpers.all.add(new Helpers.Helper("hs", Shape.SELF_PURE));
      helpers.all.add(new Helpers.Helper("hr", Shape.SELF_RECURSIVE));
    }
    List<String> wrt = List.of("x", "y", "a", "b");
    String annotation = "@Differentiable";
    if (random.nextInt(6) == 0) {
      wrt = random.nextBoolean() ? List.of("x", "a") : List.of("y", "b");
      annotation = "@Differentiable(wrt = {\"" + wrt.get(0) + "\", \"" + wrt.get(1) + "\"})";
    }
    if (instance && random.nextBoolean()) {
      // with respect to the receiver's field too: "this" last, as the pullback's scalars come
      wrt = List.of("x", "y", "a", "b", "this");
      annotation = "@Differentiable(wrt = {\"x\", \"y\", \"a\", \"b\", \"this\"})";
    }
    Scope scope = new Scope("double", null);
    scope.scalars.addAll(List.of("a", "b"));
    scope.assignable.addAll(List.of("a", "b"));
    scope.arrays.put("x", "L");
    scope.arrays.put("y", "L");
    scope.writableArrays.addAll(List.of("x", "y"));
    scope.ints.add("n");
    if (instance) {
      scope.scalars.add("scale");
    }
    Expressions ex = new Expressions(random, helpers, scope, true);
    List<Code> body = new ArrayList<>();
    if (random.nextInt(3) == 0) {
      body.add(new Line("Knob kb = KNOB;"));
      scope.knob = "kb";
    }
    body.addAll(statements.block(ex, 3 + random.nextInt(5), 0));
    body.add(new Line("return " + result(ex) + ";", List.of("return a;")));
    String expectedError = null;
    if (random.nextInt(UNSUPPORTED_ONE_IN) == 0) {
      String[] construct = UNSUPPORTED[random.nextInt(UNSUPPORTED.length)];
      int at = random.nextInt(body.size());
      // not between an if and its else, nor between a @Checkpointed local and the loop it marks
      while (body.get(at) instanceof Block b && b.head().startsWith("else")
          || at > 0 && body.get(at - 1) instanceof Line l && l.text().startsWith("@Checkpointed")) {
        at--;
      }
      body.add(at, new Line(construct[0] + " " + Program.UNSUPPORTED));
      expectedError = construct[1];
    }
    members.add(new Block(annotation + (instance ? " double" : " static double")
        + " f(double[] x, double[] y, double a, double b, int n) {", body, "}", false));
    int length = 2 + random.nextInt(4);
    int n = random.nextInt(length + 1);
    Block root = new Block("public class " + name + " {", members, "}", false);
    return new Program(name, seed, root, instance, wrt, length, n, expectedError);
  }

  /** A helper of a fixed form: a rule's target and pullback, or one of the everyday forms. */
  private static List<Code> fixed(String name, Shape shape) {
    return switch (shape) {
      case OPTIONAL_WEIGHTS -> List.of(new Line("@Differentiable static double " + name + "(double[] z, double[] w) {"
          + " double s = 0; for (int i = 0; i < z.length; i++) { s += (w == null ? 1.0 : w[i % w.length]) * z[i] * z[i]; }"
          + " return s; }"));
      case CHAR_UNIT -> List.of(new Line("@Differentiable static double " + name + "(double u, char unit) {"
          + " return unit == 'a' ? u * u : 2 * u + 0.5; }"));
      case DOUBLE_BOUND -> List.of(new Line("@Differentiable static double " + name + "(double[] z, double c) {"
          + " double s = 0; double lim = z.length * 0.75; for (int i = 0; i < lim; i++) { s += z[i] * c; } return s; }"));
      default -> rule(name, shape);
    };
  }

  /**
   * A rule's target and its hand-written pullback and pushforward, which the processor must use as
   * they are (the library's overloaded rule has no pushforward: its callers get no tangent).
   */
  private static List<Code> rule(String name, Shape shape) {
    String pushforward = "@CustomRule(of = \"" + name + "\", form = CustomRule.Form.PUSHFORWARD) static double "
        + name + "Pushforward";
    if (shape == Shape.RULE_SCALAR) {
      return List.of(
          new Line("static double " + name + "(double u, double v) { return u * Math.sin(v) + 0.5 * u * u; }"),
          new Line("@CustomRule(of = \"" + name + "\") static double[] " + name + "Pullback(double u, double v, double dy) {"
              + " return new double[] {dy * (Math.sin(v) + u), dy * u * Math.cos(v)}; }"),
          new Line(pushforward + "(double u, double v, double uDot, double vDot) {"
              + " return (Math.sin(v) + u) * uDot + u * Math.cos(v) * vDot; }"));
    }
    return List.of(
        new Line(pushforward + "(double[] z, double c, double[] zDot, double cDot) { double t = 0;"
            + " for (int i = 0; i < z.length; i++) t += (zDot == null ? 0 : 2 * z[i] * c * zDot[i]) + z[i] * z[i] * cDot;"
            + " return t; }"),
        new Line("static double " + name + "(double[] z, double c) { double s = 0; for (int i = 0; i < z.length; i++) s += z[i] * z[i] * c; return s; }"),
        new Block("@CustomRule(of = \"" + name + "\") static double " + name + "Pullback(double[] z, double c, double dy, double[] zBar) {",
            List.of(new Line("double cBar = 0;"),
                new Line("for (int i = 0; i < z.length; i++) {"),
                new Line("  if (zBar != null) zBar[i] += 2 * z[i] * c * dy;"),
                new Line("  cBar += z[i] * z[i] * dy;"),
                new Line("}"),
                new Line("return cBar;")), "}", false));
  }

  /** The returned value: the locals the body declared at its top level, plus an element or two. */
  private static String result(Expressions ex) {
    StringBuilder out = new StringBuilder();
    for (String v : ex.scope.scalars) {
      if (!v.equals("scale") && ex.chance(0.8)) {
        out.append(out.length() == 0 ? "" : " + ").append(v);
      }
    }
    if (ex.scope.arrays.isEmpty()) {
      return out.length() == 0 ? "0.5" : out.toString();
    }
    out.append(out.length() == 0 ? "" : " + ").append(ex.element());
    if (ex.chance(0.5)) {
      out.append(" * ").append(ex.element());
    }
    return out.toString();
  }

  private static Block helper(SplittableRandom random, Helpers helpers, Statements statements, String name, Shape shape) {
    String head;
    Scope scope;
    List<Code> body = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    switch (shape) {
      case PURE -> {
        scope = new Scope("double", null);
        scope.scalars.addAll(List.of("u", "v"));
        scope.assignable.addAll(List.of("u", "v"));
        head = "static double " + name + "(double u, double v) {";
      }
      case READS, WRITES, WRITES_RETURNS, RETURNS_ARRAY -> {
        String returns = shape == Shape.WRITES ? "void" : shape == Shape.RETURNS_ARRAY ? "double[]" : "double";
        scope = new Scope(returns, "Z");
        scope.scalars.add("c");
        scope.assignable.add("c");
        scope.arrays.put("z", "Z");
        if (shape == Shape.WRITES || shape == Shape.WRITES_RETURNS) {
          scope.writableArrays.add("z");
        }
        head = "static " + returns + " " + name + "(double[] z, double c) {";
      }
      case RECURSIVE -> {
        scope = new Scope("double", null);
        scope.arrays.put("z", "Z");
        scope.ints.add("k");
        head = "static double " + name + "(double[] z, int k) {";
        body.add(new Line("if (k <= 0) return z[0] * z[0];"));
      }
      case FLOATS -> {
        scope = new Scope("double", null);
        scope.floats.add("c");
        scope.floatArrays.put("fz", "Z");
        scope.arrays.put("fz", "Z");
        head = "static double " + name + "(float[] fz, float c) {";
        body.add(new Line("double acc = c;"));
        scope.scalars.add("acc");
        scope.assignable.add("acc");
        body.add(new Block("for (int i = 0; i < fz.length; i++) {",
            List.of(new Line("acc += fz[i] * c;")), "}", true));
        Expressions fx = new Expressions(random, helpers, scope, false);
        body.add(new Line("return acc * " + fx.scalar(1).at(Expressions.E.MUL + 1) + ";"));
        return new Block("@Differentiable " + head, body, "}", false);
      }
      case GRID -> {
        scope = new Scope("double", null);
        scope.scalars.add("c");
        scope.assignable.add("c");
        scope.grids.put("g", "G");
        head = "static double " + name + "(double[][] g, double c) {";
        body.add(new Block("for (int i = 0; i < g[0].length; i++) {",
            List.of(new Line("c += g[0][i] * g[1][i];")), "}", true));
      }
      default -> {
        scope = new Scope("double", null);
        scope.scalars.add("u");
        scope.assignable.add("u");
        scope.arrays.put("z", "Z");
        head = "static double " + name + "(double u, double[] z) {";
        body.add(new Line("if (u > 0.5) return u * z[0];"));
      }
    }
    Expressions ex = new Expressions(random, helpers, scope, true);
    if (shape == Shape.RETURNS_ARRAY) {
      body.add(new Line("double[] o = new double[z.length];"));
      scope.arrays.put("o", "Z");
      scope.writableArrays.add("o");
    }
    body.addAll(statements.block(ex, count, 1));
    switch (shape) {
      case WRITES -> body.add(new Line("z[0] = " + ex.scalar(2).text() + ";"));
      case WRITES_RETURNS -> {
        body.add(new Line("z[1] = z[0] * " + ex.scalar(1).at(Expressions.E.MUL + 1) + ";"));
        body.add(new Line("return " + result(ex) + ";", List.of("return c;")));
      }
      case RETURNS_ARRAY -> {
        body.add(new Line("o[0] += " + ex.scalar(2).text() + ";"));
        body.add(new Line("return o;"));
      }
      case RECURSIVE -> {
        body.add(new Line("double r = " + name + "(z, k - 1);"));
        body.add(new Line("return r * 0.5 + " + ex.scalar(2).text() + ";", List.of("return r;")));
      }
      default -> body.add(new Line("return " + result(ex) + ";"));
    }
    return new Block("@Differentiable " + head, body, "}", false);
  }
}
