package dev.adjoint.processor.steps;

import dev.adjoint.processor.analyze.Activity;
import dev.adjoint.processor.analyze.Aliases;
import dev.adjoint.processor.diagnostics.Diagnostics;
import dev.adjoint.processor.diagnostics.Message;
import dev.adjoint.processor.ir.AdjointNaming;
import dev.adjoint.processor.ir.MethodIR;
import dev.adjoint.processor.read.Annotations;
import dev.adjoint.processor.analyze.Optimizations;
import dev.adjoint.processor.transform.Sweep;
import dev.adjoint.processor.transform.SweepBuilder;
import dev.adjoint.processor.transform.Tangent;
import dev.adjoint.processor.transform.TangentBuilder;
import dev.adjoint.processor.transform.TransformException;
import dev.adjoint.processor.write.AdjointClassWriter;
import java.util.Optional;

/**
 * For one lowered method: checks its calls as written, analyses what is active and what aliases
 * what, and builds its sweeps.
 */
public final class GenerateStep {
  private final Diagnostics diagnostics;
  private final boolean verbose;
  private final Optimizations optimizations;

  public GenerateStep(Diagnostics diagnostics, boolean verbose, Optimizations optimizations) {
    this.diagnostics = diagnostics;
    this.verbose = verbose;
    this.optimizations = optimizations;
  }

  /**
   * The method's tangent, or null where it uses what tangents do not cover yet (noted in verbose
   * mode): the reverse sweep does not depend on it.
   */
  private Tangent tangent(MethodIR ir, Activity activity, com.sun.source.tree.CompilationUnitTree unit) {
    try {
      // the classes written for second derivatives get no vector tangents: nothing calls them
      return TangentBuilder.build(ir, activity, AdjointNaming.packageName(ir.owner()), optimizations,
          !Annotations.isGeneratedByAdjoint(ir.owner()));
    } catch (TransformException e) {
      if (Annotations.requiresTangent(ir.element())) {
        diagnostics.report(Message.TANGENT, e.tree(), unit, ir.element(), ir.name(), e.problem().description(),
            "Call a @Differentiable method there instead, or leave out tangent = true");
      } else if (verbose) {
        diagnostics.report(Message.VERBOSE, ir.element(), ir.owner().getSimpleName() + "." + ir.name()
            + ": no tangent: " + e.problem().description());
      }
      return null;
    }
  }

  public Optional<AdjointClassWriter.Entry> generate(LowerStep.Lowered method) {
    MethodIR ir = method.ir();
    Aliases aliases = Aliases.of(ir);
    Activity activity = Activity.of(ir, aliases);
    try {
      Sweep sweep = SweepBuilder.build(ir, activity, aliases, AdjointNaming.packageName(ir.owner()),
          optimizations);
      if (verbose) {
        diagnostics.report(Message.VERBOSE, ir.element(), ir.owner().getSimpleName() + "." + ir.name()
            + ": active " + sweep.active() + "; recorded " + sweep.recorded()
            + (sweep.mutatedParams().isEmpty() ? "" : "; mutates " + sweep.mutatedParams()));
      }
      return Optional.of(new AdjointClassWriter.Entry(ir, sweep, tangent(ir, activity, method.read().unit())));
    } catch (TransformException e) {
      diagnostics.report(e.problem(), e.tree(), method.read().unit(), ir.element());
      return Optional.empty();
    }
  }
}
