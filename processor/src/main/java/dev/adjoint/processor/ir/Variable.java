package dev.adjoint.processor.ir;

/**
 * A local variable or parameter of a differentiable method. Identity matters: two variables of
 * the same source name in sibling blocks are different objects, and the transform gives them
 * different names when both must live at method scope.
 */
public final class Variable {
  /** Where a variable comes from. */
  public enum Kind { PARAMETER, RECEIVER, LOCAL, SYNTHETIC }

  private final String sourceName;
  private final JType type;
  private final Kind kind;
  private final int loopDepth;
  private String name;

  public Variable(String sourceName, JType type, Kind kind, int loopDepth) {
    this.sourceName = sourceName;
    this.type = type;
    this.kind = kind;
    this.loopDepth = loopDepth;
    this.name = sourceName;
  }

  public String sourceName() {
    return sourceName;
  }

  /** The name the generated code uses (unique within the generated method). */
  public String name() {
    return name;
  }

  public void rename(String newName) {
    this.name = newName;
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

  public boolean isParameter() {
    return kind == Kind.PARAMETER || kind == Kind.RECEIVER;
  }

  @Override
  public String toString() {
    return name;
  }
}
