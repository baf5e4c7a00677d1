package dev.adjoint.wave.engine;

/**
 * What a run produced.
 *
 * @param output the sampled values, time-major ({@code output[t * points + p]}); empty if the
 *     run sampled nothing
 * @param gradient the imaging condition's sum on the padded grid, or null
 */
public record RunResult(float[] output, float[] gradient) {}
