package dev.adjoint.wave.cpu;

/**
 * The arrays of one time step of one wavefield (see {@code Discretization} for the update). The
 * optional terms are null when unused.
 *
 * @param current the current level {@code u}
 * @param older the previous level {@code u-}, overwritten with the new level {@code u+}
 * @param a {@code dt^2 / m}
 * @param damping {@code eps}
 * @param secondDifference where {@code u+ - 2u + u-} goes, or null
 * @param source a field whose product with {@code sourceWeight} is the source density, or null
 * @param sourceWeight the Born weight {@code -dm / dt^2}
 * @param snapshot the history snapshot to image with, or null
 * @param gradient the imaging sum, {@code += imagingWeight * snapshot * u}
 * @param imagingWeight the imaging weight
 * @param differenceOffset where point 0 of {@code secondDifference} is in its array
 * @param sourceOffset where point 0 of {@code source} is in its array
 * @param snapshotOffset where point 0 of {@code snapshot} is in its array
 */
record Step(float[] current, float[] older, float[] a, float[] damping, float[] secondDifference, float[] source,
    float[] sourceWeight, float[] snapshot, float[] gradient, float imagingWeight, int differenceOffset,
    int sourceOffset, int snapshotOffset) {}
