package dev.adjoint.processor.random;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;

/**
 * The field tangents of a program differentiated with respect to {@code "this"}: the generated
 * {@code Params} record, whose one component is the tangent of the receiver's field
 * {@code scale}. {@code fTangent} takes one, {@code fTangents} one per direction, after the
 * parameters' tangents.
 */
final class SelfDots {
  private final Class<?> record;
  private final Constructor<?> constructor;

  /** The record of {@code adjoint}, or none where the program is not differentiated with respect to its fields. */
  SelfDots(Program program, Class<?> adjoint) throws ReflectiveOperationException {
    if (!program.wrt().contains("this")) {
      record = null;
      constructor = null;
      return;
    }
    record = Class.forName(adjoint.getName() + "$Params", true, adjoint.getClassLoader());
    constructor = record.getDeclaredConstructor(double.class);
    constructor.setAccessible(true);
  }

  boolean present() {
    return record != null;
  }

  /** The record of the field's tangent {@code scaleDot}. */
  Object one(double scaleDot) throws ReflectiveOperationException {
    return constructor.newInstance(scaleDot);
  }

  /** One record per direction. */
  Object perDirection(double[] scaleDots) throws ReflectiveOperationException {
    Object all = Array.newInstance(record, scaleDots.length);
    for (int d = 0; d < scaleDots.length; d++) {
      Array.set(all, d, one(scaleDots[d]));
    }
    return all;
  }
}
