package dev.adjoint.processor.steps;

import dev.adjoint.processor.analyze.Activity;
import dev.adjoint.processor.analyze.Aliases;
import dev.adjoint.processor.analyze.Mutations;
import dev.adjoint.processor.diagnostics.Diagnostics;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.lower.Normalizer;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * The last check before lowering: every call as written (before inlining) must let the derivative
 * through, so a derivative lost through a callee's {@code wrt} or a passive method is an error
 * whether or not the call is inlined later. Which arrays a call writes decides which values are
 * active after it, so the round's fixed point over what each method writes settles first.
 */
public final class CheckCallsStep {
  private final Map<ExecutableElement, BitSet> mutations;
  private final Diagnostics diagnostics;
  private final Guard guard;

  /** @param mutations per method of the round, what it writes into; settled here */
  public CheckCallsStep(Map<ExecutableElement, BitSet> mutations, Diagnostics diagnostics, Guard guard) {
    this.mutations = mutations;
    this.diagnostics = diagnostics;
    this.guard = guard;
  }

  /**
   * Reports the calls that lose a derivative and returns the methods that make them: they get no
   * adjoint, though callers may still inline them.
   */
  public Set<ExecutableElement> check(List<ReadStep.Read> methods) {
    Mutations.settle(methods.stream().map(ReadStep.Read::ir).toList(), mutations);
    Set<ExecutableElement> failed = new HashSet<>();
    for (ReadStep.Read read : methods) {
      guard.run(read.element(), () -> {
        int before = diagnostics.errorCount();
        MethodIR plain = Normalizer.normalize(read.ir());
        Activity.of(plain, Aliases.of(plain)).check(plain, read.unit(), diagnostics);
        if (diagnostics.errorCount() != before) {
          failed.add(read.element());
        }
      });
    }
    return failed;
  }
}
