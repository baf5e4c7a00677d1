package dev.adjoint.processor.random;

import dev.adjoint.runtime.tape.Tape;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs the checks on one compiled program: the gradient's value equals a plain call bitwise, the
 * arguments come back unchanged, no sweep throws or leaves records on its tape, and both the
 * gradient and the low-level pullback match central differences wherever the function is smooth,
 * under split, mixed and joint reversal of calls; where the method has a tangent (forward mode),
 * its value is f's bitwise and its tangent in a random direction is the gradient's dot product
 * with that direction.
 */
final class Checker {
  /** Call-recording budgets: the default (split while it lasts), a small one (mixed), 0 (joint). */
  static final long[] BUDGETS = {-1, 40, 0};
  /** A program whose value or arrays grow past this is not well defined for the test. */
  private static final double BLOWN_UP = 1e6;

  /** A check's verdict, with the number of derivative components it compared and skipped. */
  record Verdict(Outcome outcome, String detail, int compared, int skipped) {}

  private final Program program;
  private final Object receiver;
  private final Method plain;
  private final Method twin;
  private final Object twinReceiver;
  private final Method gradient;
  private final Method pullbackInto;
  /** fTangent, or null where the method has no tangent. */
  private final Method tangent;
  /** fTangents, or null. */
  private final Method tangents;
  private final SelfDots selfDots;
  /** fHvp of the adjoint's adjoint (second derivatives), or null where there is none. */
  private final Method hvp;
  /** What the second-order class has, for the report when fHvp is missing. */
  final String secondOrderClass;
  /** Whether the second-order class says it left f's pushforward out (too large for one JVM method). */
  final boolean hvpLeftOut;
  private final Finite finite;
  /** The gradient the last {@link #checkGradient} read, in {@link Inputs#flat} order. */
  private double[] gradientRead;

  Checker(Program program, ClassLoader loader, java.nio.file.Path generated) throws ReflectiveOperationException {
    this.program = program;
    Class<?> c = Class.forName(program.qualifiedName(), true, loader);
    Class<?> adjoint = Class.forName(program.qualifiedName() + "Adjoint", true, loader);
    plain = find(c, "f");
    Class<?> t = Class.forName(Program.PACKAGE + "." + program.twinName(), true, loader);
    twin = find(t, "f");
    gradient = find(adjoint, "fGradient");
    pullbackInto = find(adjoint, "fPullbackInto");
    selfDots = new SelfDots(program, adjoint); // a tangent with respect to fields takes them as a record
    tangent = Arrays.stream(adjoint.getDeclaredMethods()).anyMatch(m -> m.getName().equals("fTangent"))
        ? find(adjoint, "fTangent") : null;
    tangents = Arrays.stream(adjoint.getDeclaredMethods()).anyMatch(m -> m.getName().equals("fTangents"))
        ? find(adjoint, "fTangents") : null;
    Class<?> second;
    try {
      second = Class.forName(program.qualifiedName() + "AdjointAdjoint", true, loader);
    } catch (ClassNotFoundException e) {
      second = null;
    }
    hvp = second != null && Arrays.stream(second.getDeclaredMethods()).anyMatch(m -> m.getName().equals("fHvp"))
        ? find(second, "fHvp") : null;
    secondOrderClass = second == null ? "no class " + program.qualifiedName() + "AdjointAdjoint"
        : "methods " + Arrays.stream(second.getDeclaredMethods()).map(Method::getName).sorted().toList();
    hvpLeftOut = HvpCheck.leftOut(generated == null ? null : generated.resolve(program.qualifiedName().replace('.', '/')
        + "AdjointAdjoint.java"));
    if (program.instance()) {
      Constructor<?> k = c.getDeclaredConstructor();
      k.setAccessible(true);
      receiver = k.newInstance();
      Constructor<?> kt = t.getDeclaredConstructor();
      kt.setAccessible(true);
      twinReceiver = kt.newInstance();
    } else {
      receiver = null;
      twinReceiver = null;
    }
    finite = new Finite(program.source().matches("(?s).*\\bfloat\\b.*"));
  }

