package dev.adjoint.processor.random;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The second derivatives of a program with a tangent: its adjoint's adjoint has {@code fHvp}, whose
 * gradient is fGradient's and whose Hessian-vector product matches central differences of the
 * gradient along the direction, wherever two step sizes agree (away from kinks).
 */
final class HvpCheck {
  private final Checker checker;
  private final Program program;
  private final Method hvp;
  private final Finite finite;

  HvpCheck(Checker checker, Program program, Method hvp, Finite finite) {
    this.checker = checker;
    this.program = program;
    this.hvp = hvp;
    this.finite = finite;
  }

  Checker.Verdict check(Inputs inputs, double[] gradient) {
    if (hvp == null && checker.hvpLeftOut) {
      return null; // too large for one JVM method: the processor says so in the class's Javadoc
    }
    if (hvp == null) {
      return verdict("the method has a tangent but its adjoint's adjoint has no fHvp: " + checker.secondOrderClass);
    }
    SplittableRandom r = new SplittableRandom(program.seed() + 43);
    double[] v = new double[gradient.length];
    List<Object> args = new ArrayList<>(Arrays.asList(checker.arguments(inputs.copy(), null)));
    for (String name : program.wrt()) {
      int[] slot = inputs.slot(name);
      for (int i = slot[0]; i < slot[0] + slot[1]; i++) {
        v[i] = r.nextDouble(-1, 1);
      }
      args.add(name.equals("x") || name.equals("y") ? Arrays.copyOfRange(v, slot[0], slot[0] + slot[1]) : v[slot[0]]);
    }
    double[] hv = new double[gradient.length];
    double[] grad = new double[gradient.length];
    try {
      Object record = hvp.invoke(null, args.toArray());
      for (String name : program.wrt()) {
        int[] slot = inputs.slot(name);
        read(Checker.component(record, name), hv, slot);
        read(Checker.component(record, name + "Gradient"), grad, slot);
      }
    } catch (Throwable t) {
      return verdict("fHvp: " + BatchCompiler.stack(Checker.cause(t)));
    }
    for (int i = 0; i < gradient.length; i++) {
      if (!close(grad[i], gradient[i], 1e-9)) {
        return verdict("fHvp's gradient " + grad[i] + ", fGradient's " + gradient[i] + " at " + i);
      }
    }
    double[] coarse;
    double[] fine;
    try {
      coarse = difference(inputs, v, 1e-4);
      fine = difference(inputs, v, 5e-5);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // the gradient nearby is not defined: nothing to compare with
    }
    // a program with float values rounds its gradient to float: differences judge it to 1e-2
    double tolerance = program.source().matches("(?s).*\\bfloat\\b.*") ? 1e-2 : 1e-5;
    for (int i = 0; i < gradient.length; i++) {
      if (close(coarse[i], fine[i], 1e-6) && !close(hv[i], fine[i], tolerance)) {
        return verdict("Hv[" + i + "] = " + hv[i] + ", central differences of the gradient " + fine[i]);
      }
    }
    return null;
  }

  private double[] difference(Inputs inputs, double[] v, double h) throws ReflectiveOperationException {
    double[] x = inputs.flat();
    double[] plus = x.clone();
    double[] minus = x.clone();
    for (int i = 0; i < x.length; i++) {
      plus[i] += h * v[i];
      minus[i] -= h * v[i];
    }
    double[] gp = checker.gradientAt(inputs.with(plus));
    double[] gm = checker.gradientAt(inputs.with(minus));
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (gp[i] - gm[i]) / (2 * h);
    }
    return out;
  }

  private static boolean close(double a, double b, double relative) {
    return Math.abs(a - b) <= relative * (Math.abs(a) + Math.abs(b) + 1e-3);
  }

  private static void read(Object component, double[] into, int[] slot) {
    if (component instanceof double[] a) {
      System.arraycopy(a, 0, into, slot[0], slot[1]);
    } else {
      into[slot[0]] = ((Number) component).doubleValue();
    }
  }

  private Checker.Verdict verdict(String detail) {
    return new Checker.Verdict(Outcome.WRONG_HVP, detail, finite.compared(), finite.skipped());
  }

  /**
   * Whether the second-order class says, with a reason the tester accepts, that f's pushforward has
   * no adjoint: too large, a call of a custom rule's pushforward (which has no derivative itself),
   * or a call of a method left out for one of those reasons.
   */
  static boolean leftOut(java.nio.file.Path secondOrder) {
    try {
      if (secondOrder == null || !java.nio.file.Files.exists(secondOrder)) {
        return false;
      }
      java.util.Map<String, String> reasons = new java.util.HashMap<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("<li>\\{@code (\\w+)}: ([^\\n]*)")
          .matcher(java.nio.file.Files.readString(secondOrder));
      while (m.find()) {
        reasons.put(m.group(1), m.group(2));
      }
      return acceptable("fPushforwardInto", reasons, 0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean acceptable(String method, java.util.Map<String, String> reasons, int depth) {
    String why = reasons.get(method);
    if (why == null || depth > 10) {
      return false;
    }
    java.util.regex.Matcher calls = java.util.regex.Pattern.compile("it calls \\{@code (\\w+)}, which has no adjoint here")
        .matcher(why);
    return why.startsWith("its adjoint would pass")
        || why.matches("\\[Adjoint:UnsupportedCall\\] \\w+\\.h\\d+Pushforward has no derivative.*")
        || calls.matches() && acceptable(calls.group(1), reasons, depth + 1);
  }
}
