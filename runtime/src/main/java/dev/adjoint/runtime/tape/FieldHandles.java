package dev.adjoint.runtime.tape;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Finds the {@link VarHandle}s through which generated adjoints read a user class's private
 * fields. Generated code keeps each in a {@code static final} constant, which the JIT treats as a
 * constant, and reads a receiver's field once per sweep, so a private field costs what a
 * package-private one does once the code is compiled (no reflection in the steady state).
 *
 * <p>The adjoint class lives in the user class's package and module, so it may look into the
 * class privately ({@link MethodHandles#privateLookupIn}).
 */
public final class FieldHandles {
  private FieldHandles() {}

  /** The handle of the instance field {@code owner.name} of the given type. */
  public static VarHandle find(MethodHandles.Lookup adjoint, Class<?> owner, String name, Class<?> type) {
    try {
      return MethodHandles.privateLookupIn(owner, adjoint).findVarHandle(owner, name, type);
    } catch (ReflectiveOperationException | IllegalAccessError | SecurityException e) {
      throw notFound(adjoint, owner, name, e);
    }
  }

  /** The handle of the static field {@code owner.name} of the given type. */
  public static VarHandle findStatic(MethodHandles.Lookup adjoint, Class<?> owner, String name, Class<?> type) {
    try {
      return MethodHandles.privateLookupIn(owner, adjoint).findStaticVarHandle(owner, name, type);
    } catch (ReflectiveOperationException | IllegalAccessError | SecurityException e) {
      throw notFound(adjoint, owner, name, e);
    }
  }

  private static IllegalStateException notFound(MethodHandles.Lookup adjoint, Class<?> owner, String name,
      Throwable cause) {
    return new IllegalStateException(adjoint.lookupClass().getName() + " cannot read the private field "
        + owner.getName() + "." + name + " (was " + owner.getSimpleName()
        + " recompiled without regenerating its adjoint, or moved to a module that does not open its package?)",
        cause);
  }
}
