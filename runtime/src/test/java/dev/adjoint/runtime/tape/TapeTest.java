package dev.adjoint.runtime.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TapeTest {

  @Test
  void stacksAreLastInFirstOutPerKind() {
    Tape tape = new Tape();
    tape.pushDouble(1.5);
    tape.pushInt(7);
    tape.pushBoolean(true);
    tape.pushFloat(0.1f);
    tape.pushLong(1L << 40);
    String marker = "m";
    tape.pushObject(marker);
    assertSame(marker, tape.popObject());
    assertEquals(1L << 40, tape.popLong());
    assertEquals(0.1f, tape.popFloat());
    assertTrue(tape.popBoolean());
    assertEquals(7, tape.popInt());
    assertEquals(1.5, tape.popDouble());
  }

  @Test
  void callsRecordUntilTheBudgetIsSpentAndAJointCallOpensAFreshOne() {
    Tape tape = new Tape(64);
    assertTrue(tape.mayRecordCall());
    tape.pushDoubleBlock(7, 1); // 56 bytes
    tape.pushBoolean(true); // 60
    assertTrue(tape.mayRecordCall());
    tape.pushInt(3); // 64: spent
    assertFalse(tape.mayRecordCall());

    long outer = tape.openCallBudget(); // a joint call's sweep records within its own budget
    assertTrue(tape.mayRecordCall());
    tape.pushObject("x");
    tape.pushLong(1);
    tape.pushDoubleBlock(6, 1); // 64 bytes since the budget opened
    assertFalse(tape.mayRecordCall());
    tape.popDoubleBlock(6, 1);
    tape.popLong();
    tape.popObject();
    tape.closeCallBudget(outer);
    assertFalse(tape.mayRecordCall());
    tape.popInt();
    assertTrue(tape.mayRecordCall());
  }

  @Test
  void aZeroBudgetRecordsNoCall() {
    assertFalse(new Tape(0).mayRecordCall());
  }

  @Test
  void aThreadBudgetAppliesToTheTapesMadeAfterIt() {
    long previous = Tape.setThreadCallRecordingBytes(0);
    try {
      assertFalse(new Tape().mayRecordCall());
      Tape.setThreadCallRecordingBytes(8);
      Tape tape = new Tape();
      assertTrue(tape.mayRecordCall());
      tape.pushDouble(1);
      assertFalse(tape.mayRecordCall());
    } finally {
      Tape.setThreadCallRecordingBytes(previous);
    }
    assertTrue(new Tape().mayRecordCall());
    assertThrows(IllegalArgumentException.class, () -> Tape.setThreadCallRecordingBytes(-1));
  }

  @Test
  void aTapeReleasedWithRecordsIsCounted() {
    long before = Tape.unbalancedReleases();
    Tape balanced = new Tape();
    balanced.pushInt(1);
    balanced.popInt();
    balanced.release();
    assertEquals(before, Tape.unbalancedReleases());
    Tape unbalanced = new Tape();
    unbalanced.pushInt(1);
    unbalanced.release();
    assertEquals(before + 1, Tape.unbalancedReleases());
  }

  @Test
  void blockCopiesComeBackWholeAcrossGrowth() {
    Tape tape = new Tape();
    double[] first = {1, 2, 3};
    double[] second = new double[100];
    for (int i = 0; i < second.length; i++) {
      second[i] = i * 0.5;
    }
    tape.pushCopy(first);
    tape.pushDouble(-1);
    tape.pushCopy(second);
    double[] back = new double[100];
    tape.popInto(back);
    assertArrayEquals(second, back);
    assertEquals(-1, tape.popDouble());
    double[] small = new double[3];
    tape.popInto(small);
    assertArrayEquals(first, small);
  }

  @Test
  void loopBlocksSitOnTheStacksBetweenSingleRecordsAcrossGrowth() {
    Tape tape = new Tape();
    tape.pushDouble(-1);
    tape.pushInt(-2);
    int trips = 50;
    int doubleAt = tape.pushDoubleBlock(trips, 3);
    double[] doubles = tape.doubleStorage();
    int intAt = tape.pushIntBlock(trips, 1);
    int[] ints = tape.intStorage();
    assertEquals(1, doubleAt);
    assertEquals(1, intAt);
    for (int t = 0; t < trips; t++) {
      doubles[doubleAt++] = t;
      doubles[doubleAt++] = t + 0.25;
      doubles[doubleAt++] = t + 0.5;
      ints[intAt++] = t % 2;
    }
    tape.pushDouble(99);
    assertEquals(99, tape.popDouble());
    int doubleTop = tape.popDoubleBlock(trips, 3);
    int intTop = tape.popIntBlock(trips, 1);
    assertEquals(1 + 3 * trips, doubleTop);
    for (int t = trips - 1; t >= 0; t--) {
      assertEquals(t % 2, tape.intStorage()[--intTop]);
      assertEquals(t + 0.5, tape.doubleStorage()[--doubleTop]);
      assertEquals(t + 0.25, tape.doubleStorage()[--doubleTop]);
      assertEquals(t, tape.doubleStorage()[--doubleTop]);
    }
    assertEquals(-2, tape.popInt());
    assertEquals(-1, tape.popDouble());
  }

  @Test
  void anEmptyLoopBlockTakesNoRoom() {
    Tape tape = new Tape();
    tape.pushDouble(7);
    assertEquals(1, tape.pushDoubleBlock(0, 4));
    assertEquals(1, tape.popDoubleBlock(0, 4));
    assertEquals(7, tape.popDouble());
  }

  @Test
  void aBlockLongerThanAnArrayIsAClearError() {
    Tape tape = new Tape();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> tape.pushDoubleBlock(Integer.MAX_VALUE, 2));
    assertTrue(e.getMessage().contains("more than a Java array can"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> tape.pushIntBlock(-1, 1));
  }

  @Test
  void releasedStorageIsReusedByTheNextTapeOnTheThread() {
    Tape big = new Tape();
    for (int i = 0; i < 10_000; i++) {
      big.pushDouble(i);
    }
    for (int i = 9_999; i >= 0; i--) {
      assertEquals(i, big.popDouble());
    }
    big.release();
    Tape next = new Tape();
    assertTrue(next.doubleCapacity() >= 10_000, "the grown stack is handed on");
    Tape nested = new Tape(); // made while next is in use: gets other storage
    nested.pushDouble(3);
    next.pushDouble(4);
    assertEquals(3, nested.popDouble());
    assertEquals(4, next.popDouble());
    nested.release();
    next.release();
    assertTrue(new Tape().doubleCapacity() >= 10_000, "last released, first taken");
  }

  @Test
  void aTapeCutShortDoesNotHandOnItsStorage() {
    Tape unbalanced = new Tape();
    for (int i = 0; i < 200_000; i++) {
      unbalanced.pushDouble(i); // never popped: a sweep that threw
    }
    unbalanced.release();
    for (int k = 0; k < 40; k++) { // more tapes than the pool keeps, none released
      assertTrue(new Tape().doubleCapacity() < 200_000);
    }
  }

  @Test
  void storageBeyondTheBudgetIsLeftToTheCollector() {
    int doubles = (int) (StoragePool.BUDGET_BYTES / 8) + 1;
    Tape huge = new Tape();
    huge.pushCopy(new double[doubles]);
    huge.popInto(new double[doubles]);
    huge.release();
    for (int k = 0; k < 40; k++) {
      assertTrue(new Tape().doubleCapacity() < doubles);
    }
  }

  @Test
  void largestBytesIsTheTapesPeakOnItsThreadToWithinDoubling() throws Exception {
    long[] seen = new long[3];
    Thread t = new Thread(() -> {
      Tape.resetLargestBytes();
      Tape tape = new Tape();
      for (int i = 0; i < 1000; i++) {
        tape.pushDouble(i);
      }
      for (int i = 0; i < 1000; i++) {
        tape.popDouble();
      }
      seen[0] = Tape.largestBytes();
      tape.release();
      Tape.resetLargestBytes();
      seen[1] = Tape.largestBytes();
      Tape again = new Tape(); // takes the storage the first tape left: it counts from the start
      seen[2] = Tape.largestBytes();
      again.release();
    });
    t.start();
    t.join();
    assertTrue(seen[0] >= 8 * 1000 && seen[0] <= 2 * 8 * 1000 + 1024, "peak " + seen[0]);
    assertEquals(0, seen[1]);
    assertTrue(seen[2] >= 8 * 1000, "storage handed on " + seen[2]);
  }
}
