/** Differentiable FFTs through JTransforms: {@link dev.adjoint.runtime.fft.Fft}. */
package dev.adjoint.runtime.fft;
