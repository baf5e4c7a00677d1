package dev.adjoint.benchmarks.gradbench.evals;

import dev.adjoint.annotations.Differentiable;

/**
 * GradBench's {@code lstm} eval (as in ADBench): the cross-entropy loss of a stacked LSTM that
 * predicts each character of a one-hot sequence from the previous one. Layer {@code i} has its
 * weights in {@code mainParams[2i]} and biases in {@code mainParams[2i + 1]}, each the four
 * blocks forget, input, output and change of {@code b} values; its hidden state is in
 * {@code state[2i]} and its cell state in {@code state[2i + 1]}. {@code extraParams} are the input
 * weights, output weights and output biases.
 */
public final class Lstm {
  private Lstm() {}

  @Differentiable(wrt = {"mainParams", "extraParams"})
  public static double objective(
      double[][] mainParams, double[][] extraParams, double[][] state, double[][] sequence) {
    int b = extraParams[0].length;
    double[][] current = new double[state.length][b];
    for (int i = 0; i < state.length; i++) {
      for (int j = 0; j < b; j++) {
        current[i][j] = state[i][j];
      }
    }
    double[] ypred = new double[b];
    double total = 0;
    int count = 0;
    for (int t = 0; t < sequence.length - 1; t++) {
      predict(mainParams, extraParams, current, sequence[t], ypred);
      double lse = logSumExpPlusTwo(ypred);
      for (int i = 0; i < b; i++) {
        total += sequence[t + 1][i] * (ypred[i] - lse);
      }
      count += b;
    }
    return -total / count;
  }

  /** One step of the network: updates {@code state} and writes the prediction to {@code output}. */
  @Differentiable
  static void predict(
      double[][] mainParams, double[][] extraParams, double[][] state, double[] input, double[] output) {
    int layers = mainParams.length / 2;
    int b = input.length;
    for (int i = 0; i < b; i++) {
      output[i] = input[i] * extraParams[0][i];
    }
    // Layer 0 reads the scaled input; each later layer reads the hidden state of the one below.
    lstmLayer(mainParams[0], mainParams[1], state[0], state[1], output);
    for (int layer = 1; layer < layers; layer++) {
      lstmLayer(mainParams[2 * layer], mainParams[2 * layer + 1], state[2 * layer], state[2 * layer + 1],
          state[2 * layer - 2]);
    }
    for (int i = 0; i < b; i++) {
      output[i] = state[2 * layers - 2][i] * extraParams[1][i] + extraParams[2][i];
    }
  }

  /** One LSTM layer: updates its {@code hidden} and {@code cell} states from {@code input}. */
  @Differentiable
  static void lstmLayer(double[] weight, double[] bias, double[] hidden, double[] cell, double[] input) {
    int b = hidden.length;
    for (int i = 0; i < b; i++) {
      double forget = sigmoid(input[i] * weight[i] + bias[i]);
      double ingate = sigmoid(hidden[i] * weight[b + i] + bias[b + i]);
      double outgate = sigmoid(input[i] * weight[2 * b + i] + bias[2 * b + i]);
      double change = Math.tanh(hidden[i] * weight[3 * b + i] + bias[3 * b + i]);
      cell[i] = cell[i] * forget + ingate * change;
      hidden[i] = outgate * Math.tanh(cell[i]);
    }
  }

  @Differentiable
  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** {@code log(2 + sum(exp(x)))}: ADBench's LSTM normalises with this, not a plain log-sum-exp. */
  @Differentiable
  static double logSumExpPlusTwo(double[] x) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += Math.exp(x[i]);
    }
    return Math.log(sum + 2);
  }
}
