package dev.adjoint.runtime.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
}

