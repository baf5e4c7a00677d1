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
        program("return", "[Adjoint:Checkpoint] this loop cannot be @Checkpointed: it can leave the method (return)."
            + " Leave the loop with break", "< n; t++",
            "@Differentiable static double f(double x, int n) {",
            "  for (@Checkpointed(snapshots = 2) int t = 0; t < n; t++) { x = x * 1.5; if (x > 9) return x; } " + Sources.HERE,
            "  return x;",
            "}"),
        program("a while loop inside a branch", "[Adjoint:Checkpoint] this loop cannot be @Checkpointed: it is inside"
            + " another loop or a branch", "< 9",
            "@Differentiable static double f(double x, boolean go) {",
            "  if (go) {",
            "    @Checkpointed(snapshots = 2) int steps = 0;",
            "    while (x < 9) { x = x * 1.5; steps++; } " + Sources.HERE,
            "  }",
            "  return x;",
            "}"),
        program("a condition that counts", "[Adjoint:Checkpoint] this loop cannot be @Checkpointed: its condition changes"
            + " 'k'; the steps the reverse runs again skip it. Change the variable in the loop's body", "++ < n",
            "@Differentiable static double f(double x, int n) {",
            "  int k = 0;",
            "  @Checkpointed(snapshots = 2) double y = x;",
            "  while (k++ < n) { y = y * 1.5; } " + Sources.HERE,
            "  return y;",
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
        program("not a loop index", "[Adjoint:Checkpoint] this loop cannot be @Checkpointed: @Checkpointed marks a for"
            + " loop's index or the local declared just before a while loop, not the local variable y", "@Checkpointed",
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
