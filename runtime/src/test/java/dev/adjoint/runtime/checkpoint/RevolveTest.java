package dev.adjoint.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RevolveTest {
  @Test
  void theIssuesFiguresForAThousandSteps() {
    assertEquals(3636, Revolve.minimalAdvances(1000, 10));
    assertEquals(2747, Revolve.minimalAdvances(1000, 20));
    assertEquals(1948, Revolve.minimalAdvances(1000, 50));
    assertEquals(4, Revolve.repetitions(1000, 10));
  }

  @ParameterizedTest
  @CsvSource({"1,1", "2,1", "7,1", "10,2", "10,3", "55,3", "100,5", "1000,10", "1000,20", "1000,50", "997,7",
      "2000,20", "5000,30", "300,300"})
  void theScheduleIsCorrectWithinBudgetAndAdvancesTheMinimalNumberOfSteps(int steps, int snapshots) {
    Simulation s = new Simulation(steps, snapshots);
    long advanced = new Revolve(steps, snapshots).run(s);
    List<Integer> expected = new ArrayList<>();
    for (int i = steps - 1; i >= 0; i--) {
      expected.add(i);
    }
    assertEquals(expected, s.reversed, "every reverse step once, last to first");
    assertTrue(s.maxSlots <= snapshots, "slots used " + s.maxSlots + " within " + snapshots);
    assertEquals(s.advanced, advanced);
    long minimal = Revolve.minimalAdvances(steps, snapshots);
    if (snapshots >= steps) {
      assertEquals(steps - 1, advanced, "enough snapshots: one forward sweep");
    } else {
      assertEquals(minimal, advanced, "Griewank's minimum");
    }
  }

  /** The plan, stepped through as generated code does, is the schedule the callbacks get. */
  @ParameterizedTest
  @CsvSource({"1,1", "9,2", "100,5", "1000,20"})
  void aPlanReplaysTheSchedule(int steps, int snapshots) {
    Revolve.Plan plan = new Revolve(steps, snapshots).plan();
    Simulation replayed = new Simulation(steps, snapshots);
    while (plan.next()) {
      if (plan.isAdvance()) {
        replayed.advance(plan.from(), plan.to());
      } else if (plan.isSave()) {
        replayed.save(plan.slot(), plan.step());
      } else if (plan.isRestore()) {
        replayed.restore(plan.slot(), plan.step());
      } else {
        assertTrue(plan.isReverse());
        replayed.reverse(plan.step());
      }
    }
    Simulation direct = new Simulation(steps, snapshots);
    long advanced = new Revolve(steps, snapshots).run(direct);
    assertEquals(direct.reversed, replayed.reversed);
    assertEquals(advanced, replayed.advanced);
    assertEquals(advanced, plan.advances());
  }

  @Test
  void badArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Revolve(0, 3));
    assertThrows(IllegalArgumentException.class, () -> new Revolve(5, 0));
  }

  /** A loop whose state is its step number: checks that every action finds the state it expects. */
  static final class Simulation implements Revolve.Actions {
    final int[] slots;
    final boolean[] used;
    int working = 0;
    long advanced;
    int maxSlots;
    final List<Integer> reversed = new ArrayList<>();

    Simulation(int steps, int snapshots) {
      slots = new int[snapshots];
      used = new boolean[snapshots];
      Arrays.fill(slots, -1);
    }

    @Override
    public void advance(int from, int to) {
      assertEquals(from, working, "advance from the working state");
      advanced += to - from;
      working = to;
    }

    @Override
    public void save(int slot, int step) {
      assertEquals(step, working);
      slots[slot] = step;
      used[slot] = true;
      int n = 0;
      for (int i = 0; i < slots.length; i++) {
        if (slots[i] >= 0 && slots[i] <= step) {
          n++;
        }
      }
      maxSlots = Math.max(maxSlots, n);
    }

    @Override
    public void restore(int slot, int step) {
      assertEquals(step, slots[slot], "slot " + slot + " holds x_" + step);
      working = step;
    }

    @Override
    public void reverse(int step) {
      assertEquals(step, working, "reverse step " + step + " needs x_" + step);
      reversed.add(step);
      working = -1;
    }
  }
}
