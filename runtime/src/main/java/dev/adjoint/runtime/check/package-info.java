/**
 * Checks of derivatives: {@link dev.adjoint.runtime.check.GradCheck} for gradients (central
 * differences, Taylor remainders, dot-product tests) and {@link dev.adjoint.runtime.check.RuleCheck}
 * for hand-written pullbacks.
 */
package dev.adjoint.runtime.check;
