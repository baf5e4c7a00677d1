package dev.adjoint.wave.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
  @Test
  void everyPartRunsOncePerStep() {
    WorkerPool pool = WorkerPool.shared();
    int parts = pool.threads();
    AtomicIntegerArray runs = new AtomicIntegerArray(parts);
    for (int step = 0; step < 1000; step++) {
      pool.run((part, n) -> {
        assertEquals(parts, n);
        runs.incrementAndGet(part);
      });
    }
    for (int p = 0; p < parts; p++) {
      assertEquals(1000, runs.get(p), "part " + p);
    }
  }

  @Test
  void aFailureInAnyPartReachesTheCaller() {
    WorkerPool pool = WorkerPool.shared();
    int last = pool.threads() - 1;
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.run((part, n) -> {
      if (part == last) {
        throw new IllegalStateException("part " + part + " failed");
      }
    }));
    assertEquals("part " + last + " failed", e.getMessage());
    AtomicLong after = new AtomicLong();
    pool.run((part, n) -> after.incrementAndGet());
    assertEquals(pool.threads(), after.get(), "the pool still works");
  }

  @Test
  void callersOnSeveralThreadsTakeTurns() throws InterruptedException {
    WorkerPool pool = WorkerPool.shared();
    AtomicLong total = new AtomicLong();
    Thread[] callers = new Thread[3];
    for (int t = 0; t < callers.length; t++) {
      callers[t] = new Thread(() -> {
        for (int step = 0; step < 300; step++) {
          pool.run((part, n) -> total.incrementAndGet());
        }
      });
      callers[t].start();
    }
    for (Thread t : callers) {
      t.join();
    }
    assertEquals(3L * 300 * pool.threads(), total.get());
  }

  @Test
  void threadCountComesFromTheProperty() {
    String previous = System.getProperty("adjoint.wave.threads");
    try {
      System.setProperty("adjoint.wave.threads", "3");
      assertEquals(3, WorkerPool.configuredThreads());
      System.setProperty("adjoint.wave.threads", "zero");
      assertThrows(IllegalArgumentException.class, WorkerPool::configuredThreads);
    } finally {
      if (previous == null) {
        System.clearProperty("adjoint.wave.threads");
      } else {
        System.setProperty("adjoint.wave.threads", previous);
      }
    }
  }
}
