package dev.adjoint.processor.random;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tangent of a program ({@code fTangent}) in a random direction, against the gradient's dot
 * product with that direction, and its value against f's, bit for bit.
 */
final class TangentCheck {
  /** Programs whose tangent was checked, over all checkers. */
  static final java.util.concurrent.atomic.AtomicInteger TANGENTS_CHECKED = new java.util.concurrent.atomic.AtomicInteger();

  private final Checker checker;
  private final Program program;
  private final Method tangent;
  private final SelfDots selfDots;
  private final Finite finite;

  TangentCheck(Checker checker, Program program, Method tangent, SelfDots selfDots, Finite finite) {
    this.checker = checker;
    this.program = program;
    this.tangent = tangent;
    this.selfDots = selfDots;
    this.finite = finite;
  }

  /** The tangent in a random direction against the gradient's dot product with it; the value bitwise. */
  Checker.Verdict check(Inputs inputs, double value, double[] gradientRead) {
    SplittableRandom r = new SplittableRandom(program.seed() + 29);
    double[] direction = new double[gradientRead.length];
    List<Object> args = new ArrayList<>(Arrays.asList(checker.arguments(inputs.copy(), null)));
    double expected = 0;
    double scale = 0;
    for (String name : program.wrt()) {
      int[] slot = inputs.slot(name);
      for (int i = slot[0]; i < slot[0] + slot[1]; i++) {
        direction[i] = r.nextDouble(-1, 1);
        expected += gradientRead[i] * direction[i];
        scale += Math.abs(gradientRead[i] * direction[i]);
      }
      if (name.equals("this")) {
        continue;
      }
      args.add(slot[1] == 1 && !name.equals("x") && !name.equals("y") ? (Object) direction[slot[0]]
          : Arrays.copyOfRange(direction, slot[0], slot[0] + slot[1]));
    }
    Object record;
    try {
      if (selfDots.present()) { // the field's tangent comes last, as a record
        args.add(selfDots.one(direction[inputs.slot("this")[0]]));
      }
      record = tangent.invoke(null, args.toArray());
    } catch (Throwable t) {
      return new Checker.Verdict(Outcome.THROWS, "fTangent: " + BatchCompiler.stack(Checker.cause(t)),
          finite.compared(), finite.skipped());
    }
    TANGENTS_CHECKED.incrementAndGet();
    double got = ((Number) Checker.component(record, "value")).doubleValue();
    double dot = ((Number) Checker.component(record, "tangent")).doubleValue();
    if (Double.doubleToLongBits(got) != Double.doubleToLongBits(value)) {
      return new Checker.Verdict(Outcome.WRONG_TANGENT, "fTangent's value " + got + ", f = " + value, finite.compared(),
          finite.skipped());
    }
    // the same derivatives summed in another order: agreement to rounding, relative to the terms'
    // size; a float variable's tangent and adjoint are both rounded to float
    boolean floats = program.source().matches("(?s).*\\bfloat\\b.*");
    double tolerance = (floats ? 1e-5 : 1e-9) * (scale + Math.abs(dot)) + 1e-12;
    if (!(Math.abs(dot - expected) <= tolerance)) {
      return new Checker.Verdict(Outcome.WRONG_TANGENT, "tangent " + dot + ", gradient . direction " + expected,
          finite.compared(), finite.skipped());
    }
    return null;
  }
}
