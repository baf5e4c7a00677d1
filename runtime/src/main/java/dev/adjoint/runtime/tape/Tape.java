package dev.adjoint.runtime.tape;

import java.util.Arrays;

/**
 * The last-in, first-out record a generated forward sweep leaves for its reverse sweep: values
 * about to be overwritten, loop trip counts and branch decisions.
 *
 * <p>One primitive stack per kind of value, so nothing is boxed. A generated method makes its
 * own tape, so generated adjoints share no state and are thread-safe. Stacks double when full.
 * When the sweep is done it calls {@link #release()}, which hands the stacks to the next tape made
 * on the same thread (see {@link StoragePool}).
 */
public final class Tape {
  private static final int INITIAL = 16;
  /** Below this length a plain loop copies faster than System.arraycopy's call. */
  private static final int SHORT = 8;
  /** The longest array most JVMs allocate. */
  private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;
  /**
   * How many bytes of records a sweep may add for calls it reverses split (see {@link
   * #mayRecordCall()}); set with {@code -Dadjoint.tape.callRecordingBytes}, where 0 reverses every
   * call jointly. A quarter of what {@link StoragePool} keeps per thread, so that a recursion with a
   * few joint levels, each with a budget of its own, can find its storage there next time (a tape
   * past the pool's 64 MiB grows anew in every evaluation). In the GradBench tool, det's gradient
   * at ell = 10 took 510-770 ms with 32 or 64 MiB and 286-332 ms with 8 or 16 MiB.
   */
  static final long CALL_RECORDING_BYTES = Long.getLong("adjoint.tape.callRecordingBytes", StoragePool.BUDGET_BYTES / 4);

  private final StoragePool pool;
  private StoragePool.Storage storage;
  private double[] doubles;
  private int doubleCount;
  private int[] ints;
  private int intCount;
  private long[] longs;
  private int longCount;
  private Object[] objects;
  private int objectCount;
  /** The tape's size in bytes where the current call-recording budget began. */
  private long callBudgetBase;
  private final long callRecordingBytes;

  /** A tape with storage a released tape left on this thread, or with small stacks. */
  public Tape() {
    this(StoragePool.current(), -1);
  }

  /** A tape whose call-recording budget is the given number of bytes (for tests). */
  Tape(long callRecordingBytes) {
    this(StoragePool.current(), callRecordingBytes);
  }

  private Tape(StoragePool pool, long callRecordingBytes) {
    this.callRecordingBytes = callRecordingBytes >= 0 ? callRecordingBytes : pool.callRecordingBytes;
    this.pool = pool;
    storage = pool.take();
    if (storage != null) {
      doubles = storage.doubles;
      ints = storage.ints;
      longs = storage.longs;
      objects = storage.objects;
    } else {
      doubles = new double[INITIAL];
      ints = new int[INITIAL];
    }
    noteGrowth();
  }

  /**
   * Hands this tape's storage to the next tape made on this thread; the tape is not used again.
   * A tape that is not empty (its sweep was cut short) keeps its storage to itself.
   */
  public void release() {
    if (doubleCount != 0 || intCount != 0 || longCount != 0 || objectCount != 0) {
      pool.unbalancedReleases++;
      return;
    }
    StoragePool.Storage s = storage != null ? storage : new StoragePool.Storage();
    // store only what changed: each reference store into the long-lived pool costs a GC barrier
    if (s.doubles != doubles) {
      s.doubles = doubles;
    }
    if (s.ints != ints) {
      s.ints = ints;
    }
    if (s.longs != longs) {
      s.longs = longs;
    }
    if (s.objects != objects) {
      s.objects = objects;
    }
    pool.give(s);
    storage = null;
    doubles = null;
    ints = null;
    longs = null;
    objects = null;
  }

  /**
   * Whether a call may record its forward sweep here now, for its reverse sweep to read back
   * (split reversal). Otherwise the call runs its plain method and its reverse runs the callee's
   * whole sweep again (joint reversal), which records nothing in the meantime. Split reversal
   * saves re-running each callee's forward sweep once per level of a recursion; the budget bounds
   * what it keeps: {@link #CALL_RECORDING_BYTES} bytes of records since the budget was opened.
   */
  public boolean mayRecordCall() {
    return recordedBytes() - callBudgetBase < callRecordingBytes;
  }

