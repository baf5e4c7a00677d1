package dev.adjoint.processor.ir;

import javax.lang.model.type.TypeMirror;

/**
 * The type of an IR value: a primitive or reference base and a number of array dimensions.
 *
 * @param base the element kind
 * @param dims array dimensions, 0 for scalars
 * @param mirror javac's type, kept so reference types can be printed; may be null for primitives
 */
public record JType(Base base, int dims, TypeMirror mirror) {
  /** The element kinds Adjoint distinguishes. */
  public enum Base {
    DOUBLE("double"), FLOAT("float"), LONG("long"), INT("int"), SHORT("short"), CHAR("char"),
    BYTE("byte"), BOOLEAN("boolean"), REFERENCE(null), VOID("void");

    private final String keyword;

    Base(String keyword) {
      this.keyword = keyword;
    }

    public String keyword() {
      return keyword;
    }
  }

  public static final JType DOUBLE = new JType(Base.DOUBLE, 0, null);
  public static final JType FLOAT = new JType(Base.FLOAT, 0, null);
  public static final JType INT = new JType(Base.INT, 0, null);
  public static final JType LONG = new JType(Base.LONG, 0, null);
  public static final JType BOOLEAN = new JType(Base.BOOLEAN, 0, null);
  public static final JType VOID = new JType(Base.VOID, 0, null);

  public static JType of(Base base, int dims) {
    return new JType(base, dims, null);
  }

  /** double or float, of any dimension: the types that carry derivatives. */
  public boolean isFloating() {
    return base == Base.DOUBLE || base == Base.FLOAT;
  }

  /** A scalar double or float. */
  public boolean isFloatingScalar() {
    return isFloating() && dims == 0;
  }

  public boolean isArray() {
    return dims > 0;
  }

  public boolean isVoid() {
    return base == Base.VOID;
  }

  /** Integral or boolean scalars: never differentiable, often indices. */
  public boolean isDiscreteScalar() {
    return dims == 0 && !isFloating() && base != Base.REFERENCE && base != Base.VOID;
  }

  /** The type of one element of this array type. */
  public JType element() {
    if (dims == 0) {
      throw new IllegalStateException("not an array: " + this);
    }
    return new JType(base, dims - 1, null);
  }

  /** The array type whose elements have this type. */
  public JType arrayOf() {
    return new JType(base, dims + 1, null);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JType t && t.base == base && t.dims == dims
        && (base != Base.REFERENCE || String.valueOf(t.mirror).equals(String.valueOf(mirror)));
  }

  @Override
  public int hashCode() {
    return base.hashCode() * 31 + dims;
  }

  /** Java source text for primitive types and their arrays; reference types use the mirror. */
  public String sourceText() {
    String b = base == Base.REFERENCE ? String.valueOf(mirror) : base.keyword();
    if (base == Base.REFERENCE) {
      return b; // the mirror already carries its dimensions
    }
    return b + "[]".repeat(dims);
  }

  @Override
  public String toString() {
    return sourceText();
  }
}
