package dev.adjoint.processor.steps;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.Trees;
import dev.adjoint.processor.diagnostics.Diagnostics;
import dev.adjoint.processor.diagnostics.Message;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.read.CallResolver;
import dev.adjoint.processor.read.MethodReader;
import dev.adjoint.processor.validate.SubsetValidator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * Reads each method of a class into the IR and validates it against the subset. A method whose
 * body javac cannot attribute yet is deferred; one with errors is reported and dropped.
 */
public final class ReadStep {
  /** A method read and found inside the subset, with the unit its diagnostics point into. */
  public record Read(ExecutableElement element, MethodIR ir, CompilationUnitTree unit) {}

  private final Trees trees;
  private final CallResolver calls;
  private final Diagnostics diagnostics;
  private final Deferrals deferrals;
  private final Guard guard;

  public ReadStep(Trees trees, CallResolver calls, Diagnostics diagnostics, Deferrals deferrals, Guard guard) {
    this.trees = trees;
    this.calls = calls;
    this.diagnostics = diagnostics;
    this.deferrals = deferrals;
    this.guard = guard;
  }

  /**
   * Reads and validates the methods of one class. When one must wait for a later round, they all
   * wait with it: a class's adjoint class is written once, with all its methods.
   */
  public List<Read> read(List<ExecutableElement> methodsOfOneClass) {
    SubsetValidator validator = new SubsetValidator(diagnostics);
    List<Read> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String[] waitsFor = {null};
    for (ExecutableElement m : methodsOfOneClass) {
      if (!seen.add(m.getSimpleName().toString())) {
        diagnostics.report(Message.OVERLOADED, m, m.getSimpleName());
        continue;
      }
      guard.run(m, () -> {
        MethodReader.Result read = new MethodReader(trees, calls).read(m);
        if (read.unresolved() != null) {
          waitsFor[0] = waitsFor[0] == null ? read.unresolved() : waitsFor[0];
          deferrals.defer(m, read.unresolved());
        } else if (validator.validate(read.method(), read.unit())) {
          out.add(new Read(m, read.method(), read.unit()));
        }
      });
    }
    if (waitsFor[0] != null) {
      out.forEach(r -> deferrals.defer(r.element(), waitsFor[0]));
      return List.of();
    }
    return out;
  }
}
