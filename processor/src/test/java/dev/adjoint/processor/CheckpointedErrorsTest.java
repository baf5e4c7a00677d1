package dev.adjoint.processor;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @Checkpointed} loops the reverse cannot checkpoint: each is one error, at the loop (its
 * condition), at the write that hides the loop's state, or at the annotation, saying why and what
 * to write instead.
 */
class CheckpointedErrorsTest {

  static Stream<Arguments> programs() {
    return Stream.of(
        program("loop inside another loop", "[Adjoint:Checkpoint] this loop cannot be @Checkpointed: it is inside"
            + " another loop or a branch. Mark the outermost time loop", "< n; t++",
            "@Differentiable static double f(double x, int n) {",
            "  for (int k = 0; k < 2; k++) {",
            "    for (@Checkpointed(snapshots = 2) int t = 0; t < n; t++) { x = x * 1.5; } " + Sources.HERE,
            "  }",
            "  return x;",
            "}"),
        program("break", "[Adjoint:Checkpoint] this loop cannot be @Checkpointed: it can leave early (break)", "< n; t++",
            "@Differentiable static double f(double x, int n) {",
            "  for (@Checkpointed(snapshots = 2) int t = 0; t < n; t++) { x = x * 1.5; if (x > 9) break; } " + Sources.HERE,
            "  return x;",
            "}"),
        program("step of two", "[Adjoint:Checkpoint] this loop cannot be @Checkpointed: it does not count by one",
            "< n; t += 2",
            "@Differentiable static double f(double x, int n) {",
            "  for (@Checkpointed(snapshots = 2) int t = 0; t < n; t += 2) { x = x * 1.5; } " + Sources.HERE,
            "  return x;",
            "}"),
        program("write through a row declared in the loop", "[Adjoint:Checkpoint] this loop cannot be @Checkpointed: it"
            + " writes an array through 'row', declared inside the loop", "[1] = row",
            "@Differentiable static double f(double[][] m, int n) {",
            "  double[][] w = new double[2][2];",
            "  for (@Checkpointed(snapshots = 2) int t = 0; t < n; t++) {",
            "    double[] row = w[0];",
            "    row[1] = row[0] + m[0][0]; " + Sources.HERE,
            "  }",
            "  return w[0][1];",
            "}"),
        program("state an array of longs", "[Adjoint:Checkpoint] this loop cannot be @Checkpointed: its state includes"
            + " 'counts' of type long[]", "[0] += 1",
            "@Differentiable static double f(double x, int n) {",
            "  long[] counts = new long[2];",
            "  for (@Checkpointed(snapshots = 2) int t = 0; t < n; t++) {",
            "    counts[0] += 1; " + Sources.HERE,
            "    x = x * 1.1;",
            "  }",
            "  return x;",
            "}"),
        program("no snapshots", "[Adjoint:Checkpoint] this loop cannot be @Checkpointed: snapshots is 0. Give the number",
            "@Checkpointed",
            "@Differentiable static double f(double x, int n) {",
            "  for (@Checkpointed(snapshots = 0) int t = 0; t < n; t++) { x = x * 1.5; } " + Sources.HERE,
            "  return x;",
            "}"),
        program("not a loop index", "[Adjoint:Checkpoint] this loop cannot be @Checkpointed: @Checkpointed marks the index"
            + " of a counted for loop, not the local variable y", "@Checkpointed",
            "@Differentiable static double f(double x) {",
            "  @Checkpointed(snapshots = 2) double y = x * x; " + Sources.HERE,
            "  return y;",
            "}"));
  }

  private static Arguments program(String name, String message, String at, String... body) {
    return Arguments.of(name, message, at, body);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void isRejectedWithOneErrorSayingWhy(String name, String message, String at, String[] body) {
    Sources.assertRejected(message, at, body);
  }
}
