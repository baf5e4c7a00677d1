package dev.adjoint.processor.analyze;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The optimisations the transform makes, each of which can be turned off with the processor
 * option {@code -Aadjoint.disable=name,...} (or {@code all}). With all of them off the adjoint
 * records every value it overwrites and reverses every loop trip by trip, as the textbook
 * transformation does; it is slower but has the same values. Running the tests in both modes
 * then shows an optimisation bug as a difference between them (Clad reruns its tests with
 * {@code -disable-tbr} for the same reason).
 */
public record Optimizations(Set<Kind> enabled) {
  /** The processor option that names the optimisations to turn off. */
  public static final String OPTION = "adjoint.disable";

  public enum Kind {
    /** Record only what the reverse sweep reads (Tapenade's to-be-recorded analysis). */
    TO_BE_RECORDED,
    /** Recompute loop-local values in the reverse iteration instead of recording them. */
    RECOMPUTE,
    /** Save a scalar once around a loop whose own reverse never reads it, not at every write. */
    LOOP_SAVES,
    /** Save a whole array before a loop (or per iteration) instead of every element it overwrites. */
    CHECKPOINTS,
    /** Keep a counted loop's records in one block on the tape. */
    RECORD_BLOCKS,
    /** Sum an adjoint element a reverse loop only accumulates into in a local. */
    HOISTING,
    /** Reverse a running min/max loop for its winning trip alone. */
    RUNNING_EXTREMA,
    /** Record costly Math values and min/max choices where the statement computes them. */
    STATEMENT_RECORDS,
    /** A zero adjoint adds nothing even where a partial derivative is infinite. */
    STRONG_ZEROS,
    /** Skip a reverse loop whose incoming adjoints are all zero. */
    ZERO_SKIP;

    /** The name the option uses: TO_BE_RECORDED is "toBeRecorded". */
    public String optionName() {
      StringBuilder sb = new StringBuilder();
      for (String part : name().toLowerCase(Locale.ROOT).split("_")) {
        sb.append(sb.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
      }
      return sb.toString();
    }
  }

  public static final Optimizations ALL = new Optimizations(EnumSet.allOf(Kind.class));

  public Optimizations {
    enabled = Set.copyOf(enabled);
  }

  public boolean on(Kind kind) {
    return enabled.contains(kind);
  }

  /**
   * All optimisations but those the option value names; "all" names every one.
   *
   * @throws IllegalArgumentException for a name that is not an optimisation, listing the names
   */
  public static Optimizations disabling(String optionValue) {
    EnumSet<Kind> on = EnumSet.allOf(Kind.class);
    if (optionValue == null || optionValue.isBlank()) {
      return new Optimizations(on);
    }
    for (String name : optionValue.split(",")) {
      String n = name.trim();
      if (n.equals("all")) {
        on.clear();
        continue;
      }
      Kind kind = null;
      for (Kind k : Kind.values()) {
        if (k.optionName().equals(n)) {
          kind = k;
        }
      }
      if (kind == null) {
        List<String> names = new ArrayList<>(List.of("all"));
        for (Kind k : Kind.values()) {
          names.add(k.optionName());
        }
        throw new IllegalArgumentException("-A" + OPTION + " names '" + n + "', which is not one of " + names);
      }
      on.remove(kind);
    }
    return new Optimizations(on);
  }
}