  Verdict check() {
    Inputs inputs = Inputs.draw(program);
    Inputs direct = inputs.copy();
    double value;
    try {
      value = callPlain(direct);
    } catch (Throwable t) {
      return new Verdict(Outcome.ILL_DEFINED, "f throws: " + t, 0, 0);
    }
    if (!(Math.abs(value) < BLOWN_UP)) {
      return new Verdict(Outcome.ILL_DEFINED, "f = " + value, 0, 0);
    }
    Probe.reset();
    try {
      Inputs probed = inputs.copy();
      setScale(twinReceiver, probed.scale());
      twin.invoke(twinReceiver, probed.x(), probed.y(), probed.a(), probed.b(), probed.n());
    } catch (ReflectiveOperationException e) {
      return new Verdict(Outcome.ILL_DEFINED, "the plain twin throws: " + e, 0, 0);
    }
    if (!(Probe.largest() < BLOWN_UP)) {
      return new Verdict(Outcome.ILL_DEFINED, "an intermediate value reaches " + Probe.largest(), 0, 0);
    }
    if (!moderate(direct.x()) || !moderate(direct.y())) {
      // values that grow this far overflow somewhere the value may not depend on, and the
      // adjoint of an overflow is 0 * Infinity: outside what central differences can judge
      return new Verdict(Outcome.ILL_DEFINED, "f leaves x = " + Arrays.toString(direct.x()) + ", y = "
          + Arrays.toString(direct.y()), 0, 0);
    }
    String singular = Probe.singular();
    double[][] reference = numericGradient(inputs, 1.0, null, null);
    long standard = Tape.setThreadCallRecordingBytes(0);
    Tape.setThreadCallRecordingBytes(standard);
    for (long budget : BUDGETS) {
      long previous = Tape.setThreadCallRecordingBytes(budget < 0 ? standard : budget);
      try {
        Verdict v = checkGradient(inputs, value, reference, budget);
        if (v == null) {
          v = checkPullback(inputs, budget);
        }
        if (v != null) {
          boolean derivative = v.outcome() == Outcome.WRONG_GRADIENT || v.outcome() == Outcome.WRONG_PULLBACK;
          return derivative && singular != null
              ? new Verdict(Outcome.ILL_DEFINED, "evaluates " + singular + ", where the chain rule fails: " + v.detail(),
                  v.compared(), v.skipped())
              : v;
        }
      } finally {
        Tape.setThreadCallRecordingBytes(previous);
      }
    }
    Verdict t = tangent == null ? null
        : new TangentCheck(this, program, tangent, selfDots, finite).check(inputs, value, gradientRead);
    if (t == null && tangents != null) {
      t = VectorCheck.check(this, program, tangent, tangents, selfDots, inputs, finite);
    }
    String secondOrder = Probe.secondOrderSingular();
    // second derivatives need first ones that hold; a method with respect to fields has its HVP with
    // the fields as explicit parameters of the second-order class, which this check does not build
    if (t == null && tangent != null && singular == null && !selfDots.present()) {
      t = new HvpCheck(this, program, hvp, finite).check(inputs, gradientRead);
      if (t != null && secondOrder != null) {
        t = new Verdict(Outcome.ILL_DEFINED, "evaluates " + secondOrder + ", where the second derivative is infinite: "
            + t.detail(), t.compared(), t.skipped());
      }
    }
    if (t != null) {
      return singular != null ? new Verdict(Outcome.ILL_DEFINED, "evaluates " + singular + ", where the chain rule fails: "
          + t.detail(), t.compared(), t.skipped()) : t;
    }
    return new Verdict(Outcome.PASSED, "", finite.compared(), finite.skipped());
  }

