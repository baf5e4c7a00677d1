package dev.adjoint.runtime.checkpoint;

/**
 * Binomial checkpointing (Griewank and Walther, "Algorithm 799: revolve", ACM TOMS 26(1), 2000):
 * the schedule that reverses {@code steps} steps of a time loop while keeping at most
 * {@code snapshots} states, with the fewest forward steps recomputed.
 *
 * <p>The loop's states are {@code x_0 .. x_steps}; forward step {@code i} computes
 * {@code x_{i+1}} from {@code x_i}, and reverse step {@code i} (the adjoint of forward step
 * {@code i}) needs {@code x_i}. {@link #run} calls {@link Actions} in an order that performs every
 * reverse step once, from {@code steps - 1} down to 0, with {@code x_0} in snapshot slot 0 and no
 * more than {@code snapshots} slots in use. With {@code r} the least integer such that
 * {@code C(s + r, s) >= steps}, the forward steps it advances, beyond the one each reverse step
 * takes itself, are {@code r steps - C(s + r, r - 1)} ({@link #minimalAdvances}), the optimum: for
 * 1,000 steps 3,636 with 10 snapshots, 2,747 with 20 and 1,948 with 50.
 *
 * <p>The schedule is recursive (Griewank's "treeverse"): from a saved state, advance to revolve's
 * split point ({@link #split}), which leaves the right part reversible with one snapshot less and
 * the left part with one repetition less, save there, reverse the right part, free its slot,
 * reverse the left part.
 */
public final class Revolve {
  /** What a schedule asks of the loop. */
  public interface Actions {
    /** Runs forward steps {@code from .. to - 1} on the working state, which holds {@code x_from}. */
    void advance(int from, int to);

    /** Copies the working state, {@code x_step}, to snapshot slot {@code slot}. */
    void save(int slot, int step);

    /** Makes snapshot slot {@code slot}, which holds {@code x_step}, the working state. */
    void restore(int slot, int step);

    /** Runs reverse step {@code step}; the working state holds {@code x_step} (and may be consumed). */
    void reverse(int step);
  }

  private final int steps;
  private final int snapshots;
  private Actions actions;
  private int working;
  private long advanced;

