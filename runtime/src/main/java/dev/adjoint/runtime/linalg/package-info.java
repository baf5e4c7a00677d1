/** Differentiable dense linear algebra through EJML: {@link dev.adjoint.runtime.linalg.Linalg}. */
package dev.adjoint.runtime.linalg;