  /**
   * Opens a fresh call-recording budget for a jointly reversed call's sweep, which runs its forward
   * sweep on this tape again.
   *
   * @return the budget it replaces, for {@link #closeCallBudget}
   */
  public long openCallBudget() {
    long previous = callBudgetBase;
    callBudgetBase = recordedBytes();
    return previous;
  }

  /** Restores the budget {@link #openCallBudget} replaced, once the joint call's sweep is done. */
  public void closeCallBudget(long previous) {
    callBudgetBase = previous;
  }

  /**
   * Sets the call-recording budget of the tapes this thread makes from now on, in bytes (0
   * reverses every call jointly), overriding {@code -Dadjoint.tape.callRecordingBytes}; lets a
   * test compare split, mixed and joint reversal in one JVM.
   *
   * @return the budget it replaces
   */
  public static long setThreadCallRecordingBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("a call-recording budget cannot be negative: " + bytes);
    }
    StoragePool pool = StoragePool.current();
    long previous = pool.callRecordingBytes;
    pool.callRecordingBytes = bytes;
    return previous;
  }

  /**
   * How many tapes this thread has released while they still held records: a sweep whose reverse
   * did not take back everything its forward recorded. Generated adjoints keep it at zero; tests
   * read it before and after a sweep.
   */
  public static long unbalancedReleases() {
    return StoragePool.current().unbalancedReleases;
  }

  /** The bytes the tape's records take (an object record counted as one reference). */
  long recordedBytes() {
    return 8L * doubleCount + 4L * intCount + 8L * longCount + 8L * objectCount;
  }

  /** The bytes this tape's stacks can hold before they grow: its peak so far, to within their doubling. */
  long capacityBytes() {
    return 8L * doubles.length + 4L * ints.length + (longs == null ? 0 : 8L * longs.length)
        + (objects == null ? 0 : 8L * objects.length);
  }

  /** Stacks grow rarely (they double), so noting the largest size there costs nothing per record. */
  private void noteGrowth() {
    pool.largestBytes = Math.max(pool.largestBytes, capacityBytes());
  }

  /**
   * The most storage a tape made on this thread has held since {@link #resetLargestBytes}, in
   * bytes (a reference counted as 8): a sweep's peak memory on the tape, to within the stacks'
   * doubling. Storage a tape takes over from an earlier one on the thread counts from the start, so
   * measure on a fresh thread.
   */
  public static long largestBytes() {
    return StoragePool.current().largestBytes;
  }

  /** Starts {@link #largestBytes} again from 0 on this thread. */
  public static void resetLargestBytes() {
    StoragePool.current().largestBytes = 0;
  }

  /** How many doubles the tape holds before it must grow (for tests). */
  int doubleCapacity() {
    return doubles.length;
  }


  /** Records a double (or a float, which widens exactly). */
  public void pushDouble(double value) {
    if (doubleCount == doubles.length) {
      doubles = Arrays.copyOf(doubles, doubleCount * 2);
      noteGrowth();
    }
    doubles[doubleCount++] = value;
  }

  /** Takes back the most recent double. */
  public double popDouble() {
    return doubles[--doubleCount];
  }

  /**
   * Records a whole array in one block: the checkpoint of a work array that a loop overwrites
   * whole in every iteration, instead of one record per element write.
   */
  public void pushCopy(double[] values) {
    int needed = doubleCount + values.length;
    if (needed > doubles.length) {
      doubles = Arrays.copyOf(doubles, grownLength(doubles.length, needed));
      noteGrowth();
    }
    if (values.length <= SHORT) {
      for (int i = 0; i < values.length; i++) {
        doubles[doubleCount + i] = values[i];
      }
    } else {
      System.arraycopy(values, 0, doubles, doubleCount, values.length);
    }
    doubleCount = needed;
  }

  /** Copies the most recent block back into values, which has the length it was pushed with. */
  public void popInto(double[] values) {
    doubleCount -= values.length;
    if (values.length <= SHORT) {
      for (int i = 0; i < values.length; i++) {
        values[i] = doubles[doubleCount + i];
      }
    } else {
      System.arraycopy(doubles, doubleCount, values, 0, values.length);
    }
  }

  /**
   * Reserves {@code trips * perTrip} doubles on top of the stack for a loop that records the same
   * number of doubles in every iteration: the loop writes them into {@link #doubleStorage()}
   * through a local cursor, which spares it a capacity check and two field writes per record.
   * Nothing else may touch the tape until the loop is done.
   *
   * @return the index of the block's first slot, where the loop's cursor starts
   */
  public int pushDoubleBlock(int trips, int perTrip) {
    int start = doubleCount;
    int needed = blockEnd(start, trips, perTrip);
    if (needed > doubles.length) {
      doubles = Arrays.copyOf(doubles, grownLength(doubles.length, needed));
      noteGrowth();
    }
    doubleCount = needed;
    return start;
  }

  /**
   * Takes back the most recent {@link #pushDoubleBlock} block, for the loop's reverse to read
   * from the top down.
   *
   * @return the index just past the block's last slot, where the reverse loop's cursor starts
   */
  public int popDoubleBlock(int trips, int perTrip) {
    int end = doubleCount;
    doubleCount = end - trips * perTrip;
    return end;
  }

  /** The array the double stack lives in, valid until the next push that may grow it. */
  public double[] doubleStorage() {
    return doubles;
  }

  /** {@link #pushDoubleBlock} for the int stack (ints, and booleans as 1 or 0). */
  public int pushIntBlock(int trips, int perTrip) {
    int start = intCount;
    int needed = blockEnd(start, trips, perTrip);
    if (needed > ints.length) {
      ints = Arrays.copyOf(ints, grownLength(ints.length, needed));
      noteGrowth();
    }
    intCount = needed;
    return start;
  }

  /** {@link #popDoubleBlock} for the int stack. */
  public int popIntBlock(int trips, int perTrip) {
    int end = intCount;
    intCount = end - trips * perTrip;
    return end;
  }

  /** The array the int stack lives in, valid until the next push that may grow it. */
  public int[] intStorage() {
    return ints;
  }

  private static int blockEnd(int start, int trips, int perTrip) {
    if (trips < 0 || perTrip < 0) {
      throw new IllegalArgumentException("a tape block of " + trips + " trips of " + perTrip + " records");
    }
    long end = start + (long) trips * perTrip;
    if (end > MAX_LENGTH) {
      throw new IllegalStateException("the tape would hold " + end + " records of one kind, more than a Java array"
          + " can; differentiate a smaller problem per call, or checkpoint the loop by hand");
    }
    return (int) end;
  }

  private static int grownLength(int length, int needed) {
    return (int) Math.min(MAX_LENGTH, Math.max(needed, 2L * length));
  }

  /** Records a float; stored widened, so it comes back bit-exact. */
  public void pushFloat(float value) {
    pushDouble(value);
  }

  /** Takes back the most recent float. */
  public float popFloat() {
    return (float) popDouble();
  }

  /** Records an int: an index, a trip count or a branch taken. */
  public void pushInt(int value) {
    if (intCount == ints.length) {
      ints = Arrays.copyOf(ints, intCount * 2);
      noteGrowth();
    }
    ints[intCount++] = value;
  }

  /** Takes back the most recent int. */
  public int popInt() {
    return ints[--intCount];
  }

  /** Records a boolean (on the int stack). */
  public void pushBoolean(boolean value) {
    pushInt(value ? 1 : 0);
  }

  /** Takes back the most recent boolean. */
  public boolean popBoolean() {
    return popInt() != 0;
  }

  /** Records a long. */
  public void pushLong(long value) {
    if (longs == null) {
      longs = new long[16];
      noteGrowth();
    } else if (longCount == longs.length) {
      longs = Arrays.copyOf(longs, longCount * 2);
      noteGrowth();
    }
    longs[longCount++] = value;
  }

  /** Takes back the most recent long. */
  public long popLong() {
    return longs[--longCount];
  }

  /** Records a reference: an array that a reassignment is about to drop, or a saved copy. */
  public void pushObject(Object value) {
    if (objects == null) {
      objects = new Object[16];
      noteGrowth();
    } else if (objectCount == objects.length) {
      objects = Arrays.copyOf(objects, objectCount * 2);
      noteGrowth();
    }
    objects[objectCount++] = value;
  }

  /** Takes back the most recent reference, typed by the caller. */
  @SuppressWarnings("unchecked")
  public <T> T popObject() {
    T value = (T) objects[--objectCount];
    objects[objectCount] = null; // let the array be collected as soon as the sweep is past it
    return value;
  }
}
