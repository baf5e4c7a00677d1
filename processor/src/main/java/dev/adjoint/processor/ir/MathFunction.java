package dev.adjoint.processor.ir;

import java.util.Optional;

/** The {@code java.lang.Math} functions Adjoint knows the derivatives of. */
public enum MathFunction {
  SIN(1), COS(1), TAN(1), ASIN(1), ACOS(1), ATAN(1), ATAN2(2), SINH(1), COSH(1), TANH(1),
  EXP(1), EXPM1(1), LOG(1), LOG1P(1), LOG10(1), SQRT(1), CBRT(1), POW(2), HYPOT(2), ABS(1),
  MIN(2), MAX(2), FLOOR(1), CEIL(1), RINT(1), SIGNUM(1), TO_RADIANS(1), TO_DEGREES(1), FMA(3);

  private final int arity;

  MathFunction(int arity) {
    this.arity = arity;
  }

  public int arity() {
    return arity;
  }

  /** The Java method name, e.g. {@code toRadians}. */
  public String javaName() {
    return switch (this) {
      case TO_RADIANS -> "toRadians";
      case TO_DEGREES -> "toDegrees";
      default -> name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** Piecewise-constant functions: their derivative is zero wherever it exists. */
  public boolean isPiecewiseConstant() {
    return this == FLOOR || this == CEIL || this == RINT || this == SIGNUM;
  }

  public static Optional<MathFunction> byJavaName(String name, int arity) {
    for (MathFunction f : values()) {
      if (f.javaName().equals(name) && f.arity == arity) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
