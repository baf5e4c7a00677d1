package dev.adjoint.runtime.linop;

/** The identity on real or complex vectors. */
final class Identity extends BaseOperator {
  Identity(int n, ElementType type) {
    super(n, type, n, type);
  }

  @Override
  void addForward(double[] x, double[] out) {
    Shapes.addInto(x, out);
  }

  @Override
  void addAdjoint(double[] y, double[] out) {
    Shapes.addInto(y, out);
  }

  @Override
  String name() {
    return "identity";
  }
}
