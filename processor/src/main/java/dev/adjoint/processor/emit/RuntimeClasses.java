package dev.adjoint.processor.emit;

import com.palantir.javapoet.ClassName;
import java.util.List;

/** The runtime classes generated code calls. */
public final class RuntimeClasses {
  public static final ClassName TAPE = ClassName.get("dev.adjoint.runtime.tape", "Tape");
  public static final ClassName SHADOWS = ClassName.get("dev.adjoint.runtime.tape", "Shadows");
  public static final ClassName SEEDS = ClassName.get("dev.adjoint.runtime.tape", "Seeds");
  public static final ClassName RRULE = ClassName.get("dev.adjoint.runtime.rules", "Rrule");
  public static final ClassName FIELD_HANDLES = ClassName.get("dev.adjoint.runtime.tape", "FieldHandles");
  public static final ClassName REVOLVE = ClassName.get("dev.adjoint.runtime.checkpoint", "Revolve");
  public static final ClassName ONLINE_REVOLVE = ClassName.get("dev.adjoint.runtime.checkpoint", "OnlineRevolve");
  public static final ClassName LANES = ClassName.get("dev.adjoint.runtime.tape", "Lanes");
  public static final List<ClassName> ALL = List.of(TAPE, SHADOWS, SEEDS, RRULE, FIELD_HANDLES, REVOLVE, ONLINE_REVOLVE,
      LANES);

  private RuntimeClasses() {}
}
