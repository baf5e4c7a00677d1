package dev.adjoint.processor.transform;

import dev.adjoint.processor.analyze.RunningExtremum;
import dev.adjoint.processor.emit.Code;
import dev.adjoint.processor.ir.JType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;

/**
 * Running min/max loops reversed for their winning trip alone ({@link RunningExtremum}): the
 * forward notes the last trip whose challenger won, the reverse runs the body's adjoint for it.
 */
final class ExtremumAdjoints {
  private final SweepState st;
  private final Recorder recorder;
  private final RecordingSets sets;
  private final TripCounts tripCounts;
  private final LoopAdjoints loops;
  private final StatementContext sweep;

  ExtremumAdjoints(SweepState st, Recorder recorder, RecordingSets sets, TripCounts tripCounts, LoopAdjoints loops,
      StatementContext sweep) {
    this.st = st;
    this.recorder = recorder;
    this.sets = sets;
    this.tripCounts = tripCounts;
    this.loops = loops;
    this.sweep = sweep;
  }

  /** The loop's running min/max update when it is reversed as one ({@link RunningExtremum}), else null. */
  RunningExtremum.Update extremumOf(Stmt.CountedLoop c) {
    return st.rules.extremumOf(c, st.withoutExtremum);
  }

  /**
   * A running min/max loop as written, noting in won the number of the last trip whose challenger
   * won (-1 if none); the caller records won after it. Its body must record nothing.
   */
  void forwardExtremum(Stmt.CountedLoop c, RunningExtremum.Update update, String won, Code out) {
    sets.pushSaves(sets.of(c).saves(), out);
    sets.inLoop(c, recording -> {
      out.declare("int", won, "-1");
      Code body = new Code();
      String start = st.printer.print(c.start());
      String trip = tripCounts.tripNumber(c);
      withExtremum(update, won, c.index().type().base() == JType.Base.LONG ? "(int) (" + trip + ")" : trip,
          () -> sweep.forward(c.body(), body));
      if (recorder.mentionsTape(body)) {
        st.extremumMismatches.add(c);
      }
      out.open(tripCounts.header(c, start));
      out.append(body);
      out.close();
    });
  }

  /**
   * The reverse of a running min/max loop: the body's adjoint for the trip won names, with the
   * challenger taking the running value's whole adjoint; nothing when no trip's challenger won.
   */
  void reverseExtremum(Stmt.CountedLoop c, RunningExtremum.Update update, String won, Code out) {
    withExtremum(update, null, null, () -> loops.reverseLoop(c, c.body(), null, (header, body) -> {
      if (recorder.mentionsTape(body)) {
        st.extremumMismatches.add(c);
      }
      Variable i = c.index();
      header.open("if (" + won + " >= 0)");
      header.declare(i.type().sourceText(), i.name(), tripCounts.indexAt(c.start(), null, won, c.step()));
      loops.recompute(c, header);
      header.append(body);
      header.close();
    }, out));
  }

  private void withExtremum(RunningExtremum.Update update, String won, String trip, Runnable work) {
    RunningExtremum.Update outerUpdate = st.extremum;
    String outerWon = st.extremumWon;
    String outerTrip = st.extremumTrip;
    st.extremum = update;
    st.extremumWon = won;
    st.extremumTrip = trip;
    try {
      work.run();
    } finally {
      st.extremum = outerUpdate;
      st.extremumWon = outerWon;
      st.extremumTrip = outerTrip;
    }
  }
}