  private Verdict checkGradient(Inputs inputs, double value, double[][] reference, long budget) {
    Inputs in = inputs.copy();
    long unbalanced = Tape.unbalancedReleases();
    Object record;
    try {
      record = gradient.invoke(null, arguments(in, null));
    } catch (Throwable t) {
      return new Verdict(Outcome.THROWS, setting(budget) + "fGradient: " + BatchCompiler.stack(cause(t)), finite.compared(), finite.skipped());
    }
    if (Tape.unbalancedReleases() != unbalanced) {
      return new Verdict(Outcome.TAPE_NOT_EMPTY, setting(budget) + "fGradient", finite.compared(), finite.skipped());
    }
    Verdict mutated = unchanged(inputs, in, budget, "fGradient");
    if (mutated != null) {
      return mutated;
    }
    double got = ((Number) component(record, "value")).doubleValue();
    if (Double.doubleToLongBits(got) != Double.doubleToLongBits(value)) {
      return new Verdict(Outcome.VALUE_DIFFERS, setting(budget) + "value() = " + got + ", f = " + value, finite.compared(), finite.skipped());
    }
    double[] derivative = flatGradient(record, inputs);
    gradientRead = derivative;
    String wrong = finite.compare(derivative, reference, slots(inputs), this::namedComponent);
    return wrong == null ? null : new Verdict(Outcome.WRONG_GRADIENT, setting(budget) + wrong, finite.compared(), finite.skipped());
  }

  /** The gradient at in, in {@link Inputs#flat} order (fGradient's components). */
  double[] gradientAt(Inputs in) throws ReflectiveOperationException {
    return flatGradient(gradient.invoke(null, arguments(in, null)), in);
  }

  /** A gradient record's components in {@link Inputs#flat} order. */
  private double[] flatGradient(Object record, Inputs in) {
    double[] derivative = new double[in.flat().length];
    for (String name : program.wrt()) {
      Object d = name.equals("this") ? component(component(record, "self"), "scale") : component(record, name);
      int[] slot = in.slot(name);
      if (d instanceof double[] arr) {
        System.arraycopy(arr, 0, derivative, slot[0], slot[1]);
      } else {
        derivative[slot[0]] = ((Number) d).doubleValue();
      }
    }
    return derivative;
  }

  /** The pullback for a random seed and random adjoints of the arrays' final contents. */
  private Verdict checkPullback(Inputs inputs, long budget) {
    SplittableRandom r = new SplittableRandom(program.seed() + 17);
    double dy = r.nextDouble(-2, 2);
    double[] xBar = randomLike(inputs.x(), r);
    double[] yBar = randomLike(inputs.y(), r);
    double[][] reference = numericGradient(inputs, dy, xBar, yBar);
    Inputs in = inputs.copy();
    double[] xBarIo = xBar.clone();
    double[] yBarIo = yBar.clone();
    long unbalanced = Tape.unbalancedReleases();
    Object returned;
    try {
      returned = pullbackInto.invoke(null, arguments(in, new Object[] {dy, xBarIo, yBarIo}));
    } catch (Throwable t) {
      return new Verdict(Outcome.THROWS, setting(budget) + "fPullbackInto: " + BatchCompiler.stack(cause(t)), finite.compared(), finite.skipped());
    }
    if (Tape.unbalancedReleases() != unbalanced) {
      return new Verdict(Outcome.TAPE_NOT_EMPTY, setting(budget) + "fPullbackInto", finite.compared(), finite.skipped());
    }
    Verdict mutated = unchanged(inputs, in, budget, "fPullbackInto");
    if (mutated != null) {
      return mutated;
    }
    double[] derivative = new double[reference[0].length];
    List<String> scalars = new ArrayList<>();
    for (String name : program.wrt()) {
      int[] slot = inputs.slot(name);
      switch (name) {
        case "x" -> System.arraycopy(xBarIo, 0, derivative, slot[0], slot[1]);
        case "y" -> System.arraycopy(yBarIo, 0, derivative, slot[0], slot[1]);
        default -> scalars.add(name);
      }
    }
    for (int i = 0; i < scalars.size(); i++) {
      double d = returned instanceof double[] arr ? arr[i] : ((Number) returned).doubleValue();
      derivative[inputs.slot(scalars.get(i))[0]] = d;
    }
    String wrong = finite.compare(derivative, reference, slots(inputs), this::namedComponent);
    return wrong == null ? null : new Verdict(Outcome.WRONG_PULLBACK, setting(budget) + "dy = " + dy + ", " + wrong, finite.compared(), finite.skipped());
  }

