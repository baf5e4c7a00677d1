package dev.adjoint.runtime.linop;

import dev.adjoint.annotations.CustomRule;

/**
 * A matrix-free linear operator that knows its adjoint, in the manner of JOLI's operators.
 * Factories are on {@link LinearOperators}.
 *
 * <h2>Vectors</h2>
 *
 * <p>Vectors are {@code double[]}. A {@link ElementType#REAL REAL} vector of size {@code n} is
 * an array of length {@code n}. A {@link ElementType#COMPLEX COMPLEX} vector of size {@code n} is
 * an array of length {@code 2n} with real and imaginary parts interleaved:
 * {@code [re_0, im_0, re_1, im_1, ...]}. {@link #domainSize()} and {@link #rangeSize()} count
 * elements; {@link #domainLength()} and {@link #rangeLength()} count array entries.
 *
 * <h2>Adjoint</h2>
 *
 * <p>{@link #applyAdjoint} is the adjoint with respect to the real inner product of the stored
 * arrays, {@code <u, v> = sum_i u[i] v[i]}, which is the real part of the complex inner product.
 * So {@code <apply(x), y> = <x, applyAdjoint(y)>} holds for every pair of arrays. Between complex
 * spaces it is the conjugate transpose. From a real domain to a complex range, as for the DFT of
 * a real signal, it is {@code Re(A^H y)}, which is what JOLI returns and what a gradient needs.
 *
 * <h2>Differentiation</h2>
 *
 * <p>{@link #applyPullback} is the custom rule for {@link #apply}, and {@link #applyAdjointPullback}
 * is the rule for {@link #applyAdjoint}. They are declared once here and hold for every
 * implementation, as ChainRules' {@code rrule} for JOLI's abstract operator type does.
 *
 * <p>Implementations leave their argument arrays unchanged. The default methods below give
 * composition, sums, scaling and adjoint views.
 */
public interface LinearOperator {

  /** The kind of the entries of a vector, and how many {@code double}s each one takes. */
  enum ElementType {
    /** One {@code double} per element. */
    REAL(1),
    /** Two {@code double}s per element, real part first. */
    COMPLEX(2);

    private final int width;

    ElementType(int width) {
      this.width = width;
    }

    /** The number of {@code double}s that store one element: 1 or 2. */
    public int width() {
      return width;
    }
  }

  /** The number of elements of a domain vector. */
  int domainSize();

  /** The number of elements of a range vector. */
  int rangeSize();

  /** The element type of domain vectors. */
  ElementType domainType();

  /** The element type of range vectors. */
  ElementType rangeType();

  /** The length of the array that stores a domain vector. */
  default int domainLength() {
    return domainSize() * domainType().width();
  }

  /** The length of the array that stores a range vector. */
  default int rangeLength() {
    return rangeSize() * rangeType().width();
  }

  /** {@code A x}, as a fresh array of length {@link #rangeLength()}. */
  double[] apply(double[] x);

  /** {@code A' y}, as a fresh array of length {@link #domainLength()}. */
  double[] applyAdjoint(double[] y);

  /** Adds {@code A x} into {@code out}. Implementations override this where they can avoid a temporary. */
  default void applyAdd(double[] x, double[] out) {
    Shapes.requireLength("out", out, rangeLength(), this);
    Shapes.addInto(apply(x), out);
  }

  /** Adds {@code A' y} into {@code out}. Implementations override this where they can avoid a temporary. */
  default void applyAdjointAdd(double[] y, double[] out) {
    Shapes.requireLength("out", out, domainLength(), this);
    Shapes.addInto(applyAdjoint(y), out);
  }

  /**
   * This operator followed by {@code next}: the product {@code next * this}. JOLI's {@code R*F}
   * is {@code F.then(R)}.
   *
   * @throws IllegalArgumentException if {@code next}'s domain is not this operator's range
   */
  default LinearOperator then(LinearOperator next) {
    return new Composition(this, next);
  }

  /**
   * The product {@code this * right}: {@code right} first, then this operator.
   *
   * @throws IllegalArgumentException if this operator's domain is not {@code right}'s range
   */
  default LinearOperator times(LinearOperator right) {
    return new Composition(right, this);
  }

  /**
   * The sum {@code this + other}.
   *
   * @throws IllegalArgumentException if the two differ in domain or range
   */
  default LinearOperator plus(LinearOperator other) {
    return new Sum(this, other);
  }

  /** The operator {@code alpha * this}, for real {@code alpha}. */
  default LinearOperator scale(double alpha) {
    return new Scaled(this, alpha);
  }

  /** A view of the adjoint {@code A'}: its {@code apply} is this operator's {@code applyAdjoint}, and the reverse. */
  default LinearOperator adjoint() {
    return new AdjointView(this);
  }

  /**
   * The pullback of {@link #apply}: {@code xBar += A' dy}. Skipped when {@code xBar} is null,
   * that is, when the caller needs no adjoint for {@code x}.
   */
  @CustomRule(of = "apply")
  static void applyPullback(LinearOperator self, double[] x, double[] dy, double[] xBar) {
    if (xBar != null) {
      self.applyAdjointAdd(dy, xBar);
    }
  }

  /** The pushforward of {@link #apply}: the operator is linear, so the tangent is {@code A xDot}. */
  @CustomRule(of = "apply", form = CustomRule.Form.PUSHFORWARD)
  static double[] applyPushforward(LinearOperator self, double[] x, double[] xDot) {
    return self.apply(xDot == null ? new double[x.length] : xDot);
  }

  /** The pushforward of {@link #applyAdjoint}: the tangent is {@code A' yDot}. */
  @CustomRule(of = "applyAdjoint", form = CustomRule.Form.PUSHFORWARD)
  static double[] applyAdjointPushforward(LinearOperator self, double[] y, double[] yDot) {
    return self.applyAdjoint(yDot == null ? new double[y.length] : yDot);
  }

  /**
   * The pullback of {@link #applyAdjoint}: {@code yBar += A dx}. Skipped when {@code yBar} is
   * null.
   */
  @CustomRule(of = "applyAdjoint")
  static void applyAdjointPullback(LinearOperator self, double[] y, double[] dx, double[] yBar) {
    if (yBar != null) {
      self.applyAdd(dx, yBar);
    }
  }
}
