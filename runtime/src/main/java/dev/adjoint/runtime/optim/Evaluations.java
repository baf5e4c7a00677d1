package dev.adjoint.runtime.optim;

/** The objective, counting what the optimizer asks of it. */
final class Evaluations {
  private final Objective objective;
  private int fCalls;
  private int gCalls;

  Evaluations(Objective objective) {
    this.objective = objective;
  }

  Point evaluate(double[] x) {
    double[] g = new double[x.length];
    fCalls++;
    gCalls++;
    double f = objective.valueAndGradient(x, g);
    return new Point(x, f, g);
  }

  double value(double[] x) {
    fCalls++;
    return objective.value(x);
  }

  int fCalls() {
    return fCalls;
  }

  int gCalls() {
    return gCalls;
  }
}
