package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InheritedParamsTest {
  private final Random rnd = new Random(6306);

  /** A fresh model holding the values of the flat parameters. */
  private static InheritedParams<String> with(double[] theta) {
    InheritedParams<String> m = new InheritedParams<>();
    InheritedParamsAdjoint.Params.of(m).unflatten(theta).copyInto(m);
    return m;
  }

  @Test
  void superclassFieldsComeFirstAndGetAdjoints() {
    InheritedParams<String> model = new InheritedParams<>();
    double[] theta = InheritedParamsAdjoint.Params.of(model).flatten();
    assertEquals(3 + 1 + 1, theta.length, "w, the superclass's private b, then gain");
    assertEquals(List.of("w", "b", "gain"), Checks.components(InheritedParamsAdjoint.Params.class));
    var g = InheritedParamsAdjoint.fGradient(model, 0.7);
    assertEquals(model.f(0.7), g.value(), 0.0);
    Checks.gradient(t -> with(t).f(0.7), theta, g.self().flatten());
    Checks.taylor(t -> with(t).f(0.7), theta, g.self().flatten(), 63);
  }

  @Test
  void voidMethodWritingAParameterArray() {
    InheritedParams<String> model = new InheritedParams<>();
    double[] theta = InheritedParamsAdjoint.Params.of(model).flatten();
    double[] out = Checks.uniform(rnd, 4, -1, 1);
    double[] seed = Checks.uniform(rnd, 4, -1, 1);
    // the low-level pullback: the fields' values follow the parameters, their adjoints likewise
    double[] outBar = seed.clone();
    double[] wBar = new double[3];
    double[] scalars = InheritedParamsAdjoint.applyPullbackInto(model, out.clone(), model.w, 0.3, model.gain,
        outBar, wBar);
    double[] fieldsBar = Flat.of(wBar, scalars[0], scalars[1]);
    Checks.gradient(t -> {
      double[] o = out.clone();
      with(t).apply(o);
      return Checks.dot(seed, o);
    }, theta, fieldsBar);
  }

  @Test
  void arrayResult() {
    InheritedParams<String> model = new InheritedParams<>();
    double[] theta = InheritedParamsAdjoint.Params.of(model).flatten();
    double[] seed = Checks.uniform(rnd, 3, -1, 1);
    var p = InheritedParamsAdjoint.featuresPullback(model, 0.4, seed);
    Checks.gradient(t -> Checks.dot(seed, with(t).features(0.4)), theta, p.self().flatten());
  }

  @Test
  void aFieldsArrayWrittenByACallee() {
    InheritedParams<String> model = new InheritedParams<>();
    double[] theta = InheritedParamsAdjoint.Params.of(model).flatten();
    var g = InheritedParamsAdjoint.scaleInPlaceGradient(model, 0.7);
    assertEquals(new InheritedParams<String>().scaleInPlace(0.7), g.value(), 0.0);
    assertEquals(theta[0], model.w[0], 0.0); // the gradient leaves the model as it found it
    Checks.gradient(t -> with(t).scaleInPlace(0.7), theta, g.self().flatten());
    Checks.gradient(v -> new InheritedParams<String>().scaleInPlace(v[0]), new double[] {0.7}, new double[] {g.x()});
  }
}
