package dev.adjoint.processor.diagnostics;

/**
 * The catalog of constructs outside the differentiable subset: what the user wrote (a format
 * filled with the names from their code), the message family it is reported under, and the hint
 * that says how to fix it. The reader attaches an entry to the tree it cannot represent; the
 * validator reports it at that tree.
 */
public enum Construct {
  // ---------------------------------------------------------------- statements
  ENHANCED_FOR_OVER_COLLECTION(Kind.STATEMENT, "an enhanced for loop over a collection",
      "Iterate over an array, or index the elements with a counted for loop"),
  LABELLED_BREAK(Kind.STATEMENT, "a labelled break", "Leave the outer loop with a boolean flag"),
  LABELLED_CONTINUE(Kind.STATEMENT, "a labelled continue", "Skip the rest of the outer loop with a boolean flag"),
  LABELLED_STATEMENT(Kind.STATEMENT, "a labelled statement", "Use a boolean flag instead of a label"),
  TRY(Kind.STATEMENT, "a try statement", "Move the exception handling to a caller outside the differentiable code"),
  SYNCHRONIZED(Kind.STATEMENT, "a synchronized block",
      "Differentiable code must be free of locking; synchronize in the caller"),
  THROW(Kind.STATEMENT, "a throw statement",
      "Validate the arguments in a caller before calling the differentiable method"),
  ASSERT(Kind.STATEMENT, "an assert statement", "Check the condition in a caller"),
  LOCAL_CLASS(Kind.STATEMENT, "a local class declaration", "Declare the class outside the differentiable method"),
  DISCARDED_RESULT(Kind.STATEMENT, "a call whose result is discarded",
      "Assign the result to a variable, or remove the call"),
  OTHER_EXPRESSION_STATEMENT(Kind.STATEMENT, "this expression statement (%s)", "Write a plain assignment or a call"),
  OTHER_STATEMENT(Kind.STATEMENT, "this statement (%s)", "See the supported subset in the README"),
  SWITCH_SELECTOR(Kind.STATEMENT, "a switch over a %s selector",
      "Switch over an int or an enum, or use if/else if with equals"),
  CASE_FALL_THROUGH(Kind.STATEMENT, "a case that falls through into the next",
      "End each case with break (or return), or repeat the shared statements"),
  BREAK_INSIDE_CASE(Kind.STATEMENT, "a break out of a switch from inside a case",
      "Use if/else inside the case instead of leaving it early"),

  // ---------------------------------------------------------------- @Checkpointed loops
  CHECKPOINT_SNAPSHOTS(Kind.CHECKPOINT, "snapshots is %s",
      "Give the number of loop states the reverse may keep, at least 1: @Checkpointed(snapshots = 20)"),
  CHECKPOINT_NOT_A_LOOP_INDEX(Kind.CHECKPOINT,
      "@Checkpointed marks a for loop's index or the local declared just before a while loop, not %s",
      "Put it on the loop's index, for (@Checkpointed(snapshots = 20) int t = 0; t < nt; t++), or on the local "
          + "declared just before a while or do loop"),
  CHECKPOINT_NESTED(Kind.CHECKPOINT, "it is inside another loop or a branch",
      "Mark the outermost time loop, a statement of the method body"),
  CHECKPOINT_EARLY_EXIT(Kind.CHECKPOINT, "it can leave the method (return)",
      "Leave the loop with break (its schedule then learns the trip count as it runs) and return after it"),
  CHECKPOINT_CONDITION_WRITES(Kind.CHECKPOINT, "its condition changes '%s'; the steps the reverse runs again skip it",
      "Change the variable in the loop's body or update, not in its condition"),
  CHECKPOINT_STATE_THROUGH_LOCAL(Kind.CHECKPOINT,
      "it writes an array through '%s', declared inside the loop, so the loop's state cannot be named",
      "Write the elements through the array variable declared before the loop"),
  CHECKPOINT_STATE_TYPE(Kind.CHECKPOINT, "its state includes '%s' of type %s, which the reverse cannot copy",
      "Keep the loop's state in primitive variables and in double[], float[], int[], double[][] or float[][] arrays"),

