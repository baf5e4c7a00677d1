package dev.adjoint.processor.random;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a failing program down while it still fails the same way: greedily deletes members and
 * statements, unwraps branches and loops and simplifies lines, keeping the first smaller program
 * that reproduces the outcome, until none does or the time is up.
 */
final class Shrinker {
  private static final int CHUNK = 12;
  private final Tester tester;
  private final long deadlineNanos;

  Shrinker(Tester tester, long seconds) {
    this.tester = tester;
    this.deadlineNanos = System.nanoTime() + seconds * 1_000_000_000L;
  }

  Tester.Report shrink(Tester.Report failure) {
    Tester.Report best = failure;
    String name = failure.program().name();
    int tried = 0;
    boolean progress = true;
    while (progress && System.nanoTime() < deadlineNanos) {
      progress = false;
      List<Code.Block> steps = Code.shrinkSteps(best.program().root());
      for (int start = 0; start < steps.size() && !progress && System.nanoTime() < deadlineNanos; start += CHUNK) {
        List<Program> candidates = new ArrayList<>();
        for (Code.Block step : steps.subList(start, Math.min(steps.size(), start + CHUNK))) {
          candidates.add(best.program().withRoot(step).renamed(name + "s" + tried++));
        }
        for (Tester.Report r : tester.check(candidates)) {
          if (sameFailure(r, failure)) {
            best = r;
            progress = true;
            break;
          }
        }
      }
    }
    return best;
  }

  /** The same outcome; for a rejection, the same diagnostic id too. */
  private static boolean sameFailure(Tester.Report r, Tester.Report original) {
    if (r.outcome() != original.outcome()) {
      return false;
    }
    return r.outcome() != Outcome.REJECTED || id(r.detail()).equals(id(original.detail()));
  }

  private static String id(String detail) {
    int at = detail.indexOf("[Adjoint:");
    return at < 0 ? "" : detail.substring(at, detail.indexOf(']', at) + 1);
  }
}
