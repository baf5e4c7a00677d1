// Issue 19 (wrt = "this"): a false positive of the tester, kept. The field scale was 1.25, a constant the generator also writes, so min(scale, 1.25) sat exactly on its kink: the adjoint takes Java's branch (1), central differences average the two (1/2). The tester now sets the field to 1.1875, which no generated constant equals.
// inputs: seed 12000151, length 2, n 2
public class FieldAtATie {
  double scale = 1.25;
  @Differentiable(wrt = {"x", "y", "a", "b", "this"}) double f(double[] x, double[] y, double a, double b, int n) {
    a = rndlib.Library.soft(x[x.length - 1], Math.min(scale, 1.25));
    return a;
  }
}
