package dev.adjoint.runtime.checkpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checkpointing for a loop whose number of steps is known only when it ends (a while loop that
 * runs until convergence). During the forward run it keeps states on a grid of stride d, starting
 * with d = 1 (every state, in all the slots); when the slots are full it doubles d, frees the
 * states off the new grid and from then on keeps the grid in half of the slots, so the kept
 * states stay evenly spread over the steps taken so far.
 * When the loop ends, it reverses the segment after each kept state, last first, with
 * {@link Revolve}'s binomial schedule over that state's slot, the other half of the slots and every
 * slot the later segments have given back. It never uses more slots than given.
 *
 * <p>Use: {@link #start} with {@code x_0} as the working state, {@link #stepped} after each
 * forward step, then {@link #reverse}. For n steps the forward run costs n steps, as without
 * checkpointing, and the reverse run recomputes {@link #reverse}'s return value on top; with
 * s snapshots the total stays within 30% of the offline optimum {@link Revolve#minimalAdvances}
 * for 100 to 3,000 steps and 2 to 59 snapshots (1,000 steps: 3,995 with 10 snapshots against
 * 3,636; see the tests), and it needs no step count in advance.
 */
public final class OnlineRevolve {
  private final int snapshots;
  /** The slots the forward run may fill; the others wait for the reverse run's segments. */
  private final int grid;
  /** The step each slot holds, or -1 when the slot is free. */
  private final int[] held;
  private int stride = 1;
  private int steps = -1;

  /** @param snapshots the states that may be kept at once, at least 1 (slot 0 holds {@code x_0}) */
  public OnlineRevolve(int snapshots) {
    if (snapshots < 1) {
      throw new IllegalArgumentException("snapshots must be at least 1, got " + snapshots);
    }
    this.snapshots = snapshots;
    // once thinned, the grid holds half the slots; the other half stays free for reversing the
    // last segments, which otherwise would have one slot each and cost quadratically
    this.grid = (snapshots + 1) / 2;
    this.held = new int[snapshots];
  }

  /** Saves {@code x_0}, the working state, to slot 0: call it before the loop's first step. */
  public void start(Revolve.Actions a) {
    a.save(start(), 0);
  }

  /**
   * Starts the forward run, for code that saves the state itself (the adjoints the processor
   * generates for a {@code @Checkpointed} while loop).
   *
   * @return the slot to save {@code x_0} in: always 0
   */
  public int start() {
    Arrays.fill(held, -1);
    stride = 1;
    steps = 0;
    held[0] = 0;
    return 0;
  }

  /** Call after each forward step, with {@code x_{steps}} the working state: may save it. */
  public void stepped(Revolve.Actions a) {
    int slot = stepped();
    if (slot >= 0) {
      a.save(slot, steps);
    }
  }

  /**
   * Notes a forward step taken, for code that saves the state itself.
   *
   * @return the slot to save the working state {@code x_{steps}} in, or -1 to keep nothing
   */
  public int stepped() {
    if (steps < 0) {
      throw new IllegalStateException("start must be called before the first step");
    }
    steps++;
    if (steps % stride != 0) {
      return -1;
    }
    int slot = freeSlot();
    if (slot < 0) {
      stride *= 2;
      for (int k = 0; k < snapshots; k++) {
        if (held[k] % stride != 0) {
          held[k] = -1; // off the coarser grid: its slot is free again
        }
      }
      if (steps % stride != 0) {
        return -1;
      }
      slot = freeSlot();
    }
    if (slot >= 0) {
      held[slot] = steps;
    }
    return slot;
  }

  /** The forward steps taken since {@link #start}. */
  public int steps() {
    return steps;
  }

  /**
   * Reverses every step taken, from the last to the first, through {@code a}.
   *
   * @return the forward steps it recomputed (the forward run's own not counted)
   */
  public long reverse(Revolve.Actions a) {
    if (steps < 0) {
      throw new IllegalStateException("start must be called before reverse");
    }
    List<Integer> kept = new ArrayList<>();
    for (int k = 0; k < snapshots; k++) {
      if (held[k] >= 0 && held[k] < steps) {
        kept.add(k);
      }
    }
    kept.sort((i, j) -> Integer.compare(held[i], held[j]));
    boolean[] busy = new boolean[snapshots];
    kept.forEach(k -> busy[k] = true);
    long recomputed = 0;
    int end = steps;
    for (int k = kept.size() - 1; k >= 0; k--) {
      int slot = kept.get(k);
      int first = held[slot];
      List<Integer> slots = new ArrayList<>();
      slots.add(slot);
      for (int j = 0; j < snapshots; j++) {
        if (!busy[j]) {
          slots.add(j);
        }
      }
      a.restore(slot, first);
      recomputed += new Revolve(end - first, slots.size()).run(new Segment(a, first, slots));
      busy[slot] = false;
      held[slot] = -1;
      end = first;
    }
    steps = -1;
    return recomputed;
  }

  /** The steps {@link #reverse} recomputes for a loop of {@code steps} steps, by a dry run. */
  public static long recomputations(int steps, int snapshots) {
    return plan(steps, snapshots).advances();
  }

  /**
   * The reverse run's actions for a loop that took {@code steps} steps, as a list to step through.
   * The slots are those the forward run filled: which states it kept depends only on the step
   * count, so a dry run of the forward bookkeeping finds them again (O(steps x snapshots) integer
   * work, no state copied). Generated code keeps the step count, not this object, between its
   * forward and reverse sweeps.
   */
  public static Revolve.Plan plan(int steps, int snapshots) {
    OnlineRevolve online = new OnlineRevolve(snapshots);
    online.start();
    for (int i = 0; i < steps; i++) {
      online.stepped();
    }
    Revolve.Plan plan = new Revolve.Plan();
    online.reverse(plan);
    return plan;
  }

  /**
   * A free slot, or -1 when the grid is full: while every step is kept (stride 1) the grid may use
   * all the slots, so that a loop shorter than the budget is stored whole and recomputes nothing.
   */
  private int freeSlot() {
    int used = 0;
    int free = -1;
    for (int k = 0; k < snapshots; k++) {
      if (held[k] >= 0) {
        used++;
      } else if (free < 0) {
        free = k;
      }
    }
    return used < (stride == 1 ? snapshots : grid) ? free : -1;
  }

  /** One segment's binomial schedule, its steps shifted by {@code first} and its slots mapped. */
  private record Segment(Revolve.Actions a, int first, List<Integer> slots) implements Revolve.Actions {
    @Override
    public void advance(int from, int to) {
      a.advance(first + from, first + to);
    }

    @Override
    public void save(int slot, int step) {
      if (slot != 0) { // slot 0 already holds the segment's first state
        a.save(slots.get(slot), first + step);
      }
    }

    @Override
    public void restore(int slot, int step) {
      a.restore(slots.get(slot), first + step);
    }

    @Override
    public void reverse(int step) {
      a.reverse(first + step);
    }
  }
}
