package dev.adjoint.processor.ir;

import java.util.BitSet;
import java.util.List;

/**
 * What a call resolves to. A differentiable callee or a custom rule is reached in the reverse
 * sweep through its pullback ({@link #pullbackOwner}.{@link #pullbackName}), with the ABI every
 * generated adjoint and every pullback-form rule shares; a passive callee is only ever called.
 *
 * @param kind how the callee is differentiated
 * @param owner qualified name of the class that declares the callee
 * @param name the callee's simple name
 * @param isStatic whether the callee is static (otherwise the receiver comes first in the pullback)
 * @param receiverType source text of the receiver's type for instance callees, else null
 * @param params the callee's parameters, in order
 * @param returnType the callee's result type
 * @param pullbackOwner class that holds the pullback (the generated adjoint class, or the rule's class)
 * @param pullbackName the pullback method's name
 * @param mutated which parameters (by index) the callee may write into: read from {@code @Mutates}
 *     for callees compiled earlier; for callees compiled with the caller, a set the lowering fills
 *     in and then {@linkplain #frozen freezes}
 * @param pushforwardRule a rule callee's pushforward-form rule, null when it has none (and for
 *     every other kind: a differentiable callee's pushforward is its generated one)
 */
public record CallTarget(
    Kind kind,
    String owner,
    String name,
    boolean isStatic,
    String receiverType,
    List<Param> params,
    JType returnType,
    String pullbackOwner,
    String pullbackName,
    BitSet mutated,
    MethodRef pushforwardRule) {

  /** A static method: the qualified name of its class and its simple name. */
  public record MethodRef(String owner, String name) {}

  /**
   * How a callee takes part in differentiation: its generated adjoint, a pullback-form rule, a
   * stateful rule (called once forward; its closure is called in the reverse sweep), or not at all.
   */
  public enum Kind { DIFFERENTIABLE, RULE, STATEFUL_RULE, PASSIVE }

  /**
   * A callee parameter.
   *
   * @param differentiable whether the pullback has an adjoint slot for it
   * @param receiverField whether it is a field of the receiver, passed to the pullback only
   */
  public record Param(String name, JType type, boolean differentiable, boolean receiverField) {
    /** A parameter of the callee's source signature. */
    public Param(String name, JType type, boolean differentiable) {
      this(name, type, differentiable, false);
    }
  }

  /**
   * How many of the arguments the callee itself takes: the rest are its receiver's fields, which
   * only its pullback takes (a callee differentiated with respect to {@code "this"}).
   */
  public int sourceArity() {
    return (int) params.stream().filter(p -> !p.receiverField()).count();
  }

  /**
   * This target with a copy of {@link #mutated} that nothing writes: what the lowering hands on once
   * the fixed point over the round's calls has settled.
   */
  public CallTarget frozen() {
    return new CallTarget(kind, owner, name, isStatic, receiverType, params, returnType, pullbackOwner, pullbackName,
        mutated == null ? null : (BitSet) mutated.clone(), pushforwardRule);
  }

  public boolean isDifferentiated() {
    return kind != Kind.PASSIVE;
  }

  /** A readable name for messages, e.g. {@code Other.g}. */
  public String displayName() {
    int dot = owner.lastIndexOf('.');
    return owner.substring(dot + 1) + "." + name;
  }
}
