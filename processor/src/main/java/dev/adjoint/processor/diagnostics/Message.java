package dev.adjoint.processor.diagnostics;

import javax.tools.Diagnostic;

/**
 * Every message the processor shows a user, in one place. Each has a stable id that appears in
 * the text as {@code [Adjoint:Id]}, so users and tests can search for it.
 */
public enum Message {
  UNSUPPORTED_STATEMENT("UnsupportedStatement", "%s is not supported in a @Differentiable method. %s"),
  UNSUPPORTED_EXPRESSION("UnsupportedExpression", "%s is not supported in a @Differentiable method. %s"),
  UNSUPPORTED_TYPE("UnsupportedType", "%s has type %s, which a @Differentiable method cannot use. %s"),
  UNSUPPORTED_CALL("UnsupportedCall",
      "%s has no derivative: it is called with an argument that depends on the differentiated inputs. %s"),
  NON_DIFFERENTIABLE_ARGUMENT("NonDifferentiableArgument",
      "argument '%s' of %s depends on the differentiated inputs, but %s is not differentiable with respect to"
          + " parameter '%s'. Add '%s' to its @Differentiable(wrt = ...), or pass a value that does not depend on"
          + " the inputs"),
  SIDE_EFFECT_IN_EXPRESSION("SideEffectInExpression",
      "%s changes a variable in the middle of an expression. Write the assignment or increment as its own"
          + " statement"),
  FIELD_WRITE("FieldWrite",
      "the field '%s' is written by a @Differentiable method. Fields are read as constants; keep the value in a"
          + " local variable or an array parameter"),
  PRIVATE_MEMBER("PrivateMember",
      "%s is private, so the generated adjoint class cannot call it. Make it package-private (private fields are"
          + " fine)"),
  UNKNOWN_WRT("UnknownWrt",
      "@Differentiable(wrt) names '%s', which is not a floating-point parameter of %s. Its floating-point"
          + " parameters are: %s"),
  WRT_THIS("WrtThis", "@Differentiable(wrt = \"this\") on %s cannot be honoured: %s"),
  OVERLOADED("Overloaded",
      "%s is overloaded; only one @Differentiable method of a name is supported per class. Rename one of them"),
  NAME_CLASH("NameClash", "the parameter name '%s' clashes with %s in the generated adjoint. Rename the parameter"),
  NOTHING_TO_DIFFERENTIATE("NothingToDifferentiate",
      "%s has no floating-point parameter to differentiate with respect to, so no adjoint is generated"),
  INACCESSIBLE_CLASS("InaccessibleClass",
      "%s is private, so the generated adjoint class cannot call into it. Make it package-private"),
  UNRESOLVED("Unresolved", "%s cannot be resolved; Adjoint differentiates this method once it compiles"),
  CHECKPOINT("Checkpoint", "this loop cannot be @Checkpointed: %s. %s"),
  TANGENT("Tangent", "%s has no tangent (forward mode), which @Differentiable(tangent = true) requires: %s. %s"),
  BAD_RULE("BadRule", "%s"),
  BAD_OPTION("BadOption", "%s"),
  INTERNAL_ERROR("InternalError", "internal error in Adjoint; please report: %s"),
  VERBOSE("Verbose", "%s");

  private final String id;
  private final String format;

  Message(String id, String format) {
    this.id = id;
    this.format = format;
  }

  public String id() {
    return id;
  }

  public Diagnostic.Kind kind() {
    return switch (this) {
      case NOTHING_TO_DIFFERENTIATE -> Diagnostic.Kind.WARNING;
      case VERBOSE -> Diagnostic.Kind.NOTE;
      default -> Diagnostic.Kind.ERROR;
    };
  }

  /** The full text: {@code [Adjoint:Id] formatted message}. */
  public String format(Object... args) {
    return "[Adjoint:" + id + "] " + String.format(java.util.Locale.ROOT, format, args);
  }
}