  // ---------------------------------------------------------------- expressions
  REFERENCE_CAST(Kind.EXPRESSION, "a reference cast", "Differentiable code works on primitives and arrays of them"),
  STRING(Kind.EXPRESSION, "a string", "Strings carry no derivative; build messages outside the method"),
  STRING_CONCATENATION(Kind.EXPRESSION, "string concatenation",
      "Strings carry no derivative; build messages outside the method"),
  LAMBDA(Kind.EXPRESSION, "a lambda expression", "Write the function as a @Differentiable method and call it directly"),
  METHOD_REFERENCE(Kind.EXPRESSION, "a method reference",
      "Write the function as a @Differentiable method and call it directly"),
  OBJECT_ALLOCATION(Kind.EXPRESSION, "object allocation (new %s)",
      "Differentiable code works on primitives and arrays; create objects outside it and pass them in"),
  INSTANCEOF(Kind.EXPRESSION, "instanceof", "Decide on the type outside the differentiable method"),
  SWITCH_EXPRESSION(Kind.EXPRESSION, "a switch expression", "Use a conditional (?:) or if/else"),
  OPERATOR(Kind.EXPRESSION, "the operator %s", "See the supported subset in the README"),
  OTHER_EXPRESSION(Kind.EXPRESSION, "this expression (%s)", "See the supported subset in the README"),
  UNKNOWN_NAME(Kind.EXPRESSION, "the name %s", "Only locals, parameters, fields and constants can be used here"),
  OUTER_VARIABLE(Kind.EXPRESSION, "the variable %s",
      "Declare it inside the method, or pass its value as a parameter"),
  OTHER_NAME(Kind.EXPRESSION, "the name %s (%s)", "Only locals, parameters, fields and constants can be used here"),
  MEMBER(Kind.EXPRESSION, "the member %s", "Only fields, constants and array lengths can be read"),
  INSTANCE_FIELD_WITHOUT_RECEIVER(Kind.EXPRESSION, "the instance field %s",
      "Read it in an instance method, or pass its value as a parameter"),
  UNRESOLVED_CALL(Kind.EXPRESSION, "the call %s", "Call a static method, or a method of this object, by name"),
  VARARGS_CALL(Kind.EXPRESSION, "a call of the variable-arity method %s",
      "Pass an explicit array, or call a fixed-arity method"),
  CLONE_2D(Kind.EXPRESSION, "clone() of a two-dimensional array (it copies only the row references)",
      "Copy the rows one by one into a new array"),
  CALL_READS_FIELDS_AS_CONSTANTS(Kind.EXPRESSION,
      "the call %s() on this, in a method differentiated with respect to this,",
      "The callee is not differentiated with respect to this, so its reads of the fields would be constants. Add"
          + " \"this\" to the callee's @Differentiable(wrt), or read the fields directly"),
  SUPER_CALL(Kind.EXPRESSION, "a call through super",
      "The adjoint class would reach the override instead. Call a method of another name that the override and"
          + " this one share"),
  SUPER_HIDDEN_FIELD(Kind.EXPRESSION, "super naming a field this class hides",
      "Rename one of the two fields"),
  THIS_ESCAPES(Kind.EXPRESSION, "'this' passed on or stored, in a method differentiated with respect to this,",
      "Code that reads the fields through another name would see them as constants. Read the fields here, or call"
          + " a method on this that is differentiated with respect to this"),
  INSTANCE_CALL_WITHOUT_RECEIVER(Kind.EXPRESSION, "the instance call %s",
      "Call it from an instance method, or make it static"),
  CONSTANT(Kind.EXPRESSION, "the constant %s", "Use a numeric or boolean constant"),
  /** Found while generating the adjoint rather than while reading; the text says what. */
  NOT_REVERSIBLE(Kind.EXPRESSION, "%s", "Rewrite it with the supported subset (see the README)"),
  UNNAMED_ARRAY(Kind.EXPRESSION, "this array expression, whose adjoint must be a variable's here,",
      "Declare the array in a local first and use the local"),

  // ---------------------------------------------------------------- families with their own message
  SIDE_EFFECT(Kind.SIDE_EFFECT, "%s", ""),
  FIELD_WRITE(Kind.FIELD_WRITE, "%s", ""),
  PRIVATE_METHOD(Kind.PRIVATE_MEMBER, "the method %s.%s", "");

  /** Which message a construct is reported under; the message carries the wording around it. */
  public enum Kind {
    STATEMENT(Message.UNSUPPORTED_STATEMENT),
    EXPRESSION(Message.UNSUPPORTED_EXPRESSION),
    SIDE_EFFECT(Message.SIDE_EFFECT_IN_EXPRESSION),
    FIELD_WRITE(Message.FIELD_WRITE),
    PRIVATE_MEMBER(Message.PRIVATE_MEMBER),
    CHECKPOINT(Message.CHECKPOINT);

    private final Message message;

    Kind(Message message) {
      this.message = message;
    }

    public Message message() {
      return message;
    }
  }

  private final Kind kind;
  private final String description;
  private final String hint;

  Construct(Kind kind, String description, String hint) {
    this.kind = kind;
    this.description = description;
    this.hint = hint;
  }

  public Kind kind() {
    return kind;
  }

  public String hint() {
    return hint;
  }

  /** What the user wrote, with the names from their code filled in. */
  public String describe(Object... names) {
    return String.format(java.util.Locale.ROOT, description, names);
  }
}
