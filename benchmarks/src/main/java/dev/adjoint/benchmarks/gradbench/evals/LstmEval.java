package dev.adjoint.benchmarks.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * Protocol glue for {@link Lstm}: input {@code {main_params: [2l][4b], extra_params: [3][b],
 * state: [2l][b], sequence: [c][b]}}; the jacobian is the gradient with respect to
 * {@code main_params} then {@code extra_params}, each flattened row-major.
 */
public final class LstmEval {
  private LstmEval() {}

  /** The parsed input. */
  public record Input(double[][] mainParams, double[][] extraParams, double[][] state, double[][] sequence) {}

  static Eval eval() {
    return Eval.of(
        "lstm",
        "objective", EvalFunction.of(LstmEval::parse, LstmEval::objective).warmedUpOn(LstmEval::shortSequence),
        "jacobian", EvalFunction.of(LstmEval::parse, LstmEval::jacobian).warmedUpOn(LstmEval::shortSequence));
  }

  /** The same network on the first 3 characters of the sequence, for warming up. */
  static Input shortSequence(Input in) {
    return new Input(in.mainParams, in.extraParams, in.state,
        Arrays.copyOf(in.sequence, Math.min(in.sequence.length, 3)));
  }

  public static double objective(Input in) {
    return Lstm.objective(in.mainParams, in.extraParams, in.state, in.sequence);
  }

  public static double[] jacobian(Input in) {
    LstmAdjoint.ObjectiveGradient g =
        LstmAdjoint.objectiveGradient(in.mainParams, in.extraParams, in.state, in.sequence);
    return flatten(g.mainParams(), g.extraParams());
  }

  private static double[] flatten(double[][] first, double[][] second) {
    int size = 0;
    for (double[] row : first) {
      size += row.length;
    }
    for (double[] row : second) {
      size += row.length;
    }
    double[] flat = new double[size];
    int at = 0;
    for (double[][] matrix : new double[][][] {first, second}) {
      for (double[] row : matrix) {
        System.arraycopy(row, 0, flat, at, row.length);
        at += row.length;
      }
    }
    return flat;
  }

  public static Input parse(JsonNode json) {
    Inputs.Fields input = Inputs.object(json, "input");
    double[][] mainParams = input.matrix("main_params", -1, -1);
    if (mainParams.length == 0 || mainParams.length % 2 != 0 || mainParams[0].length % 4 != 0
        || mainParams[0].length == 0) {
      throw new InputException("input.main_params: expected [2l][4b] with l, b >= 1");
    }
    int layers = mainParams.length / 2;
    int b = mainParams[0].length / 4;
    double[][] sequence = input.matrix("sequence", -1, b);
    if (sequence.length < 2) {
      throw new InputException("input.sequence: expected at least two characters");
    }
    return new Input(
        mainParams, input.matrix("extra_params", 3, b), input.matrix("state", 2 * layers, b), sequence);
  }
}
