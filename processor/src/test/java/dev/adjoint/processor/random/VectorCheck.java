package dev.adjoint.processor.random;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The vector tangent of a program: {@code fTangents} in two random directions gives, bit for bit,
 * the value and the tangents that {@code fTangent} gives in each (the same arithmetic, direction by
 * direction); in no directions, the value and no tangents.
 */
final class VectorCheck {
  private static final int DIRECTIONS = 2;

  private VectorCheck() {}

  static Checker.Verdict check(Checker checker, Program program, Method tangent, Method tangents, SelfDots selfDots,
      Inputs inputs, Finite finite) {
    SplittableRandom r = new SplittableRandom(program.seed() + 31);
    List<double[]> directions = new ArrayList<>();
    for (int d = 0; d < DIRECTIONS; d++) {
      double[] v = new double[inputs.flat().length];
      for (int i = 0; i < v.length; i++) {
        v[i] = r.nextDouble(-1, 1);
      }
      directions.add(v);
    }
    try {
      Object vector = tangents.invoke(null, arguments(checker, program, inputs, directions, selfDots));
      Object none = tangents.invoke(null, arguments(checker, program, inputs, List.of(), selfDots));
      if (((double[]) Checker.component(none, "tangents")).length != 0
          || !Checker.component(none, "value").equals(Checker.component(vector, "value"))) {
        return new Checker.Verdict(Outcome.WRONG_TANGENT, "fTangents with no directions", finite.compared(),
            finite.skipped());
      }
      double[] got = (double[]) Checker.component(vector, "tangents");
      for (int d = 0; d < DIRECTIONS; d++) {
        List<Object> one = new ArrayList<>(Arrays.asList(checker.arguments(inputs.copy(), null)));
        for (String name : program.wrt()) {
          int[] slot = inputs.slot(name);
          if (!name.equals("this")) {
            one.add(isArray(name, slot) ? Arrays.copyOfRange(directions.get(d), slot[0], slot[0] + slot[1])
                : (Object) directions.get(d)[slot[0]]);
          }
        }
        if (selfDots.present()) {
          one.add(selfDots.one(directions.get(d)[inputs.slot("this")[0]]));
        }
        Object single = tangent.invoke(null, one.toArray());
        double expected = ((Number) Checker.component(single, "tangent")).doubleValue();
        if (Double.doubleToLongBits(got[d]) != Double.doubleToLongBits(expected)
            || !Checker.component(vector, "value").equals(Checker.component(single, "value"))) {
          return new Checker.Verdict(Outcome.WRONG_TANGENT, "fTangents in direction " + d + ": " + got[d]
              + ", fTangent: " + expected, finite.compared(), finite.skipped());
        }
      }
    } catch (Throwable t) {
      return new Checker.Verdict(Outcome.THROWS, "fTangents: " + BatchCompiler.stack(Checker.cause(t)),
          finite.compared(), finite.skipped());
    }
    return null;
  }

  /** fTangents' arguments: the program's, then its tangents in the given directions (any number of them). */
  private static Object[] arguments(Checker checker, Program program, Inputs inputs, List<double[]> directions,
      SelfDots selfDots) throws ReflectiveOperationException {
    int k = directions.size();
    List<Object> all = new ArrayList<>(Arrays.asList(checker.arguments(inputs.copy(), null)));
    for (String name : program.wrt()) {
      int[] slot = inputs.slot(name);
      if (name.equals("this")) {
        continue; // the field's tangents come last
      }
      if (isArray(name, slot)) {
        double[][] lanes = new double[k][];
        for (int d = 0; d < k; d++) {
          lanes[d] = Arrays.copyOfRange(directions.get(d), slot[0], slot[0] + slot[1]);
        }
        all.add(lanes);
      } else {
        double[] lanes = new double[k];
        for (int d = 0; d < k; d++) {
          lanes[d] = directions.get(d)[slot[0]];
        }
        all.add(lanes);
      }
    }
    if (selfDots.present()) {
      double[] scaleDots = new double[k];
      for (int d = 0; d < k; d++) {
        scaleDots[d] = directions.get(d)[inputs.slot("this")[0]];
      }
      all.add(selfDots.perDirection(scaleDots));
    }
    return all.toArray();
  }

  private static boolean isArray(String name, int[] slot) {
    return !(slot[1] == 1 && !name.equals("x") && !name.equals("y"));
  }
}
