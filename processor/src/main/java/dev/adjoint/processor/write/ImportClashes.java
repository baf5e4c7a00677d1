package dev.adjoint.processor.write;

import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.emit.RuntimeClasses;
import dev.adjoint.processor.transform.Sweep;
import dev.adjoint.processor.transform.Tangent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The simple names JavaPoet must qualify instead of importing: those the printed code also uses,
 * as text, for a class of the adjoint's own package (a user class named {@code Tape} or {@code Fft}),
 * where an import would make the text name the imported class.
 */
final class ImportClashes {
  /** Classes the writer itself names, which JavaPoet imports. */
  private static final List<String> WRITER_IMPORTS = List.of("VarHandle", "MethodHandles", "FlatParams", "Generated",
      "Mutates");

  private ImportClashes() {}

  static Set<String> of(List<AdjointClassWriter.Entry> entries) {
    Set<String> imported = new TreeSet<>(WRITER_IMPORTS);
    RuntimeClasses.ALL.forEach(c -> imported.add(c.simpleName()));
    Set<String> local = new TreeSet<>();
    for (AdjointClassWriter.Entry e : entries) {
      Sweep s = e.sweep();
      local.addAll(s.localNames());
      Tangent t = e.tangent();
      Tangent lanes = t == null ? null : t.vector();
      if (t != null) {
        local.addAll(t.localNames());
      }
      if (lanes != null) {
        local.addAll(lanes.localNames());
      }
      for (Code c : new Code[] {s.body(), s.recordBody(), s.reverseBody(), t == null ? null : t.body(),
          lanes == null ? null : lanes.body()}) {
        if (c != null) {
          imported.addAll(c.classNames());
        }
      }
    }
    local.retainAll(imported);
    return local;
  }
}
