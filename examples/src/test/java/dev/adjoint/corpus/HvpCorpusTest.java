package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Second derivatives across the corpus: for every static method whose adjoint's adjoint has an
 * {@code fHvp}, at inputs found by trying sizes, the Hessian-vector product equals central
 * differences of the gradient along the direction (to 1e-6 relative; 2e-3 in float, whose gradients
 * round), it is symmetric ({@code u . Hv = v . Hu} to rounding), and its gradient is
 * {@code fGradient}'s.
 */
class HvpCorpusTest {
  @Test
  void everyHessianVectorProductIsTheGradientsDerivative() throws Exception {
    List<String> checked = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (Class<?> second : TangentCorpusTest.adjointClasses()) {
      if (!second.getSimpleName().endsWith("AdjointAdjoint")) {
        continue;
      }
      Class<?> adjoint = Class.forName(second.getName().replaceFirst("Adjoint$", ""));
      Class<?> owner = TangentCorpusTest.primalClass(adjoint);
      for (Method hvp : second.getMethods()) {
        if (!hvp.getName().endsWith("Hvp")) {
          continue;
        }
        String name = hvp.getName().substring(0, hvp.getName().length() - 3);
        Method primal = TangentCorpusTest.find(owner, name);
        Method gradient = TangentCorpusTest.find(adjoint, name + "Gradient");
        Object[] args = primal == null ? null : CorpusInputs.find(primal);
        if (args == null || gradient == null) {
          continue;
        }
        String verdict = check(primal, gradient, hvp, args);
        if (verdict == null) {
          checked.add(owner.getSimpleName() + "." + name);
        } else {
          wrong.add(owner.getSimpleName() + "." + name + ": " + verdict);
        }
      }
    }
    System.out.println("hvp corpus: " + checked.size() + " Hessian-vector products checked");
    assertTrue(wrong.isEmpty(), "wrong Hessian-vector products:\n" + String.join("\n", wrong));
    assertTrue(checked.size() >= 15, "only " + checked.size() + " checked: " + checked);
  }

  private static String check(Method primal, Method gradient, Method hvp, Object[] args) throws Exception {
    Random rnd = new Random(11);
    RecordComponent[] wrt = gradient.getReturnType().getRecordComponents();
    boolean floats = java.util.Arrays.stream(primal.getParameterTypes())
        .anyMatch(t -> t == float.class || t == float[].class || t == float[][].class);
    double rounding = floats ? 1e-5 : 1e-8; // the products are summed in different orders
    Object[] u = new Object[args.length];
    Object[] v = new Object[args.length];
    for (int c = 1; c < wrt.length; c++) {
      int k = CorpusInputs.indexOf(primal, wrt[c].getName());
      u[k] = CorpusInputs.like(args[k], rnd);
      v[k] = CorpusInputs.like(args[k], rnd);
    }
    double[] hv = product(hvp, args, v, wrt, primal, "");
    double[] hu = product(hvp, args, u, wrt, primal, "");
    double[] grad = product(hvp, args, v, wrt, primal, "Gradient");
    double[] expectedGrad = flatten(gradient.invoke(null, CorpusInputs.copy(args)), wrt, "");
    double[] uf = flatten(u, wrt, primal);
    double[] vf = flatten(v, wrt, primal);
    double uhv = dot(uf, hv);
    double vhu = dot(vf, hu);
    if (Math.abs(uhv - vhu) > rounding * (Math.abs(uhv) + Math.abs(vhu) + 1)) {
      return "not symmetric: u.Hv = " + uhv + ", v.Hu = " + vhu;
    }
    for (int i = 0; i < grad.length; i++) {
      if (Math.abs(grad[i] - expectedGrad[i]) > rounding * (Math.abs(expectedGrad[i]) + 1)) {
        return "gradient " + grad[i] + ", fGradient " + expectedGrad[i];
      }
    }
    double h = floats ? 1e-2 : 1e-5; // a float gradient changes by whole roundings at small steps
    double[] plus = flatten(gradient.invoke(null, CorpusInputs.shifted(args, v, h)), wrt, "");
    double[] minus = flatten(gradient.invoke(null, CorpusInputs.shifted(args, v, -h)), wrt, "");
    double scale = 1e-3;
    for (double x : hv) {
      scale += Math.abs(x);
    }
    for (int i = 0; i < hv.length; i++) {
      double central = (plus[i] - minus[i]) / (2 * h);
      if (Math.abs(central - hv[i]) > (floats ? 2e-3 : 1e-6) * scale) {
        return "Hv[" + i + "] = " + hv[i] + ", central differences of the gradient " + central;
      }
    }
    return null;
  }

  /** fHvp(args, direction)'s components, the product (suffix "") or the gradient ("Gradient"), flattened. */
  private static double[] product(Method hvp, Object[] args, Object[] direction, RecordComponent[] wrt,
      Method primal, String suffix) throws Exception {
    List<Object> call = new ArrayList<>(List.of(CorpusInputs.copy(args)));
    for (int c = 1; c < wrt.length; c++) {
      call.add(CorpusInputs.copy(new Object[] {direction[CorpusInputs.indexOf(primal, wrt[c].getName())]})[0]);
    }
    return flatten(hvp.invoke(null, call.toArray()), wrt, suffix);
  }

  private static double[] flatten(Object record, RecordComponent[] wrt, String suffix) throws Exception {
    List<Double> out = new ArrayList<>();
    for (int c = 1; c < wrt.length; c++) {
      Method accessor = record.getClass().getMethod(wrt[c].getName() + suffix);
      for (double x : CorpusInputs.flat(accessor.invoke(record))) {
        out.add(x);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] flatten(Object[] direction, RecordComponent[] wrt, Method primal) {
    List<Double> out = new ArrayList<>();
    for (int c = 1; c < wrt.length; c++) {
      for (double x : CorpusInputs.flat(direction[CorpusInputs.indexOf(primal, wrt[c].getName())])) {
        out.add(x);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
