package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.ReverseReads;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the reverse sweep as written against the to-be-recorded analysis ({@link ReverseReads}):
 * code that reads a variable the analysis did not find would read a value nobody recorded, so it
 * is an internal error rather than a wrong derivative. The analysis may find more than the code
 * reads (it is then merely cautious); with the system property {@code adjoint.exactReads=true},
 * which the processor's own tests set, it must find exactly what the code reads.
 */
final class AnalysisCheck {
  static final String EXACT = "adjoint.exactReads";

  private AnalysisCheck() {}

  static void compare(ReverseReads.Result facts, List<Set<Variable>> topReads, Map<Stmt, Set<Variable>> loopReads,
      MethodIR method) {
    boolean exact = Boolean.getBoolean(EXACT);
    for (int k = 0; k < topReads.size(); k++) {
      check(facts.topReads().get(k), topReads.get(k), exact, method, "top-level statement " + (k + 1));
    }
    for (Map.Entry<Stmt, Set<Variable>> e : loopReads.entrySet()) {
      Stmt loop = e.getKey();
      check(facts.loopReads().getOrDefault(loop, Set.of()), e.getValue(), exact, method,
          "the loop at " + LoopAdjoints.where(loop));
    }
    if (exact && facts.loopReads().size() != loopReads.size()) {
      throw new IllegalStateException("the to-be-recorded analysis of " + method.name() + " saw "
          + facts.loopReads().size() + " loops reversed, the reverse sweep " + loopReads.size());
    }
  }

  private static void check(Set<Variable> found, Set<Variable> read, boolean exact, MethodIR method, String where) {
    if (read == null) {
      return;
    }
    if (!found.containsAll(read) || exact && !found.equals(read)) {
      throw new IllegalStateException("the to-be-recorded analysis of " + method.name() + " at " + where + " found "
          + names(found) + " but the reverse sweep reads " + names(read));
    }
  }

  private static List<String> names(Set<Variable> vars) {
    return vars.stream().map(Variable::name).sorted().toList();
  }
}
