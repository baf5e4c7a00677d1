/**
 * The annotations a user writes: {@link dev.adjoint.annotations.Differentiable},
 * {@link dev.adjoint.annotations.CustomRule}, {@link dev.adjoint.annotations.Mutates} and
 * {@link dev.adjoint.annotations.Checkpointed}.
 */
package dev.adjoint.annotations;
