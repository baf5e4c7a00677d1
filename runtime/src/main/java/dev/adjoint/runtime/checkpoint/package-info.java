/**
 * Checkpointing schedules for reversing long time loops in bounded memory: {@link
 * dev.adjoint.runtime.checkpoint.Revolve}, Griewank and Walther's binomial schedule.
 */
package dev.adjoint.runtime.checkpoint;
