package dev.adjoint.processor.steps;

import dev.adjoint.processor.diagnostics.Diagnostics;
import dev.adjoint.processor.diagnostics.Message;
import dev.adjoint.processor.write.AdjointClassWriter;
import java.io.IOException;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;

/**
 * Writes one adjoint class through the Filer. The class names the user's class and methods as
 * its originating elements, so incremental builds know what to regenerate when they change.
 */
public final class WriteStep {
  private final Filer filer;
  private final Diagnostics diagnostics;

  public WriteStep(Filer filer, Diagnostics diagnostics) {
    this.filer = filer;
    this.diagnostics = diagnostics;
  }

  /** Writes owner's adjoint class; leftOut says which methods have none there, and why. */
  public void write(TypeElement owner, List<AdjointClassWriter.Entry> entries, List<String> leftOut) {
    try {
      AdjointClassWriter.write(owner, entries, leftOut).writeTo(filer);
    } catch (IOException e) {
      diagnostics.report(Message.INTERNAL_ERROR, owner, "cannot write the adjoint class: " + e);
    }
  }
}
