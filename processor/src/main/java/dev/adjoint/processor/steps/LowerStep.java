package dev.adjoint.processor.steps;

import dev.adjoint.processor.analyze.Mutations;
import dev.adjoint.processor.ir.CallTarget;
import dev.adjoint.processor.ir.IrRewriter;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.lower.LocalNames;
import dev.adjoint.processor.lower.Normalizer;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;

/**
 * Lowers the round's methods to the form the transform works on: control flow and calls in Java's
 * evaluation order, same-round callees inlined where they can be. Around it, settles which
 * parameters each method writes into (a fixed point over the calls between them), which keeping
 * the evaluation order around calls needs. Its output is final: locals carry their generated
 * names and calls a frozen copy of what their callees write.
 */
public final class LowerStep {
  /** A method as read, and lowered. */
  public record Lowered(ReadStep.Read read, MethodIR ir) {}

  private final Map<ExecutableElement, BitSet> mutations;
  private final Guard guard;

  /** @param mutations per method of the round, what it writes into; filled in here */
  public LowerStep(Map<ExecutableElement, BitSet> mutations, Guard guard) {
    this.mutations = mutations;
    this.guard = guard;
  }

  public Map<ExecutableElement, Lowered> lower(List<ReadStep.Read> methods) {
    Map<String, MethodIR> inlinable = new HashMap<>();
    for (ReadStep.Read r : methods) {
      inlinable.put(Normalizer.key(r.ir().owner().getQualifiedName().toString(), r.ir().name()), r.ir());
    }
    Mutations.settle(methods.stream().map(ReadStep.Read::ir).toList(), mutations);
    Map<ExecutableElement, Lowered> lowered = new java.util.LinkedHashMap<>();
    for (ReadStep.Read r : methods) {
      guard.run(r.element(), () -> lowered.put(r.element(), new Lowered(r, Normalizer.normalize(r.ir(), inlinable))));
    }
    Mutations.settle(lowered.values().stream().map(Lowered::ir).toList(), mutations);
    // from here on the IR holds its facts and never changes: locals get their final names, and
    // calls a copy of what their callees write
    lowered.replaceAll((element, l) -> {
      Map<Variable, Variable> named = LocalNames.of(l.ir());
      return new Lowered(l.read(), IrRewriter.rewrite(l.ir(), v -> named.getOrDefault(v, v), CallTarget::frozen));
    });
    return lowered;
  }
}
