/**
 * Matrix-free linear operators with adjoints, after JOLI: {@link dev.adjoint.runtime.linop.LinearOperator}
 * and its factories in {@link dev.adjoint.runtime.linop.LinearOperators}.
 */
package dev.adjoint.runtime.linop;
