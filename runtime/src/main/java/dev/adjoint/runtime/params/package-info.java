/**
 * Model parameters as one vector: the helpers behind the generated {@code Params} records of
 * classes differentiated with respect to {@code "this"}, so that optimizers and gradient checks,
 * which work on a {@code double[]}, take a model's fields and their adjoints directly.
 */
package dev.adjoint.runtime.params;
