package dev.adjoint.wave.cpu;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A persistent pool of worker threads for the time loop's parallel steps. A propagation runs
 * hundreds of short steps (tens of microseconds each on the tutorial's grid), so handing each one
 * to an executor would cost more than the work: here each step is published to threads that are
 * already waiting, spinning briefly before they park, and the caller works on the first share
 * itself.
 *
 * <p>One pool serves the whole JVM ({@link #shared()}); callers from several threads take turns
 * step by step.
 */
final class WorkerPool {
  /** Spins a waiting thread makes before it parks: some tens of microseconds. */
  private static final int SPINS = 20_000;

  /** The work of one step, split in {@code parts} shares. */
  interface Task {
    void run(int part, int parts);
  }

  private static volatile WorkerPool shared;

  private final Thread[] helpers;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicInteger remaining = new AtomicInteger();
  private volatile int generation;
  private volatile Task task;
  private volatile Throwable failure;
  /** 1 while helper i may be parked; read after publishing a step, written before re-checking it. */
  private final AtomicIntegerArray parked;

  private WorkerPool(int threads) {
    helpers = new Thread[threads - 1];
    parked = new AtomicIntegerArray(helpers.length);
    for (int i = 0; i < helpers.length; i++) {
      int part = i + 1;
      helpers[i] = new Thread(() -> work(part), "adjoint-wave-" + part);
      helpers[i].setDaemon(true);
      helpers[i].start();
    }
  }

  /**
   * The JVM's pool: {@code -Dadjoint.wave.threads=N} threads, by default one per available
   * processor.
   */
  static WorkerPool shared() {
    WorkerPool p = shared;
    if (p == null) {
      synchronized (WorkerPool.class) {
        p = shared;
        if (p == null) {
          p = new WorkerPool(configuredThreads());
          shared = p;
        }
      }
    }
    return p;
  }

  static int configuredThreads() {
    String s = System.getProperty("adjoint.wave.threads");
    int n = Runtime.getRuntime().availableProcessors();
    if (s != null) {
      try {
        n = Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("adjoint.wave.threads must be a positive integer, got '" + s + "'", e);
      }
      if (n < 1) {
        throw new IllegalArgumentException("adjoint.wave.threads must be a positive integer, got " + n);
      }
    }
    return n;
  }

  /** The number of threads, the caller's included. */
  int threads() {
    return helpers.length + 1;
  }

  /** Runs {@code t} on every thread, the caller's first share included, and waits for all. */
  void run(Task t) {
    lock.lock();
    try {
      if (helpers.length == 0) {
        t.run(0, 1);
        return;
      }
      failure = null;
      task = t;
      remaining.set(helpers.length);
      generation++;
      for (int i = 0; i < helpers.length; i++) {
        if (parked.get(i) == 1) {
          LockSupport.unpark(helpers[i]);
        }
      }
      Throwable own = null;
      try {
        t.run(0, threads());
      } catch (Throwable e) {
        own = e;
      }
      int spins = 0;
      while (remaining.get() > 0) {
        if (spins++ < SPINS) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
      task = null;
      Throwable f = own != null ? own : failure;
      if (f instanceof RuntimeException r) {
        throw r;
      } else if (f instanceof Error e) {
        throw e;
      } else if (f != null) {
        throw new IllegalStateException(f);
      }
    } finally {
      lock.unlock();
    }
  }

  private void work(int part) {
    int seen = 0;
    while (true) {
      int spins = 0;
      while (generation == seen) {
        if (spins++ < SPINS) {
          Thread.onSpinWait();
        } else {
          parked.set(part - 1, 1);
          if (generation == seen) {
            LockSupport.park(this);
            Thread.interrupted(); // an interrupt would make park return at once, forever: the pool ignores it
          }
          parked.set(part - 1, 0);
        }
      }
      seen = generation;
      try {
        task.run(part, threads());
      } catch (Throwable e) {
        failure = e;
      }
      remaining.decrementAndGet();
    }
  }
}
