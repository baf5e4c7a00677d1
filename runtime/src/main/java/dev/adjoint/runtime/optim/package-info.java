/**
 * Unconstrained optimizers for differentiable objectives, after Optim.jl:
 * {@link dev.adjoint.runtime.optim.GradientDescent}, {@link dev.adjoint.runtime.optim.ConjugateGradient}
 * and {@link dev.adjoint.runtime.optim.Lbfgs}, configured by {@link dev.adjoint.runtime.optim.Options}
 * and reporting a {@link dev.adjoint.runtime.optim.Result}.
 */
package dev.adjoint.runtime.optim;
