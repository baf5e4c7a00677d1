package dev.adjoint.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OnlineRevolveTest {

  @ParameterizedTest
  @CsvSource({"1,1", "2,1", "9,1", "10,2", "10,3", "55,3", "100,5", "1000,10", "1000,20", "1000,50", "997,7",
      "2000,20", "3000,4", "300,301"})
  void everyStepIsReversedOnceWithinTheBudgetAndNearTheOfflineOptimum(int steps, int snapshots) {
    RevolveTest.Simulation loop = new RevolveTest.Simulation(steps, snapshots); // a slot past the budget throws
    OnlineRevolve online = new OnlineRevolve(snapshots);
    online.start(loop);
    for (int i = 0; i < steps; i++) {
      loop.advance(i, i + 1); // the loop's own step; the schedule learns the count only at the end
      online.stepped(loop);
    }
    assertEquals(steps, online.steps());
    long recomputed = online.reverse(loop);
    List<Integer> expected = new ArrayList<>();
    for (int i = steps - 1; i >= 0; i--) {
      expected.add(i);
    }
    assertEquals(expected, loop.reversed, "every reverse step once, last to first");
    assertEquals(loop.advanced - steps, recomputed, "the reverse run's recomputations");
    assertEquals(recomputed, OnlineRevolve.recomputations(steps, snapshots), "the dry run counts the same");
    long offline = Revolve.minimalAdvances(steps, snapshots);
    if (snapshots > steps) {
      assertEquals(0, recomputed, "a loop shorter than the budget is stored whole");
    } else if (steps >= 100) {
      assertTrue(steps + recomputed <= 1.3 * offline,
          "forward " + steps + " + recomputed " + recomputed + " within 30% of the offline optimum " + offline);
    }
  }

  @Test
  void aThousandStepsAgainstTheOfflineSchedule() {
    assertEquals(3995 - 1000, OnlineRevolve.recomputations(1000, 10)); // offline: 3,636 in all
    assertEquals(2860 - 1000, OnlineRevolve.recomputations(1000, 20)); // offline: 2,747
    assertEquals(2288 - 1000, OnlineRevolve.recomputations(1000, 50)); // offline: 1,948
  }

  /**
   * A while loop that runs until convergence, x_{k+1} = x_k - 0.1 (x_k^3 - c), differentiated in
   * c by keeping every state and by online checkpointing with 4 slots: the same bits.
   */
  @Test
  void aWhileLoopsGradientIsBitwiseEqualToStoringEveryState() {
    double c = 2.0;
    double x0 = 0.3;
    List<Double> all = new ArrayList<>();
    double x = x0;
    all.add(x);
    while (Math.abs(x * x * x - c) > 1e-12) {
      x = step(x, c);
      all.add(x);
    }
    int n = all.size() - 1;
    assertTrue(n > 20, "a loop of some length: " + n);
    double[] stored = reverse(all::get, n, c);

    double[] slots = new double[4];
    double[] working = {x0};
    double[] xBarCBar = {1.0, 0.0};
    Revolve.Actions actions = new Revolve.Actions() {
      @Override
      public void advance(int from, int to) {
        for (int i = from; i < to; i++) {
          working[0] = step(working[0], c);
        }
      }

      @Override
      public void save(int slot, int step) {
        slots[slot] = working[0];
      }

      @Override
      public void restore(int slot, int step) {
        working[0] = slots[slot];
      }

      @Override
      public void reverse(int step) {
        adjointStep(working[0], c, xBarCBar);
      }
    };
    OnlineRevolve online = new OnlineRevolve(slots.length);
    online.start(actions);
    double y = x0;
    while (Math.abs(y * y * y - c) > 1e-12) {
      y = step(y, c);
      working[0] = y;
      online.stepped(actions);
    }
    assertEquals(n, online.steps());
    long recomputed = online.reverse(actions);
    assertArrayEquals(stored, xBarCBar, "x0 and c adjoints, bit for bit");
    assertTrue(recomputed > 0 && recomputed < (long) n * n / 4, "recomputed " + recomputed);
  }

  /**
   * The slot-returning calls keep the same states as the callbacks, and {@link OnlineRevolve#plan}
   * lists the reverse run's actions that {@link OnlineRevolve#reverse} calls, from the step count
   * alone.
   */
  @ParameterizedTest
  @CsvSource({"0,3", "1,1", "7,2", "55,3", "300,8", "1000,10"})
  void thePlanFromTheStepCountIsTheReverseRunsActions(int steps, int snapshots) {
    List<String> saved = new ArrayList<>();
    List<String> called = new ArrayList<>();
    Revolve.Actions log = new Revolve.Actions() {
      @Override
      public void advance(int from, int to) {
        called.add("advance " + from + " " + to);
      }

      @Override
      public void save(int slot, int step) {
        (step <= steps && called.isEmpty() ? saved : called).add("save " + slot);
      }

      @Override
      public void restore(int slot, int step) {
        called.add("restore " + slot);
      }

      @Override
      public void reverse(int step) {
        called.add("reverse " + step);
      }
    };
    OnlineRevolve withCallbacks = new OnlineRevolve(snapshots);
    withCallbacks.start(log);
    OnlineRevolve withSlots = new OnlineRevolve(snapshots);
    List<String> slotsSaved = new ArrayList<>(List.of("save " + withSlots.start()));
    for (int i = 0; i < steps; i++) {
      withCallbacks.stepped(log);
      int slot = withSlots.stepped();
      if (slot >= 0) {
        slotsSaved.add("save " + slot);
      }
    }
    assertEquals(saved, slotsSaved, "the forward run's saves");
    withCallbacks.reverse(log);
    Revolve.Plan plan = OnlineRevolve.plan(steps, snapshots);
    List<String> planned = new ArrayList<>();
    while (plan.next()) {
      planned.add(plan.isAdvance() ? "advance " + plan.from() + " " + plan.to()
          : plan.isSave() ? "save " + plan.slot() : plan.isRestore() ? "restore " + plan.slot() : "reverse " + plan.step());
    }
    assertEquals(called, planned);
    assertEquals(OnlineRevolve.recomputations(steps, snapshots), plan.advances());
  }

  @Test
  void misuseIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new OnlineRevolve(0));
    RevolveTest.Simulation loop = new RevolveTest.Simulation(3, 2);
    assertThrows(IllegalStateException.class, () -> new OnlineRevolve(2).stepped(loop));
    assertThrows(IllegalStateException.class, () -> new OnlineRevolve(2).reverse(loop));
  }

  private static double step(double x, double c) {
    return x - 0.1 * (x * x * x - c);
  }

  /** Adds step i's adjoint: x_{i+1} = x_i - 0.1 (x_i^3 - c). */
  private static void adjointStep(double x, double c, double[] xBarCBar) {
    double xBar = xBarCBar[0];
    xBarCBar[1] += 0.1 * xBar;
    xBarCBar[0] = xBar * (1 - 0.3 * x * x);
  }

  private static double[] reverse(java.util.function.IntFunction<Double> state, int n, double c) {
    double[] bars = {1.0, 0.0};
    for (int i = n - 1; i >= 0; i--) {
      adjointStep(state.apply(i), c, bars);
    }
    return bars;
  }
}
