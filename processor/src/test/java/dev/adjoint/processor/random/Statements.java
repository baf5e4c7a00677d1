package dev.adjoint.processor.random;

import dev.adjoint.processor.random.Code.Block;
import dev.adjoint.processor.random.Code.Line;
import dev.adjoint.processor.random.Expressions.E;
import java.util.ArrayList;
import java.util.List;

/**
 * Random statements of the supported subset: declarations and overwrites, compound assignments,
 * branches, counted, triangular, while and do loops, early exits, work arrays, time loops that
 * swap buffers, running maxima and helper calls. Every loop terminates: counted loops run over an
 * array's length, while loops advance their counter first.
 */
final class Statements {
  private static final int MAX_NESTING = 2;

  private final Helpers helpers;

  Statements(Helpers helpers) {
    this.helpers = helpers;
  }

  /** {@code count} statements in {@code ex}'s scope, whose declarations the scope then holds. */
  List<Code> block(Expressions ex, int count, int nesting) {
    List<Code> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.addAll(statement(ex, nesting));
    }
    return out;
  }

  private List<Code> statement(Expressions ex, int nesting) {
    Scope s = ex.scope;
    boolean canNest = nesting < MAX_NESTING && !s.arrays.isEmpty();
    return switch (pickKind(ex, canNest, s)) {
      case 0 -> declareScalar(ex);
      case 1 -> assignScalar(ex);
      case 2 -> writeElement(ex);
      case 3 -> branch(ex, nesting);
      case 4 -> countedLoop(ex, nesting);
      case 5 -> whileLoop(ex, nesting);
      case 6 -> exit(ex);
      case 7 -> workArray(ex, nesting);
      case 8 -> timeLoop(ex, nesting);
      case 9 -> runningExtremum(ex);
      case 10 -> callStatement(ex);
      case 11 -> smallLocal(ex);
      case 12 -> enhancedFor(ex, nesting);
      case 13 -> Switches.statement(this, ex, nesting);
      default -> List.of(new Line("// nothing"));
    };
  }

  private static int pickKind(Expressions ex, boolean canNest, Scope s) {
    while (true) {
      int k = ex.pick(List.of(0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 4, 5, 6, 7, 8, 9, 10, 10, 11, 12, 13));
      boolean nests = k == 3 || k == 4 || k == 5 || k == 7 || k == 8 || k == 9 || k == 12 || k == 13;
      if (nests && !canNest) {
        continue;
      }
      if (k == 1 && s.assignable.isEmpty() || k == 2 && s.writableArrays.isEmpty()
          || k == 6 && s.returns.equals("double[]") || k == 10 && s.arrays.isEmpty()) {
        continue;
      }
      return k;
    }
  }

  static List<Code> declareScalar(Expressions ex) {
    String name = ex.scope.fresh("s");
    E e = ex.scalar(3);
    ex.scope.scalars.add(name);
    ex.scope.assignable.add(name);
    // var infers the initialiser's type, which may be int or float (an element of a float[]), and
    // the variable is assigned doubles later: 1.0 * makes it a double
    String init = ex.chance(0.2) ? "var " + name + " = 1.0 * " + e.at(E.UNARY) : "double " + name + " = " + e.text();
    return List.of(new Line(init + ";", List.of("double " + name + " = 0.5;")));
  }

  private static List<Code> assignScalar(Expressions ex) {
    String v = ex.pick(ex.scope.assignable);
    String text = switch (ex.pick(List.of(0, 0, 1, 1, 2, 3, 4))) {
      case 0 -> v + " = " + ex.scalar(3).text() + ";";
      case 1 -> v + " += " + ex.scalar(3).text() + ";";
      case 2 -> v + " -= " + ex.scalar(2).text() + ";";
      case 3 -> v + " *= " + ex.scalar(2).text() + ";";
      default -> v + " /= " + ex.denominator(2) + ";";
    };
    return List.of(new Line(text, List.of(v + " += 1.25;")));
  }

  private static List<Code> writeElement(Expressions ex) {
    if (!ex.scope.floatArrays.isEmpty() && ex.chance(0.2)) {
      String f = ex.pick(new ArrayList<>(ex.scope.floatArrays.keySet()));
      String target = f + "[" + ex.index(ex.scope.floatArrays.get(f), f) + "]";
      // += narrows implicitly (float += double); = needs the cast
      return List.of(new Line(ex.chance(0.5) ? target + " += " + ex.scalar(2).text() + ";"
          : target + " = (float) " + ex.scalar(2).at(E.UNARY) + ";"));
    }
    String a = ex.pick(ex.scope.writableArrays);
    if (ex.chance(0.06)) {
      // a counter stepped inside the index, as in a[c++] = v, and read again after the statement
      String c = ex.scope.fresh("c");
      String value = ex.scalar(2).text();
      return List.of(new Line("int " + c + " = " + ex.pick("0", "1", "2") + ";"),
          new Line(a + "[wrap(" + c + ex.pick("++", "--") + ", " + a + ".length)] = " + value + ";"),
          new Line(a + "[wrap(" + c + ", " + a + ".length)] += 0.5;"));
    }
    if (ex.chance(0.12)) {
      // the JDK's helpers, lowered to loops: a shifted copy (possibly within one array) or a fill
      String from = ex.pick(new ArrayList<>(ex.scope.arrays.keySet()));
      return List.of(new Line(ex.chance(0.5)
          ? "System.arraycopy(" + from + ", " + ex.pick("0, " + a + ", 1", "1, " + a + ", 0") + ", Math.min(" + from
              + ".length, " + a + ".length) - 1);"
          : "java.util.Arrays.fill(" + a + ", 0, 1, " + ex.scalar(2).text() + ");"));
    }
    String target = a + "[" + ex.index(ex.scope.arrays.get(a), a) + "]";
    String op = ex.pick("=", "=", "+=", "*=", "-=");
    return List.of(new Line(target + " " + op + " " + ex.scalar(op.equals("*=") ? 1 : 3).text() + ";",
        List.of(target + " = 0.5;")));
  }

  private List<Code> branch(Expressions ex, int nesting) {
    String cond = ex.condition(2);
    List<Code> out = new ArrayList<>();
    out.add(new Block("if (" + cond + ") {", block(ex.in(ex.scope.child()), 1 + ex.pick(List.of(0, 1, 2)), nesting + 1), "}", true));
    if (ex.chance(0.5)) {
      out.add(new Block("else {", block(ex.in(ex.scope.child()), 1 + ex.pick(List.of(0, 1)), nesting + 1), "}", true));
    }
    return out;
  }

  private List<Code> countedLoop(Expressions ex, int nesting) {
    Scope s = ex.scope;
    Scope body = s.child();
    body.loopDepth++;
    body.inCase = false;
    String i = s.fresh("i");
    String array = ex.pick(new ArrayList<>(s.arrays.keySet()));
    String tag = s.arrays.get(array);
    Scope.Index enclosing = null;
    for (Scope.Index idx : s.indices) {
      if (idx.tag().equals(tag) && idx.lowest() == 0) {
        enclosing = idx;
      }
    }
    String head;
    int lowest = 0;
    int form = ex.pick(List.of(0, 0, 1, 2, 3, 4));
    if (form == 1 && enclosing != null) {
      head = "for (int " + i + " = 0; " + i + " <= " + enclosing.name() + "; " + i + "++) {";
    } else if (form == 2) {
      head = "for (int " + i + " = 1; " + i + " < " + array + ".length; " + i + "++) {";
      lowest = 1;
    } else if (form == 3) {
      head = "for (int " + i + " = " + array + ".length - 1; " + i + " >= 0; " + i + "--) {";
    } else if (form == 4 && s.ints.contains("n") && tag.equals("L")) {
      head = "for (int " + i + " = 0; " + i + " < n; " + i + "++) {";
    } else {
      head = "for (int " + i + " = 0; " + i + " < " + array + ".length; " + i + "++) {";
    }
    body.indices.add(new Scope.Index(i, tag, lowest));
    List<Code> stmts = block(ex.in(body), 1 + ex.pick(List.of(0, 1, 2)), nesting + 1);
    return List.of(new Block(head, stmts, "}", true));
  }

  private List<Code> whileLoop(Expressions ex, int nesting) {
    Scope s = ex.scope;
    String k = s.fresh("k");
    String i = s.fresh("i");
    String array = ex.pick(new ArrayList<>(s.arrays.keySet()));
    Scope body = s.child();
    body.loopDepth++;
    body.inCase = false;
    body.indices.add(new Scope.Index(i, s.arrays.get(array), 0));
    String bound = k + " < " + array + ".length";
    if (ex.chance(0.4) && !s.scalars.isEmpty()) {
      bound += " && " + ex.pick(s.scalars) + " < " + ex.pick("2.5", "1", "0.5");
    }
    List<Code> stmts = new ArrayList<>();
    stmts.add(new Line("int " + i + " = " + k + ";"));
    if (ex.chance(0.25)) {
      // counting down in the condition itself: while (k-- > 0)
      stmts.addAll(block(ex.in(body), 1 + ex.pick(List.of(0, 1, 2)), nesting + 1));
      return List.of(new Line("int " + k + " = " + array + ".length;"),
          new Block("while (" + k + "-- > 0) {", stmts, "}", false));
    }
    stmts.add(new Line(k + "++;"));
    stmts.addAll(block(ex.in(body), 1 + ex.pick(List.of(0, 1, 2)), nesting + 1));
    // a while loop that is a statement of the method body and cannot return is checkpointed half
    // the time, through its counter (the local declared just before it): the online schedule
    StringBuilder text = new StringBuilder();
    stmts.forEach(c -> c.render(text, 0));
    String mark = nesting == 0 && s.loopDepth == 0 && !s.inCase && !text.toString().contains("return")
        && ex.chance(0.5) ? "@Checkpointed(snapshots = " + ex.pick("1", "2", "3") + ") " : "";
    Line counter = new Line(mark + "int " + k + " = 0;");
    if (ex.chance(0.3)) {
      return List.of(counter, new Block("do {", stmts, "} while (" + bound + ");", false));
    }
    return List.of(counter, new Block("while (" + bound + ") {", stmts, "}", false));
  }

  /** An early return, or a break or continue inside a loop, under a condition. */
  private static List<Code> exit(Expressions ex) {
    Scope s = ex.scope;
    String cond = ex.condition(2);
    String what;
    if (s.loopDepth > 0 && ex.chance(0.6)) {
      what = s.inCase ? "continue;" : ex.pick("break;", "continue;"); // break would leave the switch
    } else if (s.returns.equals("void")) {
      what = "return;";
    } else {
      what = "return " + ex.scalar(2).text() + ";";
    }
    return List.of(new Line("if (" + cond + ") " + what));
  }

  private List<Code> workArray(Expressions ex, int nesting) {
    Scope s = ex.scope;
    String w = s.fresh("w");
    String source = ex.pick(new ArrayList<>(s.arrays.keySet()));
    String tag = s.arrays.get(source);
    List<Code> out = new ArrayList<>();
    switch (ex.pick(List.of(0, 1, 2, 3, 4, 5))) {
      case 4 -> {
        String f = s.fresh("fw");
        String i = s.fresh("i");
        Scope fill = s.child();
        fill.indices.add(new Scope.Index(i, tag, 0));
        fill.loopDepth++;
        out.add(new Line("float[] " + f + " = new float[" + source + ".length];"));
        out.add(new Block("for (int " + i + " = 0; " + i + " < " + f + ".length; " + i + "++) {",
            List.of(new Line(f + "[" + i + "] = (float) " + ex.in(fill).scalar(2).at(E.UNARY) + ";")), "}", true));
        s.floatArrays.put(f, tag);
        return out;
      }
      case 5 -> {
        String p = s.fresh("perm");
        String i = s.fresh("i");
        out.add(new Line("int[] " + p + " = new int[" + source + ".length];"));
        out.add(new Block("for (int " + i + " = 0; " + i + " < " + p + ".length; " + i + "++) {",
            List.of(new Line(p + "[" + i + "] = (" + i + " + " + ex.pick("1", "2", "3") + ") % " + p + ".length;")),
            "}", true));
        s.indexArrays.put(p, tag);
        return out;
      }
      case 0 -> {
        out.add(new Line("double[] " + w + " = new double[" + source + ".length];"));
        String i = s.fresh("i");
        Scope fill = s.child();
        fill.indices.add(new Scope.Index(i, tag, 0));
        fill.loopDepth++;
        out.add(new Block("for (int " + i + " = 0; " + i + " < " + w + ".length; " + i + "++) {",
            List.of(new Line(w + "[" + i + "] = " + ex.in(fill).scalar(2).text() + ";")), "}", true));
      }
      case 1 -> out.add(new Line("double[] " + w + " = " + source + ".clone();"));
      case 2 -> {
        out.add(new Line("double[] " + w + " = {" + ex.scalar(2).text() + ", " + ex.scalar(1).text()
            + ", " + ex.scalar(1).text() + "};"));
        tag = w;
      }
      default -> {
        String g = s.fresh("g");
        boolean single = ex.chance(0.3); // a float[][] work array
        String cast = single ? "(float) " : "";
        out.add(new Line((single ? "float" : "double") + "[][] " + g + " = new " + (single ? "float" : "double")
            + "[2][" + source + ".length];"));
        String i = s.fresh("i");
        Scope fill = s.child();
        fill.indices.add(new Scope.Index(i, tag, 0));
        fill.loopDepth++;
        Expressions f = ex.in(fill);
        out.add(new Block("for (int " + i + " = 0; " + i + " < " + source + ".length; " + i + "++) {",
            List.of(new Line(g + "[0][" + i + "] = " + cast + f.scalar(2).at(E.UNARY) + ";"),
                new Line(g + "[1][" + i + "] = " + cast + "(" + g + "[0][" + i + "] * " + f.scalar(1).at(E.MUL + 1) + ");")),
            "}", true));
        (single ? s.floatGrids : s.grids).put(g, tag);
        return out;
      }
    }
    s.arrays.put(w, tag);
    s.writableArrays.add(w);
    return out;
  }

  /** Two time levels swapped by reference each step, as a wave or heat loop does. */
  private List<Code> timeLoop(Expressions ex, int nesting) {
    Scope s = ex.scope;
    String source = ex.pick(new ArrayList<>(s.arrays.keySet()));
    String tag = s.arrays.get(source);
    String u = s.fresh("u");
    String v = s.fresh("v");
    String t = s.fresh("t");
    String i = s.fresh("i");
    String tmp = s.fresh("tmp");
    Scope inner = s.child();
    inner.loopDepth += 2;
    inner.arrays.put(u, tag);
    inner.indices.add(new Scope.Index(i, tag, 0));
    Expressions in = ex.in(inner);
    String update = v + "[" + i + "] = " + u + "[" + i + "] + 0.25 * (" + u + "[(" + i + " + 1) % " + u
        + ".length] - " + u + "[" + i + "]) * Math.tanh(" + in.scalar(1).text() + ");";
    Block space = new Block("for (int " + i + " = 0; " + i + " < " + u + ".length; " + i + "++) {",
        List.of(new Line(update, List.of(v + "[" + i + "] = " + u + "[" + i + "];"))), "}", true);
    // a time loop that is a statement of the method body is checkpointed half the time (its
    // gradient must not change; the tests compare it with central differences like any other)
    String mark = nesting == 0 && s.loopDepth == 0 && !s.inCase && ex.chance(0.5)
        ? "@Checkpointed(snapshots = " + ex.pick("1", "2", "3") + ") " : "";
    Block time = new Block("for (" + mark + "int " + t + " = 0; " + t + " < " + ex.pick("2", "3", source + ".length") + "; "
        + t + "++) {",
        List.of(space, new Line("double[] " + tmp + " = " + u + ";"), new Line(u + " = " + v + ";"),
            new Line(v + " = " + tmp + ";")), "}", false);
    s.arrays.put(u, tag);
    s.writableArrays.add(u);
    return List.of(new Line("double[] " + u + " = " + source + ".clone();"),
        new Line("double[] " + v + " = new double[" + source + ".length];"), time);
  }

  private List<Code> runningExtremum(Expressions ex) {
    Scope s = ex.scope;
    String m = s.fresh("m");
    String i = s.fresh("i");
    String e = s.fresh("e");
    String array = ex.pick(new ArrayList<>(s.arrays.keySet()));
    Scope body = s.child();
    body.indices.add(new Scope.Index(i, s.arrays.get(array), 0));
    body.loopDepth++;
    Expressions in = ex.in(body);
    String fn = ex.pick("max", "min");
    List<Code> loop = new ArrayList<>();
    loop.add(new Line("double " + e + " = " + in.scalar(2).text() + ";"));
    loop.add(new Line(ex.chance(0.7) ? m + " = Math." + fn + "(" + m + ", " + e + ");"
        : m + " = Math." + fn + "(" + e + ", " + m + ");"));
    List<Code> out = List.of(new Line("double " + m + " = " + ex.scalar(1).text() + ";"),
        new Block("for (int " + i + " = 0; " + i + " < " + array + ".length; " + i + "++) {", loop, "}", false));
    s.scalars.add(m);
    s.assignable.add(m);
    return out;
  }

  private List<Code> callStatement(Expressions ex) {
    if (helpers.all.isEmpty()) {
      return declareScalar(ex);
    }
    Helpers.Helper h = ex.pick(helpers.all);
    String call = helpers.call(ex, h, 2);
    if (call == null) {
      return declareScalar(ex);
    }
    Scope s = ex.scope;
    switch (h.shape()) {
      case WRITES:
        return List.of(new Line(call + ";"));
      case RETURNS_ARRAY: {
        String w = s.fresh("w");
        String arg = call.substring(call.indexOf('(') + 1, call.indexOf(','));
        s.arrays.put(w, s.arrays.get(arg));
        s.writableArrays.add(w);
        return List.of(new Line("double[] " + w + " = " + call + ";"));
      }
      default:
        if (!s.assignable.isEmpty() && ex.chance(0.6)) {
          String v = ex.pick(s.assignable);
          return List.of(new Line(v + " " + ex.pick("=", "+=") + " " + call + ";"));
        }
        String v = s.fresh("c");
        s.scalars.add(v);
        s.assignable.add(v);
        return List.of(new Line("double " + v + " = " + call + ";"));
    }
  }

  /**
   * A boolean, float, int, long, short, byte or char local, an int computed from a value, or a
   * step of an integer counter.
   */
  private static List<Code> smallLocal(Expressions ex) {
    Scope s = ex.scope;
    int r = ex.pick(List.of(0, 1, 2, 3, 3, 4, 5, 6));
    if (r == 3 && s.loopDepth > 0) {
      if (!s.longs.isEmpty() && ex.chance(0.3)) {
        return List.of(new Line(ex.pick(s.longs) + ex.pick("++;", " += 3;")));
      }
      if (!s.ints.isEmpty() && s.ints.get(s.ints.size() - 1).startsWith("c")) {
        String c = s.ints.get(s.ints.size() - 1);
        return List.of(new Line(c + ex.pick("++;", "--;", " += 2;")));
      }
    }
    switch (r) {
      case 0 -> {
        String b = s.fresh("p");
        String line = "boolean " + b + " = " + ex.condition(2) + ";";
        s.booleans.add(b);
        return List.of(new Line(line));
      }
      case 1 -> {
        String f = s.fresh("q");
        String line = "float " + f + " = (float) " + ex.scalar(2).at(E.UNARY) + ";";
        s.floats.add(f);
        return List.of(new Line(line));
      }
      case 4 -> {
        String l = s.fresh("l");
        s.longs.add(l);
        return List.of(new Line("long " + l + " = " + ex.pick("0", "1L", "2") + ";"));
      }
      case 5 -> {
        String c = s.fresh("c");
        String line = ex.pick("short " + c + " = 2;", "byte " + c + " = 1;", "char " + c + " = 'b';");
        s.ints.add(c);
        return List.of(new Line(line));
      }
      case 6 -> {
        String m = s.fresh("m");
        String line = "int " + m + " = (int) (3 * Math.abs(" + ex.scalar(2).text() + ")) % 4;";
        s.ints.add(m);
        return List.of(new Line(line));
      }
      default -> {
        String c = s.fresh("c");
        s.ints.add(c);
        return List.of(new Line("int " + c + " = " + ex.pick("0", "1") + ";"));
      }
    }
  }

  private List<Code> enhancedFor(Expressions ex, int nesting) {
    Scope s = ex.scope;
    String v = s.fresh("v");
    String array = ex.pick(new ArrayList<>(s.arrays.keySet()));
    Scope body = s.child();
    body.scalars.add(v);
    body.loopDepth++;
    body.inCase = false;
    List<Code> stmts = block(ex.in(body), 1 + ex.pick(List.of(0, 1)), nesting + 1);
    return List.of(new Block("for (double " + v + " : " + array + ") {", stmts, "}", true));
  }
}
