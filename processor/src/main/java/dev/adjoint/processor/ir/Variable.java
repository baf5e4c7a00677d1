package dev.adjoint.processor.ir;

/**
 * A local variable or parameter of a differentiable method. Identity matters: two variables of
 * the same source name in sibling blocks are different objects, and the transform gives them
 * different names when both must live at method scope.
 */
public final class Variable {
  /** Where a variable comes from. */
  public enum Kind {
    PARAMETER,
    RECEIVER,
    /** A field of the receiver differentiated as a hidden trailing parameter (see {@code ReceiverFields}). */
    FIELD,
    LOCAL,
    SYNTHETIC
  }

  private final String sourceName;
  private final JType type;
  private final Kind kind;
  private final int loopDepth;
  private final String name;

  public Variable(String sourceName, JType type, Kind kind, int loopDepth) {
    this(sourceName, type, kind, loopDepth, sourceName);
  }

  private Variable(String sourceName, JType type, Kind kind, int loopDepth, String name) {
    this.sourceName = sourceName;
    this.type = type;
    this.kind = kind;
    this.loopDepth = loopDepth;
    this.name = name;
  }

  public String sourceName() {
    return sourceName;
  }

  /** The name the generated code uses: the source name until lowering makes names unique. */
  public String name() {
    return name;
  }

  /** The same variable under the name the generated code gives it (a new object: IR is never changed). */
  public Variable named(String newName) {
    return new Variable(sourceName, type, kind, loopDepth, newName);
  }

  public JType type() {
    return type;
  }

  public Kind kind() {
    return kind;
  }

  /** Number of loops around the declaration; 0 for parameters and top-level locals. */
  public int loopDepth() {
    return loopDepth;
  }

  /**
   * The hidden parameter standing for the receiver's field: its source name is the field's, its
   * name in generated code {@code thisWeights} for {@code weights}.
   */
  public static Variable field(String field, JType type) {
    return new Variable(field, type, Kind.FIELD, 0, fieldParameterName(field));
  }

  /** The generated name of a field's hidden parameter: {@code thisWeights} for {@code weights}. */
  public static String fieldParameterName(String field) {
    return "this" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
  }

  /** The name a reader of the source knows: a field parameter ({@code thisW}) as {@code this.w}. */
  public String displayName() {
    return kind == Kind.FIELD ? "this." + sourceName : name;
  }

  public boolean isParameter() {
    return kind == Kind.PARAMETER || kind == Kind.RECEIVER || kind == Kind.FIELD;
  }

  @Override
  public String toString() {
    return name;
  }
}