  /**
   * @param steps the loop's steps, at least 1
   * @param snapshots the states that may be kept at once, at least 1 (slot 0 holds {@code x_0})
   */
  public Revolve(int steps, int snapshots) {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be at least 1, got " + steps);
    }
    if (snapshots < 1) {
      throw new IllegalArgumentException("snapshots must be at least 1, got " + snapshots);
    }
    this.steps = steps;
    this.snapshots = snapshots;
  }

  /** The number of steps. */
  public int steps() {
    return steps;
  }

  /** The snapshot budget. */
  public int snapshots() {
    return snapshots;
  }

  /**
   * Runs the schedule: saves {@code x_0} (the working state) to slot 0, then advances, saves,
   * restores and reverses as the binomial schedule says.
   *
   * @return the forward steps advanced (not counting the reverse steps' own)
   */
  public long run(Actions a) {
    actions = a;
    advanced = 0;
    working = 0;
    a.save(0, 0);
    treeverse(0, steps, 0, snapshots);
    actions = null;
    return advanced;
  }

  /** Actions that do nothing: a dry run, to count a schedule's steps. */
  static final Actions NONE = new Actions() {
    @Override
    public void advance(int from, int to) {}

    @Override
    public void save(int slot, int step) {}

    @Override
    public void restore(int slot, int step) {}

    @Override
    public void reverse(int step) {}
  };

  /**
   * The schedule as a list of actions to step through, for code that keeps the loop's state in
   * locals a callback cannot assign (the adjoints the processor generates for a
   * {@code @Checkpointed} loop).
   */
  public Plan plan() {
    Plan plan = new Plan();
    run(plan);
    return plan;
  }

  /**
   * A schedule's actions in order, read with a cursor: {@code while (plan.next())}, then
   * {@link #isAdvance} ({@link #from}, {@link #to}), {@link #isSave} or {@link #isRestore}
   * ({@link #slot}), or else a reverse step ({@link #step}).
   */
  public static final class Plan implements Actions {
    private static final int ADVANCE = 0;
    private static final int SAVE = 1;
    private static final int RESTORE = 2;
    private static final int REVERSE = 3;
    private int[] actions = new int[48];
    private int size;
    private int at = -3;
    private long advanced;

    Plan() {}

    private void add(int kind, int a, int b) {
      if (size + 3 > actions.length) {
        actions = java.util.Arrays.copyOf(actions, actions.length * 2);
      }
      actions[size++] = kind;
      actions[size++] = a;
      actions[size++] = b;
    }

    @Override
    public void advance(int from, int to) {
      add(ADVANCE, from, to);
      advanced += to - from;
    }

    @Override
    public void save(int slot, int step) {
      add(SAVE, slot, step);
    }

    @Override
    public void restore(int slot, int step) {
      add(RESTORE, slot, step);
    }

    @Override
    public void reverse(int step) {
      add(REVERSE, step, step);
    }

    /** Moves to the next action; false when the schedule is done. */
    public boolean next() {
      at += 3;
      return at < size;
    }

    public boolean isAdvance() {
      return actions[at] == ADVANCE;
    }

    public boolean isSave() {
      return actions[at] == SAVE;
    }

    public boolean isRestore() {
      return actions[at] == RESTORE;
    }

    public boolean isReverse() {
      return actions[at] == REVERSE;
    }

    /** An advance's first step. */
    public int from() {
      return actions[at + 1];
    }

    /** An advance's end (exclusive). */
    public int to() {
      return actions[at + 2];
    }

    /** A save's or restore's snapshot slot. */
    public int slot() {
      return actions[at + 1];
    }

    /** The step a reverse runs, or the step whose state a save or restore holds. */
    public int step() {
      return actions[at + 2];
    }

    /** The forward steps the whole schedule advances (not counting the reverse steps' own). */
    public long advances() {
      return advanced;
    }
  }

  /** The forward steps {@link #run} advances, found by running the schedule without a loop. */
  public long advances() {
    return run(NONE);
  }

  /**
   * Griewank's minimal number of forward steps advanced to reverse {@code steps} steps with
   * {@code snapshots} snapshots: {@code r steps - C(s + r, r - 1)} with {@code r} the least
   * integer such that {@code C(s + r, s) >= steps}.
   */
  public static long minimalAdvances(int steps, int snapshots) {
    int r = repetitions(steps, snapshots);
    return (long) r * steps - binomial(snapshots + r, r - 1);
  }

  /** The least {@code r} such that {@code C(s + r, s) >= steps}: how often some step is recomputed. */
  public static int repetitions(int steps, int snapshots) {
    int r = 0;
    while (binomial(snapshots + r, snapshots) < steps) {
      r++;
    }
    return r;
  }

  /** {@code C(n, k)}, 0 for {@code k < 0}, saturating at {@code Long.MAX_VALUE}. */
  static long binomial(int n, int k) {
    if (k < 0 || k > n) {
      return 0;
    }
    k = Math.min(k, n - k);
    long c = 1;
    for (int i = 1; i <= k; i++) {
      long next = c * (n - k + i);
      if (next / (n - k + i) != c) {
        return Long.MAX_VALUE;
      }
      c = next / i;
    }
    return c;
  }

  /**
   * Reverses steps {@code first .. last - 1}; {@code x_first} is in slot {@code slot}, and
   * {@code free} slots (that one included) may be used.
   */
  private void treeverse(int first, int last, int slot, int free) {
    int l = last - first;
    if (l == 1) {
      bring(slot, first);
      actions.reverse(first);
      working = -1;
      return;
    }
    if (free == 1) {
      for (int i = last - 1; i >= first; i--) {
        bring(slot, first);
        advance(first, i);
        actions.reverse(i);
        working = -1;
      }
      return;
    }
    int split = first + split(l, free);
    bring(slot, first);
    advance(first, split);
    int next = snapshots - free + 1;
    actions.save(next, split);
    treeverse(split, last, next, free - 1);
    treeverse(first, split, slot, free);
  }

  /**
   * How far to advance before the next snapshot, for {@code l} steps and {@code s} snapshots (the
   * one holding the start included): revolve's choice, with {@code b(s, r) = C(s + r, s)} and
   * {@code r} the repetitions. Any split whose right part fits {@code b(s - 1, r)} and left part
   * {@code b(s, r - 1)} is feasible; this one also attains the minimum number of advances.
   */
  static int split(int l, int s) {
    int r = repetitions(l, s);
    long b1 = beta(s, r - 1);
    long b2 = beta(s - 1, r - 1);
    long b3 = beta(s - 2, r - 1);
    long m;
    if (l <= b1 + b3) {
      m = beta(s, r - 2);
    } else if (l >= beta(s, r) - beta(s - 3, r)) {
      m = b1;
    } else {
      m = l - b2 - b3;
    }
    return (int) Math.max(1, Math.min(m, l - 1));
  }

  /** {@code C(s + r, s)}, 0 for negative {@code s} or {@code r}. */
  private static long beta(int s, int r) {
    return s < 0 || r < 0 ? 0 : binomial(s + r, s);
  }

  /** Makes {@code x_step} the working state, restoring it from {@code slot} unless it already is. */
  private void bring(int slot, int step) {
    if (working != step) {
      actions.restore(slot, step);
      working = step;
    }
  }

  private void advance(int from, int to) {
    if (to > from) {
      actions.advance(from, to);
      advanced += to - from;
      working = to;
    }
  }
}
