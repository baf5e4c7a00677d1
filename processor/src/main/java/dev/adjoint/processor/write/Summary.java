package dev.adjoint.processor.write;

import dev.adjoint.processor.ir.CallTarget;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalker;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.transform.Sweep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The summary that opens the Javadoc of a method's adjoint, as Tapenade heads each routine it
 * differentiates: the differentiable inputs, the active output, the arrays the method mutates,
 * what the forward sweep records in each iteration of each loop (what the tape grows by), and the
 * custom rules and other adjoints it calls.
 */
final class Summary {
  private Summary() {}

  /** The summary as Javadoc HTML, ending in a newline. */
  static String of(MethodIR m, Sweep sweep) {
    List<String> items = new ArrayList<>();
    items.add("with respect to: " + codes(shown(m, m.wrt().stream().map(Variable::name).toList())));
    if (m.returnType().isVoid()) {
      items.add("active output: the arrays it writes, " + codes(shown(m, sweep.mutatedParams())));
    } else {
      items.add("active output: the result, {@code " + m.returnType().sourceText() + "}");
    }
    items.add("mutates: " + (sweep.mutatedParams().isEmpty() ? "no parameter"
        : codes(shown(m, sweep.mutatedParams())) + ", left as found by the pullbacks"));
    Map<Long, Set<String>> perIteration = sweep.recordedPerIteration();
    if (perIteration.isEmpty()) {
      items.add("records per loop iteration: nothing");
    } else {
      List<String> loops = new ArrayList<>();
      perIteration.forEach((line, what) -> loops.add((line == 0 ? "a loop it introduced" : "the loop at line " + line)
          + ": " + String.join(", ", what)));
      items.add("records per loop iteration: " + String.join("; ", loops));
    }
    Set<String> rules = new TreeSet<>();
    Set<String> adjoints = new TreeSet<>();
    IrWalker.allExpressions(m.body(), e -> {
      if (e instanceof Expr.Invoke call && call.target().kind() == CallTarget.Kind.DIFFERENTIABLE) {
        adjoints.add(call.target().displayName());
      } else if (e instanceof Expr.Invoke call && call.target().isDifferentiated()) {
        rules.add(call.target().displayName());
      }
    });
    if (!rules.isEmpty()) {
      items.add("custom rules: " + codes(List.copyOf(rules)));
    }
    if (!adjoints.isEmpty()) {
      items.add("calls the adjoints of: " + codes(List.copyOf(adjoints)));
    }
    StringBuilder out = new StringBuilder("<p>Reverse mode:\n<ul>\n");
    items.forEach(i -> out.append("  <li>").append(i).append("\n"));
    return out.append("</ul>\n").toString();
  }

  private static String codes(List<String> names) {
    return names.isEmpty() ? "none" : String.join(", ", names.stream().map(n -> "{@code " + n + "}").toList());
  }

  /** Parameter names as a reader knows them: a field parameter ({@code thisW}) as {@code this.w}. */
  private static List<String> shown(MethodIR m, List<String> names) {
    return names.stream().map(n -> m.params().stream()
        .filter(p -> p.kind() == Variable.Kind.FIELD && p.name().equals(n)).findFirst()
        .map(Variable::displayName).orElse(n)).toList();
  }
}
