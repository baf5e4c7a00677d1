package dev.adjoint.processor.diagnostics;

import java.util.List;

/**
 * Why a construct is outside the differentiable subset: its catalog entry and the names from the
 * user's code that fill the entry's description. The validator reports it at the construct's tree.
 */
public record Problem(Construct construct, List<String> names) {
  public Problem {
    names = List.copyOf(names);
  }

  public static Problem of(Construct construct, Object... names) {
    return new Problem(construct, java.util.Arrays.stream(names).map(String::valueOf).toList());
  }

  /** What the user wrote, e.g. "object allocation (new StringBuilder)". */
  public String description() {
    return construct.describe(names.toArray());
  }
}
