/**
 * Checkpointing schedules for reversing long time loops in bounded memory: {@link
 * dev.adjoint.runtime.checkpoint.Revolve}, Griewank and Walther's binomial schedule for a known
 * number of steps, and {@link dev.adjoint.runtime.checkpoint.OnlineRevolve} for a loop whose
 * number of steps is known only when it ends.
 */
package dev.adjoint.runtime.checkpoint;
