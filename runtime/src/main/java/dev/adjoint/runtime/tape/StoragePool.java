package dev.adjoint.runtime.tape;

/**
 * The storage finished tapes leave for the next tapes made on the same thread: a gradient
 * evaluated again and again then neither grows nor zeroes its tape each time, and a recursive
 * adjoint, which makes a tape per call, allocates none once the pool holds one per level. Last
 * released, first taken, so the next top-level sweep gets the largest stacks. A thread keeps at
 * most {@link #BUDGET_BYTES} of spare storage; larger leftovers go to the collector.
 */
final class StoragePool {
  /** The four stacks of one tape. */
  static final class Storage {
    double[] doubles;
    int[] ints;
    long[] longs;
    Object[] objects;

    long bytes() {
      return 8L * doubles.length + 4L * ints.length + (longs == null ? 0 : 8L * longs.length)
          + (objects == null ? 0 : 8L * objects.length);
    }
  }

  static final long BUDGET_BYTES = 64L << 20;
  private static final int CAPACITY = 32;
  // A plain ThreadLocal: a SoftReference's get() costs more than a small tape saves.
  private static final ThreadLocal<StoragePool> POOLS = ThreadLocal.withInitial(StoragePool::new);

  private final Storage[] free = new Storage[CAPACITY];
  private int count;
  private long bytes;
  /** The call-recording budget of the tapes this thread makes (see {@link Tape#mayRecordCall}). */
  long callRecordingBytes = Tape.CALL_RECORDING_BYTES;
  /** The largest tape storage of this thread, in bytes (see {@link Tape#largestBytes}). */
  long largestBytes;
  /** How many tapes this thread released while they still held records (a misaligned sweep). */
  long unbalancedReleases;

  /** This thread's pool. */
  static StoragePool current() {
    return POOLS.get();
  }

  /** The most recently given storage, or null when there is none. */
  Storage take() {
    if (count == 0) {
      return null;
    }
    Storage s = free[--count]; // the slot keeps its reference: storing null costs a GC barrier
    bytes -= s.bytes();
    return s;
  }

  /** Keeps storage for a later tape, within the pool's capacity and byte budget. */
  void give(Storage s) {
    long b = s.bytes();
    if (count < CAPACITY && bytes + b <= BUDGET_BYTES) {
      if (free[count] != s) {
        free[count] = s; // in a steady state the same storage returns to the same slot
      }
      count++;
      bytes += b;
    }
  }
}
