/** The annotations a user writes: {@link dev.adjoint.annotations.Differentiable} and {@link dev.adjoint.annotations.CustomRule}. */
package dev.adjoint.annotations;
