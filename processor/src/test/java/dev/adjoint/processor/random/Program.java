package dev.adjoint.processor.random;

import java.util.List;

/**
 * A generated class {@code rnd.<name>} and how to call its entry method {@code f}: {@code static
 * double f(double[] x, double[] y, double a, double b, int n)}, or the same as an instance method
 * of a class whose field the method reads.
 *
 * @param seed the seed it was generated from, to regenerate it
 * @param root the class, as a tree the shrinker can cut
 * @param instance whether f is an instance method
 * @param wrt the parameters f is differentiated in ({@code @Differentiable(wrt = ...)})
 * @param length the length of x and y
 * @param n the value of n, at most {@code length}
 * @param expectedError for a program with an unsupported construct (on the line marked {@link
 *     #UNSUPPORTED}), the id of the error the processor must report there; null for the others
 */
record Program(String name, long seed, Code.Block root, boolean instance, List<String> wrt, int length, int n,
    String expectedError) {
  static final String UNSUPPORTED = "// unsupported";
  static final String PACKAGE = "rnd";
  static final List<String> PARAMETERS = List.of("x", "y", "a", "b", "n");

  String qualifiedName() {
    return PACKAGE + "." + name;
  }

  String source() {
    StringBuilder out = new StringBuilder();
    out.append("package ").append(PACKAGE).append(";\n\n");
    out.append("import dev.adjoint.annotations.*;\n\n");
    root.render(out, 0);
    return out.toString();
  }

  /** The 1-based line of the unsupported construct in {@link #source()}, or -1. */
  int unsupportedLine() {
    String[] lines = source().split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(UNSUPPORTED)) {
        return i + 1;
      }
    }
    return -1;
  }

  /** The name of the plain twin: see {@link Probe}. */
  String twinName() {
    return name + "Plain";
  }

  /** The plain twin's source: see {@link Probe}. */
  String twinSource() {
    StringBuilder out = new StringBuilder();
    out.append("package ").append(PACKAGE).append(";\n\n");
    renamed(twinName()).root().render(out, 0, true);
    return out.toString();
  }

  /**
   * A program kept as a file: comment lines, one of them {@code // inputs: seed S, length L, n N},
   * then the class (without package and imports), whose entry is {@code f(x, y, a, b, n)}.
   */
  static Program parse(String text) {
    long seed = 0;
    int length = 3;
    int n = 0;
    List<String> lines = new java.util.ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("// inputs:")) {
        String[] parts = line.substring("// inputs:".length()).replace(",", "").trim().split("\\s+");
        seed = Long.parseLong(parts[1]);
        length = Integer.parseInt(parts[3]);
        n = Integer.parseInt(parts[5]);
      } else if (!line.startsWith("//") && !line.isBlank()) {
        lines.add(line);
      }
    }
    String head = lines.get(0);
    String name = head.replaceAll(".*class (\\w+).*", "$1");
    List<Code> body = new java.util.ArrayList<>();
    for (String line : lines.subList(1, lines.size() - 1)) {
      body.add(new Code.Line(line.startsWith("  ") ? line.substring(2) : line));
    }
    String entry = text.substring(text.indexOf(" f(double[] x"));
    String before = text.substring(0, text.indexOf(" f(double[] x"));
    String annotation = before.substring(before.lastIndexOf("@Differentiable"));
    boolean instance = !annotation.contains("static");
    List<String> wrt = annotation.contains("wrt")
        ? List.of(annotation.replaceAll("(?s).*wrt = \\{([^}]*)}.*", "$1").replace("\"", "").split(",\\s*"))
        : List.of("x", "y", "a", "b");
    assert entry != null;
    String expected = text.contains(UNSUPPORTED) ? text.replaceAll("(?s).*expect (\\[Adjoint:\\w+]).*", "$1") : null;
    return new Program(name, seed, new Code.Block(head, body, "}", false), instance, wrt, length, n, expected);
  }

  /** This program in the form {@link #parse} reads, after a comment saying why it is kept. */
  String asFile(String why) {
    StringBuilder out = new StringBuilder();
    for (String line : why.split("\n")) {
      out.append("// ").append(line).append('\n');
    }
    if (expectedError != null) {
      out.append("// expect ").append(expectedError).append('\n');
    }
    out.append("// inputs: seed ").append(seed).append(", length ").append(length).append(", n ").append(n).append('\n');
    root.render(out, 0);
    return out.toString();
  }

  Program withRoot(Code.Block newRoot) {
    return new Program(name, seed, newRoot, instance, wrt, length, n, expectedError);
  }

  Program renamed(String newName) {
    String head = root.head().replace("class " + name + " ", "class " + newName + " ");
    return new Program(newName, seed, new Code.Block(head, root.body(), root.tail(), false), instance, wrt, length, n,
        expectedError);
  }
}
