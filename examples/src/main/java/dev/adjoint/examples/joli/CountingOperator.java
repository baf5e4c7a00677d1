package dev.adjoint.examples.joli;

import dev.adjoint.runtime.linop.LinearOperator;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps an operator and counts how often it and its adjoint are applied. The generated adjoint of
 * a loss never sees the operator's code: it calls the {@code LinearOperator.apply} rule, which
 * applies the adjoint. Counting the adjoint applications shows that the rule ran, once per
 * gradient.
 */
final class CountingOperator implements LinearOperator {
  private final LinearOperator inner;
  private final AtomicInteger forward = new AtomicInteger();
  private final AtomicInteger adjoint = new AtomicInteger();

  CountingOperator(LinearOperator inner) {
    this.inner = inner;
  }

  /** Applications of the operator ({@code apply}, {@code applyAdd}) so far. */
  int forwardCount() {
    return forward.get();
  }

  /** Applications of its adjoint ({@code applyAdjoint}, {@code applyAdjointAdd}) so far. */
  int adjointCount() {
    return adjoint.get();
  }

  void reset() {
    forward.set(0);
    adjoint.set(0);
  }

  @Override
  public int domainSize() {
    return inner.domainSize();
  }

  @Override
  public int rangeSize() {
    return inner.rangeSize();
  }

  @Override
  public ElementType domainType() {
    return inner.domainType();
  }

  @Override
  public ElementType rangeType() {
    return inner.rangeType();
  }

  @Override
  public double[] apply(double[] x) {
    forward.incrementAndGet();
    return inner.apply(x);
  }

  @Override
  public double[] applyAdjoint(double[] y) {
    adjoint.incrementAndGet();
    return inner.applyAdjoint(y);
  }

  @Override
  public void applyAdd(double[] x, double[] out) {
    forward.incrementAndGet();
    inner.applyAdd(x, out);
  }

  @Override
  public void applyAdjointAdd(double[] y, double[] out) {
    adjoint.incrementAndGet();
    inner.applyAdjointAdd(y, out);
  }
}