  /** dy f + xBar . (x after f) + yBar . (y after f), by central differences in each wrt input. */
  private double[][] numericGradient(Inputs inputs, double dy, double[] xBar, double[] yBar) {
    return finite.gradient(inputs.flat(), slots(inputs), flat -> {
      Inputs in = inputs.with(flat);
      double v = dy * callPlain(in);
      if (xBar != null) {
        // only the arrays the pullback takes adjoints for: a passive array's final contents have none
        boolean x = program.wrt().contains("x");
        boolean y = program.wrt().contains("y");
        for (int i = 0; i < xBar.length; i++) {
          v += (x ? xBar[i] * in.x()[i] : 0) + (y ? yBar[i] * in.y()[i] : 0);
        }
      }
      return v;
    });
  }

  private boolean[] slots(Inputs inputs) {
    boolean[] active = new boolean[inputs.flat().length];
    for (String name : program.wrt()) {
      int[] slot = inputs.slot(name);
      Arrays.fill(active, slot[0], slot[0] + slot[1], true);
    }
    return active;
  }

  private String namedComponent(int i) {
    int l = program.length();
    return i < l ? "x[" + i + "]" : i < 2 * l ? "y[" + (i - l) + "]" : i == 2 * l ? "a" : i == 2 * l + 1 ? "b"
        : "this.scale";
  }

  private Verdict unchanged(Inputs before, Inputs after, long budget, String what) {
    if (!Arrays.equals(before.x(), after.x()) || !Arrays.equals(before.y(), after.y())) {
      return new Verdict(Outcome.INPUT_MUTATED, setting(budget) + what + " left x = " + Arrays.toString(after.x())
          + ", y = " + Arrays.toString(after.y()) + "; they were " + Arrays.toString(before.x()) + ", "
          + Arrays.toString(before.y()), finite.compared(), finite.skipped());
    }
    return null;
  }

  double callPlain(Inputs in) {
    try {
      setScale(receiver, in.scale());
      return ((Number) plain.invoke(receiver, in.x(), in.y(), in.a(), in.b(), in.n())).doubleValue();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  Object[] arguments(Inputs in, Object[] tail) {
    List<Object> args = new ArrayList<>();
    if (program.instance()) {
      args.add(receiver);
    }
    args.addAll(List.of(in.x(), in.y(), in.a(), in.b(), in.n()));
    setScale(receiver, in.scale());
    if (tail != null && program.wrt().contains("this")) {
      args.add(in.scale()); // the low-level pullback takes the receiver's fields after the parameters
    }
    if (tail != null) {
      args.add(tail[0]);
      if (program.wrt().contains("x")) {
        args.add(tail[1]);
      }
      if (program.wrt().contains("y")) {
        args.add(tail[2]);
      }
    }
    return args.toArray();
  }

  /** Sets the receiver's field scale, which an instance program reads (and may differentiate). */
  private static void setScale(Object receiver, double value) {
    if (receiver == null) {
      return;
    }
    try {
      for (java.lang.reflect.Field f : receiver.getClass().getDeclaredFields()) {
        if (f.getName().equals("scale")) { // kept regressions may have no such field
          f.setAccessible(true);
          f.setDouble(receiver, value);
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static Object component(Object record, String name) {
    try {
      for (RecordComponent c : record.getClass().getRecordComponents()) {
        if (c.getName().equals(name)) {
          Method m = c.getAccessor();
          m.setAccessible(true);
          return m.invoke(record);
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("the gradient record has no component " + name);
  }

  private static Method find(Class<?> c, String name) {
    for (Method m : c.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        m.setAccessible(true);
        return m;
      }
    }
    throw new IllegalStateException(c.getName() + " has no method " + name);
  }

  private static boolean moderate(double[] a) {
    for (double v : a) {
      if (!(Math.abs(v) < BLOWN_UP)) {
        return false;
      }
    }
    return true;
  }

  private static double[] randomLike(double[] a, SplittableRandom r) {
    double[] out = new double[a.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = r.nextDouble(-1, 1);
    }
    return out;
  }

  static Throwable cause(Throwable t) {
    return t instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : t;
  }

  private static String setting(long budget) {
    return budget < 0 ? "" : budget == 0 ? "[joint] " : "[mixed, " + budget + " bytes] ";
  }
}
