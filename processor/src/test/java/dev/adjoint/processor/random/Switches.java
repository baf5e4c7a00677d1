package dev.adjoint.processor.random;

import dev.adjoint.processor.random.Code.Block;
import dev.adjoint.processor.random.Code.Line;
import java.util.ArrayList;
import java.util.List;

/** Random switch statements: a case's body may continue an enclosing loop, never break out. */
final class Switches {
  private Switches() {}

  /**
   * A switch over n or an int local, in the classic form (each case a block, then break; two
   * labels sharing a body) or the arrow form, with or without a default.
   */
  static List<Code> statement(Statements statements, Expressions ex, int nesting) {
    Scope s = ex.scope;
    String selector = s.ints.contains("n") ? "n % 3" : s.ints.isEmpty() ? null : ex.pick(s.ints) + " % 3";
    if (selector == null) {
      return Statements.declareScalar(ex);
    }
    boolean arrow = ex.chance(0.4);
    boolean withDefault = ex.chance(0.7);
    List<Code> cases = new ArrayList<>();
    List<String> labels = new ArrayList<>(List.of("0", ex.chance(0.5) ? "1" : "1, 2"));
    if (withDefault) {
      labels.add("default");
    }
    for (String label : labels) {
      Scope body = s.child();
      body.inCase = true;
      List<Code> stmts = statements.block(ex.in(body), 1 + ex.pick(List.of(0, 1)), nesting + 1);
      String head = label.equals("default") ? "default" : arrow ? "case " + label : "case "
          + label.replace(", ", ": case ");
      if (arrow) {
        cases.add(new Block(head + " -> {", stmts, "}", false));
      } else {
        cases.add(new Block(head + ": {", stmts, "}", false));
        cases.add(new Line("break;"));
      }
    }
    return List.of(new Block("switch (" + selector + ") {", cases, "}", false));
  }
}
